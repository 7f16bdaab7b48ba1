// One handler per Local API call, typed from the shared contract. The HTTP routes and the
// Electron IPC handlers both call these, so the two transports cannot drift apart.
import type { CallInput, CallName, CallOutput } from '../../../shared/contract.js';
import type { AcceptanceService } from '../acceptance/decisions.js';
import type { CatalogStore } from '../catalog/catalog.js';
import { checkCatalog, storeCatalog } from '../catalog/import.js';
import type { Actor, CoreContext } from '../context.js';
import type { OrderStatus } from '../../../shared/domain.js';
import type { OrderSummary } from '../../../shared/order.js';
import type { OrderLifecycle } from '../orders/lifecycle.js';
import type { MissedOrders } from '../orders/missed.js';
import type { InStoreOrders } from '../instore/orders.js';
import type { OutboxApi } from '../outbox/api.js';
import type { AuditLog } from '../manager/audit-log.js';
import { guardManagerCalls } from '../manager/guard.js';
import { managerHandlers } from '../manager/handlers.js';
import type { ManagerPins } from '../manager/manager-pin.js';
import { storeHandlers } from '../store/handlers.js';
import type { Store } from '../store/index.js';
import { notFound } from '../util/errors.js';
import type { HealthReporter } from './health.js';
import { posHandlers } from '../pos/handlers.js';
import { streamConnectionHandlers } from '../stream/auth/handlers.js';
import type { StreamOAuth } from '../stream/auth/oauth.js';
import type { ChainConnect } from '../stream/auth/handlers.js';
import type { PosService } from '../pos/service.js';

import { listBackups, type BackupService } from '../db/backup.js';
import type { OrderHistory } from '../history/history.js';
import type { RuntimeSettings } from '../settings/runtime-settings.js';
export interface CallMeta {
  actor: Actor;
  /** The manager PIN as the caller gave it (HTTP: `X-Manager-Pin`); checked by manager/guard.ts. */
  managerPin?: string | undefined;
  /** True only for calls through the desktop bridge: the counter's own window, in person. */
  atCounter?: boolean | undefined;
  /** Set by the guard once the PIN was right; handlers record it in the audit log. */
  manager?: boolean | undefined;
}

export type Handlers = {
  [K in CallName]: (input: CallInput<K>, meta: CallMeta) => CallOutput<K> | Promise<CallOutput<K>>;
};

export interface HandlerDeps {
  ctx: CoreContext;
  acceptance: AcceptanceService;
  lifecycle: OrderLifecycle;
  catalog: CatalogStore;
  health: HealthReporter;
  store: Store;
  pins: ManagerPins;
  audit: AuditLog;
  inStore: InStoreOrders;
  outbox: OutboxApi;
  pos: PosService;
  backups: BackupService;
  history: OrderHistory;
  settings: RuntimeSettings;
  missed: MissedOrders;
  streamOAuth: StreamOAuth;
  /** Set in a chain (relay.url): connect codes go to the gateway. */
  chainConnect?: ChainConnect | null;
}

/** The recent orders, and every missed order nobody has seen yet however old: the Missed group
 * must not lose one that fell off the end of the list in a rush. */
function withUnseenMissed(
  ctx: CoreContext,
  status: readonly OrderStatus[] | undefined,
  limit: number,
): OrderSummary[] {
  const list = ctx.orders.list(status, limit);
  const have = new Set(list.map((o) => o.id));
  for (const o of ctx.orders.unseenMissed())
    if (!have.has(o.id) && (!status?.length || status.includes(o.status))) list.push(o);
  return list;
}

export function createHandlers({
  ctx,
  acceptance,
  lifecycle,
  catalog,
  health,
  store,
  pins,
  audit,
  inStore,
  outbox,
  pos,
  backups,
  history,
  settings,
  missed,
  streamOAuth,
  chainConnect = null,
}: HandlerDeps): Handlers {
  const handlers: Handlers = {
    ...storeHandlers(store),
    ...managerHandlers(pins, audit, ctx.clock),
    ...posHandlers(pos),
    ...streamConnectionHandlers(streamOAuth, chainConnect),
    listOrders: ({ status, limit }) => ({ orders: withUnseenMissed(ctx, status, limit) }),
    getMissed: () => missed.summary(),
    markMissedSeen: ({ id }, { actor }) => missed.markSeen(id, actor),
    getOrder: ({ id }) => {
      const detail = ctx.orders.detail(id);
      if (!detail) throw notFound('order', id);
      return detail;
    },
    acceptOrder: ({ id, prepTimeMinutes }, { actor }) =>
      acceptance.acceptOrder(id, prepTimeMinutes, actor),
    rejectOrder: ({ id, code, reason, unavailable }, { actor }) =>
      acceptance.rejectOrder(id, { code, reason, unavailable }, actor),
    setOrderStatus: ({ id, status }, { actor }) => lifecycle.setStaffStatus(id, status, actor),
    cancelOrder: ({ id, reason }, { actor }) => lifecycle.cancelByStaff(id, reason, actor),
    createInStoreOrder: (body, { actor }) => inStore.create(body, actor),
    getInStoreTerms: () => inStore.terms(),
    lookUpCustomer: (body) => inStore.lookUpCustomer(body),
    listOutboxEvents: ({ state, limit }) => outbox.list(state, limit),
    replayOutboxEvent: ({ id }) => outbox.replay(id),
    getHealth: () => health.report(),
    listBackups: () => ({ backups: listBackups(backups.dir) }),
    searchHistory: (query) => history.search(query),
    getSettings: () => settings.view(),
    updateSettings: (patch, { actor }) => settings.update(patch, actor),
    historyTotals: (range) => history.totals(range),
    exportHistory: (query) => history.exportCsv(query, ctx.clock.now()),
    createBackup: () => backups.run(),
    getCatalog: () => {
      const current = catalog.current();
      if (!current) throw notFound('catalog', '(none loaded)');
      return current.stored;
    },
    putCatalog: (body) => {
      // The same checks as an import (ids unique, references), so every way in agrees.
      const deps = { catalog, bus: ctx.bus, now: () => ctx.clock.now() };
      const { objects, loadedAt } = storeCatalog(deps, checkCatalog(body, 'body'), 'local-api');
      return { objects, loadedAt };
    },
  };
  return guardManagerCalls(handlers, pins, audit, ctx.clock);
}
