// The Health screen's state: the connector's own report (`GET /api/health`), asked again every
// few seconds, and a count of refreshes so tiles that ask their own calls refresh with it.
import { useCallback, useEffect, useState } from 'react';
import type { Health } from '../../../../shared/contract.js';
import { useServices } from '../../app/hooks.js';
import { explain } from '../../ui/explain.js';

const REFRESH_MS = 5_000;

export interface HealthState {
  health: Health | null;
  /** Why the last report could not be had, in words; null once one arrives. */
  error: string | null;
  /** Counts refreshes, so the tiles that ask their own calls refresh with the rest. */
  tick: number;
}

export function useHealth(): HealthState {
  const { api } = useServices();
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => {
    api.getHealth().then(
      (h) => {
        setHealth(h);
        setError(null);
        setTick((t) => t + 1);
      },
      (err: unknown) => setError(explain(err)),
    );
  }, [api]);
  useEffect(() => {
    refresh();
    const id = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(id);
  }, [refresh]);
  return { health, error, tick };
}
