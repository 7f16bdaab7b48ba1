// The kitchen ticket's bytes, decoded by the test printer's parser: text in WPC1252, wrapping with
// continuation indent, reverse bars framed by spaces, and the CANCELED slip.
import { describe, expect, it } from 'vitest';
import type { PosOrder } from '../../shared/pos.js';
import { encodeText } from '../../electron/core/pos/escpos/commands.js';
import { canceledSlip, kitchenTicket, wrap } from '../../electron/core/pos/escpos/ticket.js';
import { decodeEscPos, printoutText } from '../support/escpos-decoder.js';

const at = Date.UTC(2026, 5, 1, 16, 5); // 12:05 in New York (summer time)

function order(overrides: Partial<PosOrder> = {}): PosOrder {
  return {
    schema: 'stream-connector.pos-order',
    version: 2,
    order_id: 'ord_test',
    location_id: 'store-1',
    origin: 'in_store',
    source: null,
    brand: null,
    dsp_order_id: null,
    dsp_order_number: null,
    display_number: 'K7Q2ZX',
    fulfillment_type: 'dine_in',
    placed_at: at,
    accepted_at: at,
    due_at: at + 20 * 60_000,
    is_future: false,
    requested_for: null,
    prep_time_minutes: 20,
    unpaid: false,
    customers: [],
    delivery_address: null,
    special_instructions: null,
    fulfillment_instructions: null,
    allergy_alert: false,
    allergy_notes: [],
    currency: 'USD',
    line_items: [
      {
        provider_id: null,
        name: 'Crème brûlée with a very long name that needs two lines',
        quantity: 3,
        unit_price_cents: 650,
        total_cents: 1950,
        special_instructions: null,
        customer_id: null,
        modifiers: [],
      },
    ],
    subtotal_cents: 1950,
    discount_cents: 0,
    tax_cents: 0,
    tax_withheld_by_dsp_cents: 0,
    delivery_fee_cents: 0,
    driver_tip_cents: 0,
    total_cents: 1950,
    customer_paid_cents: 1950,
    discounts: [],
    ...overrides,
  };
}

const options = { columns: 32, timeZone: 'America/New_York', printedAt: at };

describe('kitchen ticket', () => {
  it('prints the delivery note, the address in either shape, and the discount taken off the subtotal', () => {
    const text = (o: Partial<PosOrder>) =>
      printoutText(
        decodeEscPos(kitchenTicket(order(o), { ...options, columns: 42 })).printouts[0]!,
      );
    const seed = text({
      fulfillment_type: 'merchant_managed_delivery',
      fulfillment_instructions: 'Gate code 1234',
      delivery_address: { street: '123 Main St', city: 'Anytown', state: 'CA', zip: '12345' },
      discount_cents: 500,
      tax_cents: 116,
      total_cents: 1566,
      customer_paid_cents: 1566,
    });
    expect(seed).toContain('[B] DELIVERY NOTE: Gate code 1234');
    expect(seed).toContain('123 Main St');
    expect(seed).toContain('Anytown, CA 12345');
    expect(seed).toContain('Discount: -5.00 USD');
    expect(seed).toContain('Store total: 15.66 USD');
    const documented = text({
      delivery_address: {
        address_line_1: '742 Evergreen Terrace',
        address_line_2: 'Apt 4',
        postal_code: '62704',
      },
    });
    expect(documented).toContain('742 Evergreen Terrace');
    expect(documented).toContain('Apt 4');
    expect(documented).toContain('62704');
  });

  it('prints accents in WPC1252, wraps a long item at the paper width (items are tall, not wide), continuation indented', () => {
    const [printout] = decodeEscPos(kitchenTicket(order(), options)).printouts;
    expect(printoutText(printout!)).toEqual([
      '[C 2x2 B] #K7Q2ZX',
      '[C B] IN-STORE',
      '[C 1x2 B] DINE-IN',
      '[C 1x2] DUE 12:25',
      '-'.repeat(32),
      '[1x2 B] 3 x Crème brûlée with a very',
      '[1x2 B]   long name that needs two lines',
      '-'.repeat(32),
      'Subtotal: 19.50 USD',
      'Tax: 0.00 USD',
      'Store total: 19.50 USD',
      'Order ord_test',
      'Placed 12:05 · Printed 12:05',
      '[CUT]',
    ]);
  });

  it('marks an allergy above the items: a tall white-on-black ALLERGY bar, each note that names one white on black, and the item note marked ALLERGY where it sits', () => {
    const bytes = kitchenTicket(
      order({
        special_instructions: 'Severe peanut allergy',
        allergy_alert: true,
        allergy_notes: ['Severe peanut allergy', 'Crème brûlée: no nuts please'],
        line_items: [
          {
            provider_id: null,
            name: 'Crème brûlée',
            quantity: 1,
            unit_price_cents: 650,
            total_cents: 650,
            special_instructions: 'no nuts please',
            customer_id: null,
            modifiers: [],
          },
        ],
      }),
      { ...options, columns: 42 },
    );
    const lines = printoutText(decodeEscPos(bytes).printouts[0]!);
    const rule = lines.indexOf('-'.repeat(42));
    expect(lines.slice(rule - 3, rule + 4)).toEqual([
      '[C 2x2 B R]  ALLERGY ',
      '[B R]  Severe peanut allergy ',
      '[B R]  Crème brûlée: no nuts please ',
      '-'.repeat(42),
      '[1x2 B] 1 x Crème brûlée',
      '[B]   >> ALLERGY: no nuts please',
      '-'.repeat(42),
    ]);
    // The bar's own bytes, as a printer reads them: centred (ESC a 1), double width and height
    // (GS ! 0x11), bold on (ESC E 1), then reverse on (GS B 1) right before the framed word.
    const word = Buffer.from(' ALLERGY ', 'latin1');
    const at = bytes.indexOf(word);
    expect(at).toBeGreaterThan(0);
    expect([...bytes.subarray(at - 15, at)]).toEqual([
      ...[0x1b, 0x61, 1],
      ...[0x1d, 0x21, 0x11],
      ...[0x1b, 0x45, 1],
      ...[0x1d, 0x42, 0],
      ...[0x1d, 0x42, 1],
    ]);
    expect([...bytes.subarray(at + word.length, at + word.length + 4)]).toEqual([
      0x1d, 0x42, 0, 0x0a,
    ]);
  });

  it('prints no ALLERGY bar for an order without one', () => {
    const lines = printoutText(decodeEscPos(kitchenTicket(order(), options)).printouts[0]!);
    expect(lines.join('\n')).not.toMatch(/ALLERGY/);
  });

  it('a CANCELED slip names the order, the reason and what to do', () => {
    const slip = canceledSlip(
      order({ source: 'doordash', brand: 'Burger Bros', fulfillment_type: 'delivery' }),
      'customer called',
      at,
      {
        ...options,
        banner: 'REPRINT',
      },
    );
    expect(printoutText(decodeEscPos(slip).printouts[0]!)).toEqual([
      '[C B R]  REPRINT ',
      '[C 2x2 B R]  CANCELED ',
      '[C 2x2 B] #K7Q2ZX',
      '[C B] DOORDASH · Burger Bros -',
      '[C B]   DELIVERY',
      '[C] Canceled 12:05',
      'Reason: customer called',
      '[C 1x2 B] DO NOT MAKE THIS ORDER',
      'Order ord_test',
      '[CUT]',
    ]);
  });
});

describe('text for the printer', () => {
  it('encodes WPC1252, turns control characters into spaces (no command injection) and the rest into "?"', () => {
    expect(encodeText('é€–')).toEqual([0xe9, 0x80, 0x96]);
    expect(encodeText('a\x1b@b\nc')).toEqual([0x61, 0x20, 0x40, 0x62, 0x20, 0x63]);
    expect(encodeText('寿司 🍣')).toEqual([0x3f, 0x3f, 0x20, 0x3f]);
  });

  it('wraps words, splits a word longer than a line, and gives continuation lines their own width', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrap('aaaa bbbb cccc', 9, 4)).toEqual(['aaaa bbbb', 'cccc']);
    expect(wrap('', 5)).toEqual(['']);
  });
});
