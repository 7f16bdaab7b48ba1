// What Stream sends to the Stream listener (stream-api.md A1), as schemas, and how an order of
// either payload generation becomes the connector's normalized order.
import { z } from 'zod';
import { FulfillmentType } from '../../../../shared/domain.js';
import type { Customer, LineItem, Modifier } from '../../../../shared/order.js';

const text = (max = 2000) => z.string().max(max);
const money = z.number().int().min(-100_000_000).max(100_000_000);
const optionalText = (max = 2000) => text(max).nullish();

interface WireModifier {
  provider_id?: string | null | undefined;
  name: string;
  quantity?: number | undefined;
  price_amount?: number | null | undefined;
  price_currency?: string | null | undefined;
  modifiers?: WireModifier[] | null | undefined;
}
const WireModifier: z.ZodType<WireModifier> = z.lazy(() =>
  z.object({
    provider_id: optionalText(200),
    name: text(500),
    quantity: z.number().int().min(1).max(999).optional(),
    price_amount: money.nullish(),
    price_currency: optionalText(8),
    modifiers: z.array(WireModifier).max(200).nullish(),
  }),
);

const WireLineItem = z.object({
  provider_id: optionalText(200),
  name: text(500),
  quantity: z.number().int().min(1).max(999),
  price_amount: money,
  price_currency: optionalText(8),
  customer_id: optionalText(200),
  special_instructions: optionalText(),
  modifiers: z.array(WireModifier).max(200).nullish(),
});

const WireCustomer = z.object({
  id: optionalText(200),
  name: optionalText(200),
  phone: optionalText(64),
  email: optionalText(320),
  masked_phone_code: optionalText(32),
});

/** `order.created`, both generations: the newer has `idempotency_key` and `customers[]`, the
 * older flat `customer_name` / `customer_phone`. Unknown fields are kept in the raw bytes. */
export const OrderCreatedObject = z.object({
  idempotency_key: text(255).min(1).nullish(),
  location_id: text(200).min(1),
  fulfillment_type: FulfillmentType,
  source: optionalText(100),
  brand: optionalText(100),
  dsp_order_id: optionalText(200),
  dsp_order_number: optionalText(100),
  customers: z.array(WireCustomer).max(50).nullish(),
  customer_name: optionalText(200),
  customer_phone: optionalText(64),
  line_items: z.array(WireLineItem).max(500),
  is_future_order: z.boolean().nullish(),
  requested_for: z.union([text(64), z.number()]).nullish(),
  subtotal: money.nullish(),
  tax: money.nullish(),
  tax_withheld_by_dsp: money.nullish(),
  special_instructions: optionalText(),
  delivery_address: z.record(z.string(), z.unknown()).nullish(),
  fulfillment_instructions: optionalText(),
  driver_tip: money.nullish(),
  delivery_fee: money.nullish(),
  discounts: z.array(z.unknown()).max(100).nullish(),
  unpaid: z.boolean().nullish(),
});
export type OrderCreatedObject = z.infer<typeof OrderCreatedObject>;

export const OrderUpdatedObject = z.object({
  location_id: optionalText(200),
  order_id: text(200).min(1),
  status: optionalText(64),
  delivery_status: optionalText(64),
  driver_details: z
    .object({
      source: optionalText(100),
      name: optionalText(200),
      phone: z
        .union([z.object({ number: optionalText(64), code: optionalText(16) }), text(64)])
        .nullish(),
      vehicle_info: z
        .object({
          make: optionalText(100),
          model: optionalText(100),
          color: optionalText(100),
          license_plate: optionalText(32),
        })
        .nullish(),
    })
    .nullish(),
});
export type OrderUpdatedObject = z.infer<typeof OrderUpdatedObject>;

export const OrderCanceledObject = z.object({
  provider_id: text(200).min(1),
  location_id: optionalText(200),
  reason: optionalText(),
  cancel_source: optionalText(100),
  cancel_reason: optionalText(),
});
export type OrderCanceledObject = z.infer<typeof OrderCanceledObject>;

export const StreamEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('order.created'), object: OrderCreatedObject }),
  z.object({ type: z.literal('order.updated'), object: OrderUpdatedObject }),
  z.object({ type: z.literal('order.canceled'), object: OrderCanceledObject }),
]);
export type StreamEvent = z.infer<typeof StreamEvent>;

/** Depth of nested objects/arrays, counted without recursion so a hostile body cannot blow the stack. */
export function jsonDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return max;
}

export interface NormalizedOrder {
  payloadGeneration: 1 | 2;
  source: string | null;
  brand: string | null;
  dspOrderId: string | null;
  dspOrderNumber: string | null;
  locationId: string;
  fulfillmentType: FulfillmentType;
  isFuture: boolean;
  requestedFor: string | null;
  unpaid: boolean;
  customers: Customer[];
  deliveryAddress: Record<string, unknown> | null;
  specialInstructions: string | null;
  /** How to reach the customer ("Gate code 1234"): for the driver and the counter. */
  fulfillmentInstructions?: string | null;
  lineItems: LineItem[];
  subtotalCents: number;
  taxCents: number;
  /** Tax the platform pays to the authority itself (marketplace facilitator laws). */
  taxWithheldCents?: number;
  deliveryFeeCents: number;
  driverTipCents: number;
  totalCents: number;
  currency: string;
  discounts: unknown[];
  /** Every catalog id the order names, for validation: items and modifiers at every depth. */
  itemIds: string[];
  modifierIds: string[];
}

function normalizeModifier(m: WireModifier, ids: string[]): Modifier {
  if (m.provider_id) ids.push(m.provider_id);
  const children = m.modifiers ?? [];
  return {
    providerId: m.provider_id ?? null,
    name: m.name,
    quantity: m.quantity ?? 1,
    priceCents: m.price_amount ?? 0,
    modifiers: children.map((c) => normalizeModifier(c, ids)),
  };
}

function requestedForText(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  return typeof v === 'number' ? new Date(v).toISOString() : v;
}

export function normalizeOrderCreated(
  o: OrderCreatedObject,
  storeCurrency: string,
): NormalizedOrder {
  const generation: 1 | 2 = o.idempotency_key || o.customers ? 2 : 1;
  const customers: Customer[] = o.customers?.length
    ? o.customers.map((c) => ({
        id: c.id ?? null,
        name: c.name ?? null,
        phone: c.phone ?? null,
        email: c.email ?? null,
        phoneCode: c.masked_phone_code ?? null,
      }))
    : o.customer_name || o.customer_phone
      ? [{ id: null, name: o.customer_name ?? null, phone: o.customer_phone ?? null, email: null }]
      : [];
  const itemIds: string[] = [];
  const modifierIds: string[] = [];
  const lineItems: LineItem[] = o.line_items.map((li) => {
    if (li.provider_id) itemIds.push(li.provider_id);
    return {
      providerId: li.provider_id ?? null,
      name: li.name,
      quantity: li.quantity,
      priceCents: li.price_amount,
      specialInstructions: li.special_instructions ?? null,
      customerId: li.customer_id ?? null,
      modifiers: (li.modifiers ?? []).map((m) => normalizeModifier(m, modifierIds)),
    };
  });
  const computedSubtotal = lineItems.reduce(
    (sum, li) => sum + li.quantity * (li.priceCents + modifierCents(li.modifiers)),
    0,
  );
  const subtotalCents = o.subtotal ?? computedSubtotal;
  const taxCents = o.tax ?? 0;
  const currency = (o.line_items[0]?.price_currency ?? storeCurrency).toUpperCase();
  return {
    payloadGeneration: generation,
    source: o.source ?? null,
    brand: o.brand ?? null,
    dspOrderId: o.dsp_order_id ?? null,
    dspOrderNumber: o.dsp_order_number ?? null,
    locationId: o.location_id,
    fulfillmentType: o.fulfillment_type,
    isFuture: o.is_future_order ?? false,
    requestedFor: requestedForText(o.requested_for),
    unpaid: o.unpaid ?? false,
    customers,
    deliveryAddress: o.delivery_address ?? null,
    specialInstructions: o.special_instructions ?? null,
    fulfillmentInstructions: o.fulfillment_instructions ?? null,
    lineItems,
    subtotalCents,
    taxCents,
    taxWithheldCents: o.tax_withheld_by_dsp ?? 0,
    deliveryFeeCents: o.delivery_fee ?? 0,
    driverTipCents: o.driver_tip ?? 0,
    totalCents: subtotalCents + taxCents,
    currency,
    discounts: o.discounts ?? [],
    itemIds,
    modifierIds,
  };
}

/** Price of one unit's modifiers, nested ones included. */
export function modifierCents(mods: readonly Modifier[]): number {
  return mods.reduce((sum, m) => sum + m.quantity * (m.priceCents + modifierCents(m.modifiers)), 0);
}

/** Every currency code in the order, item and modifier level, upper-cased. */
export function currenciesOf(o: OrderCreatedObject): Set<string> {
  const found = new Set<string>();
  const visit = (mods: readonly WireModifier[] | null | undefined): void => {
    for (const m of mods ?? []) {
      if (m.price_currency) found.add(m.price_currency.toUpperCase());
      visit(m.modifiers);
    }
  };
  for (const li of o.line_items) {
    if (li.price_currency) found.add(li.price_currency.toUpperCase());
    visit(li.modifiers);
  }
  return found;
}

/** B3: the key that identifies an order across Stream's retries. Keys are compared after NFC
 * normalization and trimming: "é" composed or not, or a trailing space, is the same order. */
export function orderIdempotencyKey(o: OrderCreatedObject, bodySha256: string): string {
  const same = (s: string): string => s.normalize('NFC').trim();
  if (o.idempotency_key && same(o.idempotency_key)) return `key:${same(o.idempotency_key)}`;
  if (o.source && o.dsp_order_id) return `dsp:${same(o.source)}:${same(o.dsp_order_id)}`;
  return `sha256:${bodySha256}`;
}
