// The `orders` row as SQLite returns it, and its conversion to the shared order shapes.
import type {
  FulfillmentType,
  OrderOrigin,
  OrderStatus,
  RejectCode,
} from '../../../shared/domain.js';
import type { Driver, OrderDetail, OrderSummary, TimelineEntry } from '../../../shared/order.js';
import type { NormalizedOrder } from '../stream/protocol/index.js';

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
}

/** The columns a list needs; the raw body and normalized JSON stay on disk. */
export const SUMMARY_COLUMNS = `id, origin, source, brand, dsp_order_number, fulfillment_type, status, is_future,
  requested_for, unpaid, customer_name, item_count, total_cents, currency, prep_time_minutes, received_at,
  staff_deadline_at, stream_deadline_at, stream_status, delivery_status, updated_at`;

export type SummaryRow = Pick<
  OrderRow,
  | 'id'
  | 'origin'
  | 'source'
  | 'brand'
  | 'dsp_order_number'
  | 'fulfillment_type'
  | 'status'
  | 'is_future'
  | 'requested_for'
  | 'unpaid'
  | 'customer_name'
  | 'item_count'
  | 'total_cents'
  | 'currency'
  | 'prep_time_minutes'
  | 'received_at'
  | 'staff_deadline_at'
  | 'stream_deadline_at'
  | 'stream_status'
  | 'delivery_status'
  | 'updated_at'
>;

export function toSummary(row: SummaryRow): OrderSummary {
  return {
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
  };
}

export function toDetail(row: OrderRow, timeline: TimelineEntry[]): OrderDetail {
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
  };
}
