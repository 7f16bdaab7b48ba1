// Which of an order's lines fit on its card: a card has a fixed height (so a rush shows the same
// number of cards whatever they hold), and what does not fit is counted ("+2 more · Details"),
// never dropped silently. Order notes come first, and a line's note before its modifiers: an
// allergy must never be the row that is cut.
import type { Kitchen, KitchenLine } from '../../../../shared/kitchen.js';

/** Text rows on a card (cards.css gives the body exactly this many): each line takes one, plus
 * one for its modifiers and one for its note; each order note and each flag takes one. */
export const CARD_ROWS = 5;

/** The flags (future, unpaid) above the lines, one row each. */
export function badgeRows(order: { isFuture: boolean; unpaid: boolean }): number {
  return Number(order.isFuture) + Number(order.unpaid);
}

export interface ShownLine {
  line: KitchenLine;
  showNote: boolean;
  /** Rows the modifiers get: 0 (not shown), 1, or 2 for a long list when the card has room. */
  modifierRows: number;
}

/** About what one row of modifiers holds on the narrowest card (17rem). */
const ROW_CHARS = 30;

export interface CardKitchen {
  notes: string[];
  lines: ShownLine[];
  /** Lines not shown at all. */
  more: number;
  /** Whether something is not on the card (a line, or part of one): the card says so. */
  cut: boolean;
}

function fit(lines: readonly KitchenLine[], budget: number): ShownLine[] {
  const shown: ShownLine[] = [];
  let left = budget;
  for (const line of lines) {
    if (left < 1) break;
    left -= 1;
    const showNote = line.note !== null && left >= 1;
    if (showNote) left -= 1;
    const modifierRows = line.modifiers.length > 0 && left >= 1 ? 1 : 0;
    left -= modifierRows;
    shown.push({ line, showNote, modifierRows });
  }
  // Rows left over go to long modifier lists, first line first.
  for (const s of shown) {
    if (left < 1) break;
    if (s.modifierRows === 1 && s.line.modifiers.join(', ').length > ROW_CHARS) {
      s.modifierRows = 2;
      left -= 1;
    }
  }
  return shown;
}

function whole(s: ShownLine): boolean {
  return (s.line.note === null || s.showNote) && (!s.line.modifiers.length || s.modifierRows > 0);
}

export function cardKitchen(kitchen: Kitchen, rows = CARD_ROWS): CardKitchen {
  const notes = [kitchen.instructions, kitchen.note].filter((n): n is string => n !== null);
  const budget = rows - notes.length;
  const all = fit(kitchen.lines, budget);
  if (all.length === kitchen.lines.length && all.every(whole))
    return { notes, lines: all, more: 0, cut: false };
  // Something does not fit: keep the last row for the words that say so.
  const lines = fit(kitchen.lines, budget - 1);
  return { notes, lines, more: kitchen.lines.length - lines.length, cut: true };
}
