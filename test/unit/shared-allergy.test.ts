// The one list of allergy words (shared/allergy.ts), read by the board's cards, the kitchen ticket
// and the POS order: which notes it flags in either language, which it leaves alone, and the notes
// an order carries to the kitchen (order notes first, item notes named by their item).
import { describe, expect, it } from 'vitest';
import { allergyNotes, isAllergyNote } from '../../shared/allergy.js';

describe('isAllergyNote', () => {
  it.each([
    'Sesame allergy',
    'ALLERGIC to peanuts',
    'Soy alérgica al maní',
    'sin gluten por favor',
    'no nuts',
    'Celiac',
    'sin huevo',
  ])('flags %j', (note) => expect(isAllergyNote(note)).toBe(true));

  it.each(['Leave at the door', 'Cut in half please', 'Soy el vecino del 3B', 'minute', 'donut'])(
    'leaves %j alone',
    (note) => expect(isAllergyNote(note)).toBe(false),
  );
});

describe('allergyNotes', () => {
  it('lists the order notes, then each item note named by its item, and nothing else', () => {
    expect(
      allergyNotes({
        specialInstructions: '  Peanut allergy in the house ',
        fulfillmentInstructions: 'Gate code 1234',
        lineItems: [
          { name: 'Cheeseburger', specialInstructions: 'No sesame bun, allergic' },
          { name: 'Fries', specialInstructions: 'Extra crispy' },
          { name: 'Salad', specialInstructions: null },
        ],
      }),
    ).toEqual(['Peanut allergy in the house', 'Cheeseburger: No sesame bun, allergic']);
  });

  it('is empty for an order without an allergy word', () => {
    expect(
      allergyNotes({
        specialInstructions: 'Leave at the door',
        lineItems: [{ name: 'Fish tacos', specialInstructions: 'Cut in half please' }],
      }),
    ).toEqual([]);
  });
});
