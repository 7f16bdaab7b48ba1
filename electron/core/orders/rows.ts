// The `orders` row as SQLite returns it, and its conversion to the shared order shapes.
import type {
  FulfillmentType,
  OrderOrigin,
  OrderStatus,
  RejectCode,
} from '../../../shared/domain.js';
import { DELIVERY_TYPES } from '../../../shared/domain.js';
import type { Delivery } from '../../../shared/delivery.js';
import type { Driver, OrderDetail, OrderSummary, TimelineEntry } from '../../../shared/order.js';
import { streetLine } from '../../../shared/address.js';
import { kitchenOf } from '../../../shared/kitchen.js';
import type { NormalizedOrder } from '../stream/protocol/index.js';
import { LAST_STREAM_DELIVERY } from '../outbox/queries.js';

export interface OrderRow {
  id: string;
  idempotency_key: string;
  body_sha256: string;
  raw_body: Buffer;
  payload_generation: number;
  origin: OrderOrigin;
  source: string | null;
  brand: string | null;
  dsp_order_id: string | null;
  dsp_order_number: string | null;
  location_id: string;
  fulfillment_type: FulfillmentType;
  status: OrderStatus;
  is_future: number;
  requested_for: string | null;
  unpaid: number;
  customer_name: string | null;
  item_count: number;
  total_cents: number;
  currency: string;
  normalized: string;
  prep_time_minutes: number | null;
  received_at: number;
  staff_deadline_at: number | null;
  stream_deadline_at: number | null;
  decided_at: number | null;
  decided_by: string | null;
  reject_code: RejectCode | null;
  reject_reason: string | null;
  answer_status: number;
  answer_body: string;
  stream_status: string | null;
  delivery_status: string | null;
  driver: string | null;
  updated_at: number;
  missed_at: number | null;
  missed_reason: 'expired' | 'stream_canceled' | null;
  missed_note: string | null;
  missed_seen_at: number | null;
  missed_seen_by: string | null;
}

/** The columns a list needs, listed once: the SQL and the row type both come from here. The raw
 * body and normalized JSON stay on disk. */
const SUMMARY_FIELDS = [
  'id',
  'origin',
  'source',
  'brand',
  'dsp_order_number',
  'fulfillment_type',
  'status',
  'is_future',
  'requested_for',
  'unpaid',
  'customer_name',
  'item_count',
  'total_cents',
  'currency',
  'prep_time_minutes',
  'received_at',
  'staff_deadline_at',
  'stream_deadline_at',
  'stream_status',
  'delivery_status',
  'updated_at',
  'missed_at',
  'missed_reason',
  'missed_note',
  'missed_seen_at',
  'missed_seen_by',
] as const satisfies readonly (keyof OrderRow)[];

export const SUMMARY_COLUMNS = `${SUMMARY_FIELDS.join(', ')}, ${LAST_STREAM_DELIVERY} AS last_delivery`;

/** The board's columns: a list's, plus the normalized order the card's "what to cook" comes from. */
export const BOARD_COLUMNS = `${SUMMARY_COLUMNS}, normalized`;

export type SummaryRow = Pick<OrderRow, (typeof SUMMARY_FIELDS)[number]> & {
  last_delivery: string | null;
  normalized?: string;
};

export function toSummary(row: SummaryRow): OrderSummary {
  const summary: OrderSummary = {
    id: row.id,
    origin: row.origin,
    source: row.source,
    brand: row.brand,
    dspOrderNumber: row.dsp_order_number,
    fulfillmentType: row.fulfillment_type,
    status: row.status,
    isFuture: row.is_future === 1,
    requestedFor: row.requested_for,
    unpaid: row.unpaid === 1,
    customerName: row.customer_name,
    itemCount: row.item_count,
    totalCents: row.total_cents,
    currency: row.currency,
    prepTimeMinutes: row.prep_time_minutes,
    receivedAt: row.received_at,
    staffDeadlineAt: row.staff_deadline_at,
    streamDeadlineAt: row.stream_deadline_at,
    streamStatus: row.stream_status,
    deliveryStatus: row.delivery_status,
    updatedAt: row.updated_at,
    missed:
      row.missed_at !== null && row.missed_reason !== null
        ? {
            at: row.missed_at,
            reason: row.missed_reason,
            note: row.missed_note,
            seenAt: row.missed_seen_at,
            seenBy: row.missed_seen_by,
          }
        : null,
    delivery: row.last_delivery ? (JSON.parse(row.last_delivery) as Delivery) : null,
  };
  if (row.normalized) {
    const order = JSON.parse(row.normalized) as NormalizedOrder;
    summary.kitchen = kitchenOf(order);
    if (DELIVERY_TYPES.includes(order.fulfillmentType))
      summary.deliverTo = streetLine(order.deliveryAddress);
  }
  return summary;
}

export function toDetail(
  row: OrderRow & { last_delivery: string | null },
  timeline: TimelineEntry[],
  deliveries: Delivery[],
): OrderDetail {
  const n = JSON.parse(row.normalized) as NormalizedOrder;
  return {
    ...toSummary(row),
    dspOrderId: row.dsp_order_id,
    locationId: row.location_id,
    customers: n.customers,
    deliveryAddress: n.deliveryAddress,
    specialInstructions: n.specialInstructions,
    fulfillmentInstructions: n.fulfillmentInstructions ?? null,
    lineItems: n.lineItems,
    subtotalCents: n.subtotalCents,
    taxCents: n.taxCents,
    taxWithheldCents: n.taxWithheldCents ?? 0,
    deliveryFeeCents: n.deliveryFeeCents,
    driverTipCents: n.driverTipCents,
    discounts: n.discounts,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    rejectCode: row.reject_code,
    rejectReason: row.reject_reason,
    driver: row.driver ? (JSON.parse(row.driver) as Driver) : null,
    timeline,
    deliveries,
  };
}
