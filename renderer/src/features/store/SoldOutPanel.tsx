// The 86 list: search the menu, mark things sold out for a while or until turned back on, and
// see what timers turned back on by themselves.
import { useCallback, useEffect, useState } from 'react';
import type { AvailabilityState, CatalogObjectHit } from '../../../../shared/store.js';
import { useServices } from '../../app/hooks.js';
import { explain } from '../../ui/explain.js';
import { clockTime, storeDayTime } from '../../ui/format.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { SearchField } from '../../ui/SearchField.js';
import { useManagerAction } from '../../ui/ManagerPin.js';
import { SOLD_OUT_TEXTS, STORE_TEXTS } from './texts.js';

const DURATIONS = [
  { id: 'restOfDay', request: { restOfDay: true as const } },
  { id: 'hour', request: { hours: 1 } },
  { id: 'untilBackOn', request: {} },
] as const;

export function SoldOutPanel({ now }: { now: number }) {
  const language = useLanguage();
  const { api, notify, onPush } = useServices();
  const withPin = useManagerAction();
  const [state, setState] = useState<AvailabilityState | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CatalogObjectHit[]>([]);
  const t = useTexts(SOLD_OUT_TEXTS);
  const store = useTexts(STORE_TEXTS);

  const refresh = useCallback(() => {
    api
      .getAvailability()
      .then(setState, (err: unknown) => notify('error', t.loadFailed(explain(err, language))));
  }, [api, language, notify, t]);
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
      notify('error', store.failed(what, explain(err, language)));
    }
  };

  return (
    <div className="tile sold-out">
      <h3>{t.title}</h3>
      {state && state.unavailable.length === 0 && <p className="muted">{t.allAvailable}</p>}
      {state && state.unavailable.length > 0 && (
        <ul className="sold-out__list" aria-label={t.soldOutNow}>
          {state.unavailable.map((u) => (
            <li key={u.providerId} className="sold-out__row" data-testid="sold-out-row">
              <strong>{u.name ?? u.providerId}</strong>
              <span className="muted">
                {u.until ? t.backOnAt(storeDayTime(u.until, now, language)) : t.untilBackOn}
                {u.reason ? ` · ${u.reason}` : ''}
                {t.by(u.by)}
              </span>
              <button
                type="button"
                className="button button--accept button--small"
                onClick={() =>
                  void change(t.backOnDone(u.name ?? u.providerId), [u.providerId], {}, true)
                }
              >
                {t.backOn}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SearchField
        label={t.search}
        value={query}
        placeholder={t.searchHint}
        onChange={setQuery}
        onKeyDown={(e) => e.stopPropagation()}
      />
      <ul className="sold-out__list" aria-label={t.results}>
        {hits
          .filter((h) => h.available)
          .map((h) => (
            <li key={h.providerId} className="sold-out__row" data-testid="catalog-hit">
              <strong>{h.name}</strong>
              <span className="muted">
                {t.type[h.type]}
                {h.parents.length ? ` · ${h.parents.join(', ')}` : ''}
              </span>
              <span className="choice-row">
                {DURATIONS.map((d) => (
                  <button
                    key={d.id}
                    type="button"
                    className="button button--reject button--small"
                    onClick={() =>
                      void change(
                        t.soldOut(h.name, t.durations[d.id]),
                        [h.providerId],
                        d.request,
                        false,
                      )
                    }
                  >
                    86 · {t.durations[d.id]}
                  </button>
                ))}
              </span>
            </li>
          ))}
      </ul>
      {state && state.restoredAutomatically.length > 0 && (
        <details>
          <summary>{t.restored(state.restoredAutomatically.length)}</summary>
          <ul>
            {state.restoredAutomatically.map((r) => (
              <li key={`${r.providerId}-${r.restoredAt}`}>
                {t.restoredAt(r.name ?? r.providerId, clockTime(r.restoredAt, language))}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted">{t.checked(clockTime(now, language))}</p>
    </div>
  );
}
