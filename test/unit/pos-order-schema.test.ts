// The normalized POS order: the published JSON Schema is exactly what the zod schema says (so the
// file POS integrators read cannot drift), and an order row maps onto it with the right times.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PosOrder } from '../../shared/pos.js';
import {
  displayNumber,
  dueAt,
  posOrderJsonSchema,
  toPosOrder,
} from '../../electron/core/pos/pos-order.js';
import type { OrderRow } from '../../electron/core/orders/rows.js';

const published = JSON.parse(
  readFileSync(
    new URL('../../electron/core/pos/schema/pos-order.v2.schema.json', import.meta.url),
    'utf8',
  ),
) as unknown;

const t0 = Date.UTC(2026, 10, 23, 12, 0);

function row(overrides: Partial<OrderRow> = {}): OrderRow {
  const normalized = {
    customers: [{ id: 'c1', name: 'Ana Lima', phone: null, email: null }],
    deliveryAddress: null,
    specialInstructions: 'ring twice',
    lineItems: [
      {
        providerId: 'fam-a',
        name: 'Bowl',
        quantity: 2,
        priceCents: 1000,
        specialInstructions: null,
        customerId: 'c1',
        modifiers: [
          {
            providerId: 'm1',
            name: 'Extra',
            quantity: 2,
            priceCents: 100,
            modifiers: [
              { providerId: 'm2', name: 'Hot', quantity: 1, priceCents: 50, modifiers: [] },
            ],
          },
        ],
      },
    ],
    subtotalCents: 2700,
    taxCents: 216,
    deliveryFeeCents: 0,
    driverTipCents: 0,
    totalCents: 2916,
    discounts: [],
  };
  return {
    id: 'ord_01abcdefgh0123456789zz',
    idempotency_key: 'k',
    body_sha256: 's',
    raw_body: Buffer.from('{}'),
    payload_generation: 2,
    origin: 'stream',
    source: 'uber',
    brand: 'uber',
    dsp_order_id: 'dsp-1',
    dsp_order_number: '#A12',
    location_id: 'store-1',
    fulfillment_type: 'pickup',
    status: 'accepted',
    is_future: 0,
    requested_for: null,
    unpaid: 0,
    customer_name: 'Ana Lima',
    item_count: 2,
    total_cents: 2916,
    currency: 'usd',
    normalized: JSON.stringify(normalized),
    prep_time_minutes: 20,
    received_at: t0,
    staff_deadline_at: null,
    stream_deadline_at: null,
    decided_at: t0 + 30_000,
    decided_by: 'staff',
    reject_code: null,
    reject_reason: null,
    answer_status: 200,
    answer_body: '{}',
    stream_status: null,
    delivery_status: null,
    driver: null,
    updated_at: t0,
    missed_at: null,
    missed_reason: null,
    missed_note: null,
    missed_seen_at: null,
    missed_seen_by: null,
    ...overrides,
  };
}

describe('POS order, version 1', () => {
  it('the published JSON Schema is the zod schema (regenerate: npx tsx electron/core/pos/schema/write-schema.ts)', () => {
    expect(published).toEqual(posOrderJsonSchema());
  });

  it('maps an order row: ids, number, money per unit and per line (nested modifiers included), upper-case currency', () => {
    const order = toPosOrder(row());
    expect(PosOrder.parse(order)).toEqual(order);
    expect(order).toMatchObject({
      order_id: 'ord_01abcdefgh0123456789zz',
      display_number: 'A12',
      currency: 'USD',
      accepted_at: t0 + 30_000,
      due_at: t0 + 30_000 + 20 * 60_000,
      customers: [{ name: 'Ana Lima' }],
      special_instructions: 'ring twice',
    });
    // 2 × (1000 + 2 × (100 + 1 × 50))
    expect(order.line_items[0]).toMatchObject({ unit_price_cents: 1000, total_cents: 2600 });
    expect(order.line_items[0]!.modifiers[0]!.modifiers[0]).toEqual({
      provider_id: 'm2',
      name: 'Hot',
      quantity: 1,
      unit_price_cents: 50,
      modifiers: [],
    });
  });

  it('due time: a future order its requested time; one waiting for the POS from arrival; else from acceptance', () => {
    expect(dueAt(row({ is_future: 1, requested_for: '2026-11-24T18:00:00Z' }))).toBe(
      Date.UTC(2026, 10, 24, 18),
    );
    expect(dueAt(row({ status: 'pending', decided_at: null }))).toBe(t0 + 20 * 60_000);
    expect(toPosOrder(row({ status: 'pending', decided_at: null })).accepted_at).toBeNull();
    expect(dueAt(row())).toBe(t0 + 30_000 + 20 * 60_000);
  });

  it('display number: the DSP number without "#", else the end of our id', () => {
    expect(displayNumber('ord_x', '#4521')).toBe('4521');
    expect(displayNumber('ord_01abcdefgh0123456789zz', null)).toBe('6789ZZ');
    expect(displayNumber('ord_01abcdefgh0123456789zz', ' ')).toBe('6789ZZ');
  });
});
