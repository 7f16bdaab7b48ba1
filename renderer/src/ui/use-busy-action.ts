// One staff action at a time on a panel: while it runs its buttons are disabled, and a failure
// is said in words (`failed` wraps the reason). `after` runs either way (a refresh …).
import { useState } from 'react';
import { useServices } from '../app/hooks.js';
import { explain } from './explain.js';
import { useLanguage } from '../i18n/context.js';

export interface BusyAction {
  busy: boolean;
  run: (action: () => Promise<unknown>) => Promise<void>;
}

export function useBusyAction(failed: (why: string) => string, after?: () => void): BusyAction {
  const language = useLanguage();
  const { notify } = useServices();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      notify('error', failed(explain(err, language)));
    } finally {
      setBusy(false);
      after?.();
    }
  };
  return { busy, run };
}
