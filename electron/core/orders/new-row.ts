// The one place a new `orders` row is built: the columns that restate the normalized order
// (source, number, customer, counts, money) come from it, so a Stream order and an in-store order
// cannot fill them differently; the caller gives what it decided (status, deadlines, answer).
// Also the one idempotency rule both share: the same key with a different body is a conflict.
import { ApiError } from '../util/errors.js';
import type { NormalizedOrder } from '../stream/protocol/index.js';
import type { NewOrderRow } from './repository.js';

/** The columns that restate the order itself: the one list of them is this function's keys. */
function orderColumns(order: NormalizedOrder) {
  return {
    payload_generation: order.payloadGeneration,
    source: order.source,
    brand: order.brand,
    dsp_order_id: order.dspOrderId,
    dsp_order_number: order.dspOrderNumber,
    location_id: order.locationId,
    fulfillment_type: order.fulfillmentType,
    is_future: order.isFuture ? 1 : 0,
    requested_for: order.requestedFor,
    unpaid: order.unpaid ? 1 : 0,
    customer_name: order.customers[0]?.name ?? null,
    item_count: order.lineItems.reduce((n, li) => n + li.quantity, 0),
    total_cents: order.totalCents,
    currency: order.currency,
    normalized: JSON.stringify(order),
  } satisfies Partial<NewOrderRow>;
}

/** What the caller decided: every other column of a new row. */
export type OrderDecisionColumns = Omit<NewOrderRow, keyof ReturnType<typeof orderColumns>>;

export function newOrderRow(order: NormalizedOrder, decided: OrderDecisionColumns): NewOrderRow {
  return { ...decided, ...orderColumns(order) };
}

/** A request repeated under a stored idempotency key must be the same request (same body hash);
 * otherwise it is refused with 409 and what to do, and nothing is stored. */
export function ensureSameRequest(
  previous: { body_sha256: string },
  sha: string,
  message: string,
  field?: string,
): void {
  if (previous.body_sha256 !== sha) throw new ApiError(409, 'idempotency_conflict', message, field);
}
