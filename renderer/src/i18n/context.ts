// The terminal's language as React state: InLanguage provides it from the settings observable,
// and every component that shows words reads it here, so a switch re-renders exactly those
// components (memoized ones too: a context read bypasses memo) and nothing is re-created.
import { createContext, useCallback, useContext, useLayoutEffect, useRef } from 'react';
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

/** The language at the moment something happens (a failure worded in a notice), for a callback
 * that must not be re-created on a switch: one a fetch effect depends on would fetch again. */
export function useLanguageNow(): () => Language {
  const language = useLanguage();
  const latest = useRef(language);
  useLayoutEffect(() => {
    latest.current = language;
  }, [language]);
  return useCallback(() => latest.current, []);
}
