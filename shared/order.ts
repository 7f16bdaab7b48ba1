// The connector's normalized order: one shape for both Stream payload generations and for
// in-store orders. Money is integer cents; times are epoch milliseconds.
import { z } from 'zod';
import { Delivery } from './delivery.js';
import { FulfillmentType, OrderOrigin, OrderStatus, RejectCode } from './domain.js';
import { Kitchen } from './kitchen.js';

export interface Modifier {
  providerId: string | null;
  name: string;
  quantity: number;
  priceCents: number;
  modifiers: Modifier[];
}
export const Modifier: z.ZodType<Modifier> = z.lazy(() =>
  z.object({
    providerId: z.string().nullable(),
    name: z.string(),
    quantity: z.number().int(),
    priceCents: z.number().int(),
    modifiers: z.array(Modifier),
  }),
);

export const LineItem = z.object({
  providerId: z.string().nullable(),
  name: z.string(),
  quantity: z.number().int(),
  priceCents: z.number().int(),
  specialInstructions: z.string().nullable(),
  customerId: z.string().nullable(),
  modifiers: z.array(Modifier),
});
export type LineItem = z.infer<typeof LineItem>;

export const Customer = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** The code that goes with a masked (relay) phone number, dialled after it. */
  phoneCode: z.string().nullable().optional(),
});
export type Customer = z.infer<typeof Customer>;

export const Address = z.record(z.string(), z.unknown());

export const Driver = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  /** The masked phone's code (A1 `driver_details.phone.code`). */
  phoneCode: z.string().nullable().optional(),
  vehicle: z.string().nullable(),
  source: z.string().nullable(),
});
export type Driver = z.infer<typeof Driver>;

/** An order nobody answered: its window ran out, or Stream canceled it first. It stays on the
 * Orders screen until a person has seen it. */
export const Missed = z.object({
  at: z.number().int(),
  reason: z.enum(['expired', 'stream_canceled']),
  /** What Stream was told (an expiry), or the reason Stream gave (a cancel). */
  note: z.string().nullable(),
  seenAt: z.number().int().nullable(),
  seenBy: z.string().nullable(),
});
export type Missed = z.infer<typeof Missed>;

/** What staff see in a list: everything a card needs, nothing more. */
export const OrderSummary = z.object({
  id: z.string(),
  origin: OrderOrigin,
  source: z.string().nullable(),
  brand: z.string().nullable(),
  dspOrderNumber: z.string().nullable(),
  fulfillmentType: FulfillmentType,
  status: OrderStatus,
  isFuture: z.boolean(),
  requestedFor: z.string().nullable(),
  unpaid: z.boolean(),
  customerName: z.string().nullable(),
  itemCount: z.number().int(),
  totalCents: z.number().int(),
  currency: z.string(),
  prepTimeMinutes: z.number().int().nullable(),
  receivedAt: z.number().int(),
  staffDeadlineAt: z.number().int().nullable(),
  streamDeadlineAt: z.number().int().nullable(),
  streamStatus: z.string().nullable(),
  deliveryStatus: z.string().nullable(),
  updatedAt: z.number().int(),
  missed: Missed.nullable(),
  /** Whether Stream has our answer: the order's oldest event not delivered yet, else its newest. */
  delivery: Delivery.nullable(),
  /** What to cook, for the board's cards (absent from history's lists, which never show it). */
  kitchen: Kitchen.optional(),
  /** Where a courier takes it, street and apartment / unit (delivered orders, board cards only). */
  deliverTo: z.string().nullable().optional(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

export const TimelineEntry = z.object({
  at: z.number().int(),
  kind: z.string(),
  actor: z.string(),
  detail: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const OrderDetail = OrderSummary.extend({
  dspOrderId: z.string().nullable(),
  locationId: z.string(),
  customers: z.array(Customer),
  deliveryAddress: Address.nullable(),
  specialInstructions: z.string().nullable(),
  /** How to reach the customer ("Gate code 1234"), as Stream sent it. */
  fulfillmentInstructions: z.string().nullable(),
  lineItems: z.array(LineItem),
  subtotalCents: z.number().int(),
  taxCents: z.number().int(),
  /** Part of the tax the platform pays to the authority itself (`tax_withheld_by_dsp`). */
  taxWithheldCents: z.number().int(),
  deliveryFeeCents: z.number().int(),
  driverTipCents: z.number().int(),
  discounts: z.array(z.unknown()),
  decidedAt: z.number().int().nullable(),
  decidedBy: z.string().nullable(),
  rejectCode: RejectCode.nullable(),
  rejectReason: z.string().nullable(),
  driver: Driver.nullable(),
  timeline: z.array(TimelineEntry),
  /** Every event about this order to Stream, oldest first, with its delivery state. */
  deliveries: z.array(Delivery),
});
export type OrderDetail = z.infer<typeof OrderDetail>;

/** The Missed group's counts: the top bar's "N missed today", and whether the screen offers to
 * pause the store (what the platforms otherwise do to it automatically after missed orders). */
export const MissedSummary = z.object({
  /** Missed since the business day began (store.dayRolloverTime, store time zone). */
  today: z.number().int(),
  /** Missed within the last `windowMinutes`. */
  recent: z.number().int(),
  windowMinutes: z.number().int(),
  /** `recent` at which the pause / busy offer appears; 0: never. */
  offerAfter: z.number().int(),
  offerPause: z.boolean(),
  /** Unseen missed orders. */
  unseen: z.number().int(),
});
export type MissedSummary = z.infer<typeof MissedSummary>;
