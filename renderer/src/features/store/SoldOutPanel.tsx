// The 86 list: search the menu, mark things sold out for a while or until turned back on, and
// see what timers turned back on by themselves.
import { useCallback, useEffect, useState } from 'react';
import type { AvailabilityState, CatalogObjectHit } from '../../../../shared/store.js';
import { useServices } from '../../app/hooks.js';
import { explain } from '../orders/actions.js';
import { clockTime } from '../orders/format.js';
import { useManagerAction } from './ManagerPin.js';

const DURATIONS = [
  { label: 'Rest of today', request: { restOfDay: true as const } },
  { label: '1 hour', request: { hours: 1 } },
  { label: 'Until back on', request: {} },
];

export function SoldOutPanel({ now }: { now: number }) {
  const { api, notify, onPush } = useServices();
  const withPin = useManagerAction();
  const [state, setState] = useState<AvailabilityState | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CatalogObjectHit[]>([]);

  const refresh = useCallback(() => {
    api
      .getAvailability()
      .then(setState, (err: unknown) =>
        notify('error', `Could not load the 86 list. ${explain(err)}`),
      );
  }, [api, notify]);
  useEffect(() => {
    refresh();
    return onPush((m) => {
      if (m.event === 'catalog.availability.updated') setState(m.data);
      if (m.event === 'catalog.availability.restored') refresh();
    });
  }, [onPush, refresh]);

  useEffect(() => {
    let live = true;
    const id = setTimeout(() => {
      api.searchCatalogObjects({ q: query, limit: 30 }).then(
        (r) => live && setHits(r.objects),
        () => live && setHits([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, [api, query, state]);

  const change = async (
    what: string,
    providerIds: string[],
    request: Record<string, unknown>,
    available: boolean,
  ): Promise<void> => {
    try {
      const next = await withPin(what, (pin) =>
        api.setAvailability({ providerIds, available, ...request }, { managerPin: pin }),
      );
      if (next) {
        setState(next);
        notify('info', what);
      }
    } catch (err) {
      notify('error', `${what} failed. ${explain(err)}`);
    }
  };

  return (
    <div className="tile sold-out">
      <h3>Sold out (86)</h3>
      {state && state.unavailable.length === 0 && (
        <p className="muted">Everything on the menu is available.</p>
      )}
      {state && state.unavailable.length > 0 && (
        <ul className="sold-out__list" aria-label="Sold out now">
          {state.unavailable.map((u) => (
            <li key={u.providerId} className="sold-out__row" data-testid="sold-out-row">
              <strong>{u.name ?? u.providerId}</strong>
              <span className="muted">
                {u.until ? `back on ${clockTime(u.until)}` : 'until turned back on'}
                {u.reason ? ` · ${u.reason}` : ''} · by {u.by}
              </span>
              <button
                type="button"
                className="button button--accept button--small"
                onClick={() =>
                  void change(`${u.name ?? u.providerId} back on`, [u.providerId], {}, true)
                }
              >
                Back on
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="field">
        <span>Find a menu item or option</span>
        <input
          type="search"
          value={query}
          placeholder="e.g. fries, oat milk"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </label>
      <ul className="sold-out__list" aria-label="Menu search results">
        {hits
          .filter((h) => h.available)
          .map((h) => (
            <li key={h.providerId} className="sold-out__row" data-testid="catalog-hit">
              <strong>{h.name}</strong>
              <span className="muted">
                {h.type.replace('_', ' ')}
                {h.parents.length ? ` · ${h.parents.join(', ')}` : ''}
              </span>
              <span className="choice-row">
                {DURATIONS.map((d) => (
                  <button
                    key={d.label}
                    type="button"
                    className="button button--reject button--small"
                    onClick={() =>
                      void change(
                        `86 ${h.name}: ${d.label.toLowerCase()}`,
                        [h.providerId],
                        d.request,
                        false,
                      )
                    }
                  >
                    86 · {d.label}
                  </button>
                ))}
              </span>
            </li>
          ))}
      </ul>
      {state && state.restoredAutomatically.length > 0 && (
        <details>
          <summary>Turned back on by timers ({state.restoredAutomatically.length})</summary>
          <ul>
            {state.restoredAutomatically.map((r) => (
              <li key={`${r.providerId}-${r.restoredAt}`}>
                {r.name ?? r.providerId} at {clockTime(r.restoredAt)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted">Checked {clockTime(now)}</p>
    </div>
  );
}
