// The terminal's language as React state: InLanguage provides it from the settings observable,
// and every component that shows words reads it here, so a switch re-renders exactly those
// components (memoized ones too: a context read bypasses memo) and nothing is re-created.
import { createContext, useContext } from 'react';
import type { Language } from './language.js';
import { type Text, type TextsOf, type TranslationSet, texts } from './texts.js';

export const LanguageContext = createContext<Language>('en');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** A feature's words in the screen's language; re-renders the caller on a switch. */
export function useTexts<T extends Record<string, Text>>(set: TranslationSet<T>): TextsOf<T> {
  return texts(set, useLanguage());
}
