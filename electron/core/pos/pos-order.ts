// The connector's order as the POS gets it (shared/pos.ts `PosOrder`, version 1): built from the
// stored order row when the POS leg is queued, stored in the outbox row, and sent byte for byte
// on every attempt, so a retry is the same order.
import { z } from 'zod';
import { addressForPos } from '../../../shared/address.js';
import { allergyNotes } from '../../../shared/allergy.js';
import { orderMoney } from '../../../shared/money.js';
import type { LineItem, Modifier } from '../../../shared/order.js';
import {
  POS_ORDER_SCHEMA,
  POS_ORDER_VERSION,
  PosOrder,
  type PosModifier,
} from '../../../shared/pos.js';
import type { OrderRow } from '../orders/rows.js';
import { modifierCents, type NormalizedOrder } from '../stream/protocol/index.js';

export function toPosOrder(row: OrderRow): PosOrder {
  const n = JSON.parse(row.normalized) as NormalizedOrder;
  const money = orderMoney({ ...n, origin: row.origin });
  const allergies = allergyNotes(n);
  return {
    schema: POS_ORDER_SCHEMA,
    version: POS_ORDER_VERSION,
    order_id: row.id,
    location_id: row.location_id,
    origin: row.origin,
    source: row.source,
    brand: row.brand,
    dsp_order_id: row.dsp_order_id,
    dsp_order_number: row.dsp_order_number,
    display_number: displayNumber(row.id, row.dsp_order_number),
    fulfillment_type: row.fulfillment_type,
    placed_at: row.received_at,
    accepted_at: row.status === 'pending' ? null : row.decided_at,
    due_at: dueAt(row),
    is_future: row.is_future === 1,
    requested_for: row.requested_for,
    prep_time_minutes: row.prep_time_minutes,
    unpaid: row.unpaid === 1,
    customers: n.customers.map(({ id, name, phone, email }) => ({ id, name, phone, email })),
    delivery_address: addressForPos(n.deliveryAddress),
    special_instructions: n.specialInstructions,
    fulfillment_instructions: n.fulfillmentInstructions ?? null,
    allergy_alert: allergies.length > 0,
    allergy_notes: allergies,
    currency: row.currency.toUpperCase(),
    line_items: n.lineItems.map(toPosLineItem),
    subtotal_cents: money.subtotalCents,
    discount_cents: money.discountCents,
    tax_cents: money.taxCents,
    tax_withheld_by_dsp_cents: money.taxWithheldCents,
    delivery_fee_cents: money.deliveryFeeCents,
    driver_tip_cents: money.driverTipCents,
    total_cents: money.storeCollectsCents,
    customer_paid_cents: money.customerPaidCents,
    discounts: n.discounts,
  };
}

/** What staff and cooks call the order: the DSP's number without its "#", else the end of our id. */
export function displayNumber(orderId: string, dspOrderNumber: string | null): string {
  const dsp = dspOrderNumber?.replace(/^#/, '').trim();
  if (dsp) return dsp;
  return orderId.slice(-6).toUpperCase();
}

/** When the order must be ready: the requested time of a future order, else acceptance (or
 * arrival, while an auto-accepted order waits for the POS) plus the prep time. */
export function dueAt(row: OrderRow): number {
  if (row.is_future === 1 && row.requested_for) {
    const requested = Date.parse(row.requested_for);
    if (Number.isFinite(requested)) return requested;
  }
  const from = row.status === 'pending' ? row.received_at : (row.decided_at ?? row.received_at);
  return from + (row.prep_time_minutes ?? 0) * 60_000;
}

function toPosLineItem(li: LineItem): PosOrder['line_items'][number] {
  return {
    provider_id: li.providerId,
    name: li.name,
    quantity: li.quantity,
    unit_price_cents: li.priceCents,
    total_cents: li.quantity * (li.priceCents + modifierCents(li.modifiers)),
    special_instructions: li.specialInstructions,
    customer_id: li.customerId,
    modifiers: li.modifiers.map(toPosModifier),
  };
}

function toPosModifier(m: Modifier): PosModifier {
  return {
    provider_id: m.providerId,
    name: m.name,
    quantity: m.quantity,
    unit_price_cents: m.priceCents,
    modifiers: m.modifiers.map(toPosModifier),
  };
}

/** The normalized POS order as JSON Schema (draft 2020-12), for POS integrators. The published
 * copy is schema/pos-order.v2.schema.json; a unit test keeps the two identical. */
export function posOrderJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PosOrder, { target: 'draft-2020-12' });
}
