// Local API handlers for the store controls (shared/contract.ts: getStore … searchCatalogObjects).
// Manager-only calls reach these only after the PIN check (manager/guard.ts); `meta.manager` says
// the PIN was given, for the audit log.
import type { Handlers } from '../api/handlers.js';
import type { Store } from './index.js';

type StoreCalls =
  | 'getStore'
  | 'pauseStore'
  | 'resumeStore'
  | 'setBusyMode'
  | 'getAvailability'
  | 'setAvailability'
  | 'searchCatalogObjects';

export function storeHandlers(store: Store): Pick<Handlers, StoreCalls> {
  const { controls, availability } = store;
  return {
    getStore: () => controls.status(),
    pauseStore: (body, meta) => controls.pause(body, meta.actor, meta.manager === true),
    resumeStore: ({ reason }, meta) => controls.resume(reason, meta.actor, meta.manager === true),
    setBusyMode: (body, meta) => controls.setBusy(body, meta.actor, meta.manager === true),
    getAvailability: () => availability.state(),
    setAvailability: (body, meta) => availability.set(body, meta.actor, meta.manager === true),
    searchCatalogObjects: ({ q, type, limit }) => ({
      objects: availability.search(q, type, limit),
    }),
  };
}
