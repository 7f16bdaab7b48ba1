// The Health screen's state: the connector's own report (`GET /api/health`), asked again every
// few seconds, and a count of refreshes so tiles that ask their own calls refresh with it.
import { useCallback, useEffect, useState } from 'react';
import type { Health } from '../../../../shared/contract.js';
import { useServices } from '../../app/hooks.js';
import { explain } from '../../ui/explain.js';
import { useLanguage } from '../../i18n/context.js';

const REFRESH_MS = 5_000;

export interface HealthState {
  health: Health | null;
  /** Why the last report could not be had, in words; null once one arrives. */
  error: string | null;
  /** Counts refreshes, so the tiles that ask their own calls refresh with the rest. */
  tick: number;
}

export function useHealth(): HealthState {
  const language = useLanguage();
  const { api } = useServices();
  const [health, setHealth] = useState<Health | null>(null);
  /** The last failure as thrown; worded at render, in the language on screen then. */
  const [failure, setFailure] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => {
    api.getHealth().then(
      (h) => {
        setHealth(h);
        setFailure(null);
        setTick((t) => t + 1);
      },
      (err: unknown) => setFailure(err),
    );
  }, [api]);
  useEffect(() => {
    refresh();
    const id = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(id);
  }, [refresh]);
  return { health, error: failure === null ? null : explain(failure, language), tick };
}
