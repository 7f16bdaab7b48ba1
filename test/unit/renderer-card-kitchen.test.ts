// What a new-order card says to cook, without a browser: the core's kitchen summary of a Stream
// order (modifier levels folded, never dropped), which lines fit the card's rows (the rest
// counted). Which notes are allergies: shared-allergy.test.ts.
import { describe, expect, it } from 'vitest';
import { kitchenOf, modifierLabel, type Kitchen } from '../../shared/kitchen.js';
import type { LineItem, Modifier } from '../../shared/order.js';
import { badgeRows, cardKitchen } from '../../renderer/src/features/orders/kitchen-rows.js';

const mod = (name: string, modifiers: Modifier[] = [], quantity = 1): Modifier => ({
  providerId: null,
  name,
  quantity,
  priceCents: 0,
  modifiers,
});

const line = (name: string, fields: Partial<LineItem> = {}): LineItem => ({
  providerId: null,
  name,
  quantity: 1,
  priceCents: 100,
  specialInstructions: null,
  customerId: null,
  modifiers: [],
  ...fields,
});

describe('the kitchen summary (shared/kitchen.ts)', () => {
  it('folds the second level into the first and counts the levels below it', () => {
    const halfAndHalf = mod('Half & Half', [
      mod('Left: Pepperoni', [mod('Extra')]),
      mod('Right: Mushroom'),
    ]);
    expect(modifierLabel(halfAndHalf)).toBe('Half & Half (Left: Pepperoni +1, Right: Mushroom)');
    expect(modifierLabel(mod('Extra Patty', [], 2))).toBe('2× Extra Patty');
    const many = mod(
      'Toppings',
      ['A', 'B', 'C', 'D', 'E'].map((n) => mod(n, [mod('x')])),
    );
    // Three shown (each with its one level below), the other two and their children counted.
    expect(modifierLabel(many)).toBe('Toppings (A +1, B +1, C +1, +4)');
  });

  it('keeps quantities, notes, the order note and the fulfillment instructions', () => {
    const k = kitchenOf({
      lineItems: [
        line('Cheeseburger', {
          quantity: 2,
          specialInstructions: ' Cut in half ',
          modifiers: [mod('Medium')],
        }),
      ],
      specialInstructions: 'Sesame allergy',
      fulfillmentInstructions: 'Gate code 1234',
    });
    expect(k).toEqual({
      lines: [{ quantity: 2, name: 'Cheeseburger', modifiers: ['Medium'], note: 'Cut in half' }],
      note: 'Sesame allergy',
      instructions: 'Gate code 1234',
    });
    expect(kitchenOf({ lineItems: [], specialInstructions: '  ' }).note).toBeNull();
  });
});

describe('what fits on a card (kitchen-rows.ts)', () => {
  const kitchen = (lines: Kitchen['lines'], note: string | null = null): Kitchen => ({
    lines,
    note,
    instructions: null,
  });
  const l = (name: string, modifiers: string[] = [], note: string | null = null) => ({
    quantity: 1,
    name,
    modifiers,
    note,
  });

  it('shows everything that fits, with nothing said about the rest', () => {
    const shown = cardKitchen(kitchen([l('A', ['m']), l('B')], 'door'), 5);
    expect(shown).toMatchObject({ notes: ['door'], more: 0, cut: false });
    expect(shown.lines.map((s) => s.line.name)).toEqual(['A', 'B']);
  });

  it('keeps a row to say how many lines did not fit', () => {
    const shown = cardKitchen(kitchen([l('A', ['m'], 'n'), l('B', ['m']), l('C')], 'door'), 5);
    // door + A (name, note, modifiers) = 4 rows; the 5th says "+2 more".
    expect(shown.notes).toEqual(['door']);
    expect(shown.lines.map((s) => s.line.name)).toEqual(['A']);
    expect(shown).toMatchObject({ more: 2, cut: true });
  });

  it("shows a line's note before its modifiers when both do not fit", () => {
    const shown = cardKitchen(kitchen([l('A', ['m'], 'no nuts'), l('B')]), 3);
    // A's name and note, then the row that says B (and A's modifiers) are in Details.
    expect(shown.lines).toHaveLength(1);
    expect(shown.lines[0]).toMatchObject({ showNote: true, modifierRows: 0 });
    expect(shown).toMatchObject({ more: 1, cut: true });
  });

  it('gives rows left over to a long modifier list', () => {
    const long = ['Half & Half (Left: Pepperoni +1, Right: Mushroom)'];
    expect(cardKitchen(kitchen([l('Pizza', long)]), 5).lines[0]!.modifierRows).toBe(2);
    expect(cardKitchen(kitchen([l('Pizza', long)]), 2).lines[0]!.modifierRows).toBe(1);
  });

  it('counts a row per flag', () => {
    expect(badgeRows({ isFuture: true, unpaid: true })).toBe(2);
    expect(badgeRows({ isFuture: false, unpaid: false })).toBe(0);
  });
});
