// The screen's language. Chosen per terminal (a counter in Miami and one in Madrid read different
// words), kept with the other terminal settings, and English until someone picks Spanish or the
// browser says Spanish. The words the core sends back (a refusal's reason) stay in English: they
// are the core's, logged and audited as they are.

export const LANGUAGES = { en: 'English', es: 'Español' } as const;
export type Language = keyof typeof LANGUAGES;

/** The language a terminal starts in: Spanish when the browser or OS prefers it, else English. */
export function languageFor(preferred: readonly string[] | undefined): Language {
  const first = preferred?.[0]?.toLowerCase() ?? '';
  return first === 'es' || first.startsWith('es-') ? 'es' : 'en';
}

/**
 * The locale for Intl number and date formats. English keeps the machine's own (a US counter
 * reads 6:30 PM, a British one 18:30). Spanish is US Spanish: the stores this serves take
 * dollars, and `es-US` writes them as the menu and the receipt do ($8.99, not 8,99 US$).
 */
export function intlLocale(language: Language): string | undefined {
  return language === 'en' ? undefined : 'es-US';
}
