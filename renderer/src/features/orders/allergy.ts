// Words in a note that mean someone can get hurt: the card marks such a note ALLERGY in a box,
// whichever language the customer wrote it in (English and Spanish words both count). A false
// alarm costs a glance; a missed allergy costs far more, so stems match liberally.
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
