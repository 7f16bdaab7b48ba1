// Every word on the screen lives in a translation set: one per feature (`features/x/texts.ts`),
// English first, Spanish beside it with exactly the same keys. The types make a missing or extra
// key a compile error; test/unit/renderer-i18n.test.ts checks that none is left empty.
//
// A text is a string, or a function when it takes values ("3 items", "Paused until 17:30"), so
// word order and plurals are each language's own.
import type { Language } from './language.js';

/** A string, a function of values, or a group of texts (the label of every status). */
// `any[]` keeps a set's own parameter types (a `(n: number) => string` stays one).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Text = string | ((...args: any[]) => string) | { readonly [key: string]: Text };

/** A set's shape with the English literals widened: what every language must provide. */
export type TextsOf<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : T[K] extends string
      ? string
      : TextsOf<T[K]>;
};

export interface TranslationSet<T extends Record<string, Text>> {
  readonly en: TextsOf<T>;
  readonly es: TextsOf<T>;
}

const declared: TranslationSet<Record<string, Text>>[] = [];

/** Declare a feature's words: English, then Spanish with the same keys. */
export function translations<T extends Record<string, Text>>(
  en: T,
  es: TextsOf<T>,
): TranslationSet<T> {
  // T is TextsOf<T> with literals kept; the compiler cannot see through the mapped type.
  const set = { en: en as unknown as TextsOf<T>, es };
  declared.push(set);
  return set;
}

/** Every set declared by the modules loaded so far (the completeness test walks them). */
export function declaredTranslations(): readonly TranslationSet<Record<string, Text>>[] {
  return declared;
}

/**
 * The words in a language. Components use useTexts (i18n/context.ts) instead, so a language
 * switch re-renders them; a plain helper takes the language from its caller, never from a
 * module variable (the language can change while the app runs).
 */
export function texts<T extends Record<string, Text>>(
  set: TranslationSet<T>,
  language: Language,
): TextsOf<T> {
  return set[language];
}
