// The menu for the new-order form: the connector's catalog with this location's prices, and
// what is 86'd right now, kept current by push events (a new catalog, an 86 or a restore).
import { useEffect, useMemo, useState } from 'react';
import type { InStoreTerms } from '../../../../shared/instore.js';
import type { StreamCatalog } from '../../../../shared/pos.js';
import { LocalApiError } from '../../api/client.js';
import { useServices } from '../../app/hooks.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { explain } from '../../ui/explain.js';
import { buildMenu, type Menu } from './menu.js';
import { MENU_TEXTS } from './texts.js';

export interface MenuState {
  menu: Menu | null;
  /** Provider ids 86'd now (families, sizes, modifiers). */
  soldOut: ReadonlySet<string>;
  /** Why there is no menu: none loaded yet, or the connector did not answer. */
  problem: string | null;
  /** How the connector prices the order (tax rate, currency); null until it answers. */
  terms: InStoreTerms | null;
}

export function useMenu(): MenuState {
  const language = useLanguage();
  const { api, onPush } = useServices();
  const [catalog, setCatalog] = useState<StreamCatalog | null>(null);
  const [terms, setTerms] = useState<InStoreTerms | null>(null);
  const [soldOutIds, setSoldOutIds] = useState<string[]>([]);
  /** No menu in the connector (`none`), or why it did not load (worded at render). */
  const [problem, setProblem] = useState<{ none: true } | { why: unknown } | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    api.getInStoreTerms().then(
      (answer) => live && setTerms(answer),
      () => undefined, // without them the form shows "tax added on sending"
    );
    api.getCatalog().then(
      (body) => {
        if (!live) return;
        setCatalog(body);
        setProblem(null);
      },
      (err: unknown) => {
        if (!live) return;
        setCatalog(null);
        setProblem(
          err instanceof LocalApiError && err.status === 404 ? { none: true } : { why: err },
        );
      },
    );
    api.getAvailability().then(
      (state) => live && setSoldOutIds(state.unavailable.map((u) => u.providerId)),
      () => undefined, // without the 86 list every item shows as available; the core still checks
    );
    return () => {
      live = false;
    };
  }, [api, version]);

  useEffect(
    () =>
      onPush((m) => {
        if (m.event === 'catalog.updated' || m.event === 'catalog.availability.restored')
          setVersion((v) => v + 1);
        if (m.event === 'catalog.availability.updated')
          setSoldOutIds(m.data.unavailable.map((u) => u.providerId));
      }),
    [onPush],
  );

  const locationId = terms?.locationId ?? null;
  const menu = useMemo(
    () => (catalog && locationId !== null ? buildMenu(catalog, locationId) : null),
    [catalog, locationId],
  );
  const soldOut = useMemo(() => new Set(soldOutIds), [soldOutIds]);
  const t = useTexts(MENU_TEXTS);
  return {
    menu,
    soldOut,
    problem:
      problem && ('why' in problem ? t.loadFailed(explain(problem.why, language)) : t.noMenu),
    terms,
  };
}
