// Past customers for the phone number being typed: once it has a whole local number's digits,
// the connector is asked (lookUpCustomer: this store's own in-store orders only) and the form
// offers what it answers. A number changed while the answer was on its way gets no stale answer;
// a look-up that fails says so in words and the form goes on without it.
import { useEffect, useState } from 'react';
import { LOOKUP_MIN_DIGITS, phoneDigits, type PastCustomer } from '../../../../shared/instore.js';
import { useServices } from '../../app/hooks.js';
import { explain } from '../../ui/explain.js';
import { useLanguage } from '../../i18n/context.js';

/** Typing pauses this long before a look-up, so each keystroke is not a request. */
const TYPING_PAUSE_MS = 250;

export interface CustomerLookupState {
  customers: PastCustomer[];
  /** Why the look-up failed (the core's words), or null. */
  problem: string | null;
  /** Stop offering these for the number as it is now (used, or waved away). */
  dismiss(): void;
}

export function useCustomerLookup(phone: string): CustomerLookupState {
  const language = useLanguage();
  const { api } = useServices();
  const digits = phoneDigits(phone);
  const [answer, setAnswer] = useState<{ digits: string; customers: PastCustomer[] } | null>(null);
  /** The lookup's failure as thrown; worded at render, in the language on screen then. */
  const [problem, setProblem] = useState<unknown>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);

  useEffect(() => {
    setProblem(null);
    if (digits.length < LOOKUP_MIN_DIGITS) return;
    let live = true;
    const timer = setTimeout(() => {
      api.lookUpCustomer({ phone: digits }).then(
        (found) => live && setAnswer({ digits, customers: found.customers }),
        (err: unknown) => live && setProblem(err),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, digits]);

  const current = answer?.digits === digits && dismissed !== digits ? answer.customers : [];
  return {
    customers: digits.length >= LOOKUP_MIN_DIGITS ? current : [],
    problem:
      digits.length >= LOOKUP_MIN_DIGITS && problem !== null ? explain(problem, language) : null,
    dismiss: () => setDismissed(digits),
  };
}
