// One handler per Local API call, typed from the shared contract. The HTTP routes and the
// Electron IPC handlers both call these, so the two transports cannot drift apart.
import type { CallInput, CallName, CallOutput } from '../../../shared/contract.js';
import type { AcceptanceService } from '../acceptance/decisions.js';
import type { CatalogStore } from '../catalog/catalog.js';
import type { Actor, CoreContext } from '../context.js';
import type { OrderLifecycle } from '../orders/lifecycle.js';
import type { InStoreOrders } from '../instore/orders.js';
import type { OutboxApi } from '../outbox/api.js';
import { notFound } from '../util/errors.js';
import type { HealthReporter } from './health.js';

export interface CallMeta {
  actor: Actor;
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
  inStore: InStoreOrders;
  outbox: OutboxApi;
}

export function createHandlers({
  ctx,
  acceptance,
  lifecycle,
  catalog,
  health,
  inStore,
  outbox,
}: HandlerDeps): Handlers {
  return {
    listOrders: ({ status, limit }) => ({ orders: ctx.orders.list(status, limit) }),
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
    listOutboxEvents: ({ state, limit }) => outbox.list(state, limit),
    replayOutboxEvent: ({ id }) => outbox.replay(id),
    getHealth: () => health.report(),
    getCatalog: () => {
      const current = catalog.current();
      if (!current) throw notFound('catalog', '(none loaded)');
      return current.catalog;
    },
    putCatalog: (body) => {
      const now = ctx.clock.now();
      const index = catalog.replace(body, 'local-api', now);
      const result = { objects: index.objects, loadedAt: now };
      ctx.bus.publish('catalog.updated', result);
      return result;
    },
  };
}
