// The whole screen in the terminal's language. Switching re-creates the tree below: every
// `texts()` call then reads the new language, and the switch is rare enough (a settings toggle)
// that keeping half-typed state across it is not worth a subscription in every component.
import { Fragment, type ReactNode } from 'react';
import { setLanguage } from '../i18n/language.js';
import { useObservable, useServices } from './hooks.js';

export function InLanguage({ children }: { children: ReactNode }) {
  const { settings } = useServices();
  const { language } = useObservable(settings);
  setLanguage(language);
  return <Fragment key={language}>{children}</Fragment>;
}
