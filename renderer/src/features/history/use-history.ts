// The history search as pages: the first page when the filters change, the next (older) one
// on request, using the keyset cursor the connector answers (`nextCursor`). An answer for
// filters that are no longer current is dropped, so fast typing never mixes two searches.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallRequest } from '../../../../shared/contract.js';
import type { OrderStatus } from '../../../../shared/domain.js';
import type { DayTotals } from '../../../../shared/history.js';
import type { OrderSummary } from '../../../../shared/order.js';
import { useServices } from '../../app/hooks.js';
import { explain } from '../../ui/explain.js';
import { useLanguage } from '../../i18n/context.js';

export interface HistoryFilters {
  q: string;
  from: string;
  to: string;
  source: string;
  statuses: readonly OrderStatus[];
}

export const PAGE_SIZE = 200;

/** An order number ("H-0042", "#5120", "U 5120", "5120"): searched across all dates whatever
 * days are picked, so a driver asking about last week's order needs no change of dates first. */
export function isOrderNumber(q: string): boolean {
  return /^#?[a-z]{0,4}[-\s]?\d{3,}$/i.test(q.trim());
}

/** The filters as the Local API query (`searchHistory` and `exportHistory` take the same). */
export function historyQuery(f: HistoryFilters): CallRequest<'exportHistory'> {
  const q = f.q.trim();
  const days = !isOrderNumber(q);
  return {
    ...(q ? { q } : {}),
    ...(days && f.from ? { from: f.from } : {}),
    ...(days && f.to ? { to: f.to } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(f.statuses.length ? { status: f.statuses.join(',') } : {}),
  };
}

export interface HistoryPages {
  orders: readonly OrderSummary[];
  loading: boolean;
  /** True once the last page is in. */
  complete: boolean;
  error: string | null;
  /** Ask for the next page (ignored while one is loading or after the last). */
  loadMore: () => void;
}

/** `refresh`: bump it to search again with the same filters (new orders since). */
export function useHistorySearch(filters: HistoryFilters, refresh = 0): HistoryPages {
  const language = useLanguage();
  const { api } = useServices();
  const [orders, setOrders] = useState<readonly OrderSummary[]>([]);
  const [loading, setLoading] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [complete, setComplete] = useState(false);
  /** The last failure as thrown; worded at render, in the language on screen then. */
  const [failure, setFailure] = useState<unknown>(null);
  /** Bumped on every new search; answers carry the number they were asked under. */
  const generation = useRef(0);
  const inFlight = useRef(false);
  // The query by value: a new filters object with the same values is the same search.
  const key = JSON.stringify(historyQuery(filters));

  const fetchPage = useCallback(
    (query: CallRequest<'searchHistory'>, before: string | null, gen: number) => {
      inFlight.current = true;
      setLoading(true);
      api
        .searchHistory({ ...query, ...(before ? { before } : {}), limit: PAGE_SIZE })
        .then(
          (page) => {
            if (gen !== generation.current) return;
            setOrders((o) => (before ? [...o, ...page.orders] : page.orders));
            setCursor(page.nextCursor);
            setComplete(page.nextCursor === null);
            setFailure(null);
          },
          (err: unknown) => {
            if (gen === generation.current) setFailure(err);
          },
        )
        .finally(() => {
          if (gen !== generation.current) return;
          inFlight.current = false;
          setLoading(false);
        });
    },
    [api],
  );

  useEffect(() => {
    const gen = ++generation.current;
    setOrders([]);
    setCursor(null);
    setComplete(false);
    fetchPage(JSON.parse(key) as CallRequest<'searchHistory'>, null, gen);
  }, [fetchPage, key, refresh]);

  const loadMore = useCallback(() => {
    if (inFlight.current || !cursor) return;
    fetchPage(JSON.parse(key) as CallRequest<'searchHistory'>, cursor, generation.current);
  }, [cursor, fetchPage, key]);

  const error = failure === null ? null : explain(failure, language);
  return { orders, loading, complete, error, loadMore };
}

/** Orders, sales, cancels and refusals per day and source for the days shown. */
export function useHistoryTotals(
  from: string,
  to: string,
  refresh: number,
): { days: DayTotals[]; error: string | null } {
  const language = useLanguage();
  const { api } = useServices();
  const [days, setDays] = useState<DayTotals[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.historyTotals({ from, to }).then(
      (r) => {
        if (!live) return;
        setDays(r.days);
        setFailure(null);
      },
      (err: unknown) => live && setFailure(err),
    );
    return () => {
      live = false;
    };
  }, [api, from, to, refresh]);
  return { days, error: failure === null ? null : explain(failure, language) };
}
