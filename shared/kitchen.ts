// What a card says to cook: each line with its quantity, its first level of modifiers (deeper
// levels folded into them, counted when there are too many, never dropped silently), its note,
// and the order's own notes. Made once by the core for the board's summaries, so the cashier
// reads the order on the card instead of opening its details inside the acceptance window.
import { z } from 'zod';
import type { LineItem, Modifier } from './order.js';

export const KitchenLine = z.object({
  quantity: z.number().int(),
  name: z.string(),
  /** First-level modifiers as words: "2× Extra Patty", "Half & Half (Left: Pepperoni +1, …)". */
  modifiers: z.array(z.string()),
  note: z.string().nullable(),
});
export type KitchenLine = z.infer<typeof KitchenLine>;

export const Kitchen = z.object({
  lines: z.array(KitchenLine),
  /** The order's special instructions. */
  note: z.string().nullable(),
  /** How to reach the customer (`fulfillment_instructions`). */
  instructions: z.string().nullable(),
});
export type Kitchen = z.infer<typeof Kitchen>;

/** Nested names shown inside a first-level modifier; the rest is counted ("+2"). */
const NESTED_SHOWN = 3;

function quantityPrefix(quantity: number): string {
  return quantity > 1 ? `${quantity}× ` : '';
}

/** "Left: Pepperoni +1": a second-level modifier, with the number of levels below it. */
function nestedLabel(m: Modifier): string {
  const below = countAll(m.modifiers);
  return `${quantityPrefix(m.quantity)}${m.name}${below ? ` +${below}` : ''}`;
}

function countAll(list: readonly Modifier[]): number {
  return list.reduce((n, m) => n + 1 + countAll(m.modifiers), 0);
}

export function modifierLabel(m: Modifier): string {
  const own = `${quantityPrefix(m.quantity)}${m.name}`;
  if (!m.modifiers.length) return own;
  const shown = m.modifiers.slice(0, NESTED_SHOWN).map(nestedLabel);
  const hidden = m.modifiers.slice(NESTED_SHOWN);
  const more = hidden.length
    ? [`+${hidden.length + countAll(hidden.flatMap((h) => h.modifiers))}`]
    : [];
  return `${own} (${[...shown, ...more].join(', ')})`;
}

export function kitchenOf(order: {
  lineItems: readonly LineItem[];
  specialInstructions: string | null;
  fulfillmentInstructions?: string | null | undefined;
}): Kitchen {
  return {
    lines: order.lineItems.map((li) => ({
      quantity: li.quantity,
      name: li.name,
      modifiers: li.modifiers.map(modifierLabel),
      note: li.specialInstructions?.trim() || null,
    })),
    note: order.specialInstructions?.trim() || null,
    instructions: order.fulfillmentInstructions?.trim() || null,
  };
}
