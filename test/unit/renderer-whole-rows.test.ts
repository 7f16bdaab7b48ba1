// How many text rows each new-order card keeps so the lane shows the most whole rows of cards
// (use-whole-rows.ts): fewer lines per card only when that brings one more row of cards into sight.
import { describe, expect, it } from 'vitest';
import { CARD_ROWS } from '../../renderer/src/features/orders/kitchen-rows.js';
import { cardRowsFor, MIN_CARD_ROWS } from '../../renderer/src/features/orders/use-whole-rows.js';

// A card of 308 px with CARD_ROWS rows of 20 px text; 8 px between rows of cards (1366×768).
const CARD = 308;
const ROW = 20;
const GAP = 8;

describe('cardRowsFor', () => {
  it('keeps every line when one more row of cards would not fit anyway', () => {
    expect(cardRowsFor(650, CARD, ROW, GAP)).toEqual({ cardRows: CARD_ROWS, rows: 2 });
    expect(cardRowsFor(400, CARD, ROW, GAP)).toEqual({ cardRows: CARD_ROWS, rows: 1 });
  });

  it('gives up the fewest lines that bring one more row into sight (a banner up at 1366×768)', () => {
    // Two full rows need 624 px; with 2 lines fewer a card is 268 px and two rows take 544.
    expect(cardRowsFor(550, CARD, ROW, GAP)).toEqual({ cardRows: CARD_ROWS - 2, rows: 2 });
    expect(cardRowsFor(585, CARD, ROW, GAP)).toEqual({ cardRows: CARD_ROWS - 1, rows: 2 });
  });

  it('never goes below MIN_CARD_ROWS, and says when not one row fits', () => {
    expect(cardRowsFor(527, CARD, ROW, GAP)).toEqual({ cardRows: CARD_ROWS, rows: 1 });
    expect(cardRowsFor(250, CARD, ROW, GAP).rows).toBe(0);
    const smallest = CARD - (CARD_ROWS - MIN_CARD_ROWS) * ROW;
    expect(cardRowsFor(smallest, CARD, ROW, GAP)).toEqual({ cardRows: MIN_CARD_ROWS, rows: 1 });
  });
});
