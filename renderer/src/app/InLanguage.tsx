// The whole screen in the terminal's language. The language is context, not a key: a switch
// re-renders the components that read it (useLanguage / useTexts) and keeps everything typed or
// chosen (a half-taken phone order, the screen on show).
import { type ReactNode, useEffect } from 'react';
import { LanguageContext } from '../i18n/context.js';
import { useObservable, useServices } from './hooks.js';

export function InLanguage({ children }: { children: ReactNode }) {
  const { settings } = useServices();
  const { language } = useObservable(settings);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}
