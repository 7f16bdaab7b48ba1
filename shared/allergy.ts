// The one list of words that make a note an allergy note, for everyone who shows an order: the
// board's card marks such a note ALLERGY in a box (renderer CardKitchen.tsx), the kitchen ticket
// prints an ALLERGY bar (core pos/escpos/ticket.ts) and the POS order carries the flag and the
// notes (core pos/pos-order.ts). Whichever language the customer wrote it in (English and Spanish
// words both count). A false alarm costs a glance; a missed allergy costs far more, so stems match
// liberally.
const STEMS = [
  'allerg',
  'alérg',
  'alerg',
  'anaphyla',
  'anafila',
  'epipen',
  'celiac',
  'celíac',
  'gluten',
  'peanut',
  'cacahuete',
  'maní',
  'nuts?\\b',
  'tree nut',
  'nuez',
  'nueces',
  'sesame',
  'sésamo',
  'ajonjolí',
  'shellfish',
  'marisco',
  'shrimp',
  'camar[oó]n',
  'dairy',
  'lactos',
  'lácteo',
  'soy\\b(?! (?:el|la|de|un|una)\\b)',
  'soja',
  'eggs?\\b',
  'huevo',
  'fish\\b',
  'pescado',
];

/** A stem counts at the start of a word (letters in any script, accents included). */
const ALLERGY = new RegExp(`(?<!\\p{L})(?:${STEMS.join('|')})`, 'iu');

export function isAllergyNote(text: string | null): boolean {
  return text !== null && ALLERGY.test(text);
}

/** The customer's notes on an order that name an allergy: the order's own notes first, then each
 * item's note as "Item: note" (the cook needs to know which dish). Empty when none does. */
export function allergyNotes(order: {
  specialInstructions: string | null;
  fulfillmentInstructions?: string | null | undefined;
  lineItems: readonly { name: string; specialInstructions: string | null }[];
}): string[] {
  const notes: string[] = [];
  for (const note of [order.specialInstructions, order.fulfillmentInstructions ?? null])
    if (isAllergyNote(note)) notes.push(note!.trim());
  for (const item of order.lineItems)
    if (isAllergyNote(item.specialInstructions))
      notes.push(`${item.name}: ${item.specialInstructions!.trim()}`);
  return notes;
}
