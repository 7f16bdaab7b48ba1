// The Stream lane as one unit for the composition root: its worker, woken when a `stream` row is
// written, and the outbox's Local API over the same rows (what waits, what is dead, replay).
import type { CoreContext } from '../../context.js';
import { OutboxApi } from '../../outbox/api.js';
import { STORE_STATUS_KEY } from '../../store/store-controls.js';
import { StreamLaneWorker, type StreamLaneDeps, type StreamLaneOptions } from './worker.js';

export interface StreamLane {
  worker: StreamLaneWorker;
  api: OutboxApi;
}

/** Who hears of the lane's results, after each turn's commit (built before the lane: app.ts). */
export interface StreamLaneListeners {
  /** Each event Stream took (metrics). */
  onSent: NonNullable<StreamLaneDeps['onSent']>;
  /** An attempt at the store's status event was recorded (store/store-controls.ts). */
  onStoreStatusDelivery: () => void;
}

export function createStreamLane(
  ctx: CoreContext,
  listeners: StreamLaneListeners,
  options: Partial<StreamLaneOptions> = {},
): StreamLane {
  const { db, clock, log, config, bus } = ctx;
  // Nothing is sent from a request handler: writers poke the worker, which sends after commit.
  const worker = new StreamLaneWorker(
    {
      db,
      clock,
      log,
      stream: config.stream,
      bus,
      // Every card, and the store screen, shows whether Stream has its events: tell the screens
      // when one moves.
      onDelivery: (key) => {
        if (key === STORE_STATUS_KEY) return listeners.onStoreStatusDelivery();
        const summary = ctx.orders.summary(key);
        if (summary) bus.publish('order.delivery', summary);
      },
      onSent: listeners.onSent,
    },
    options,
  );
  ctx.outbox.onEnqueued((lane) => {
    if (lane === 'stream') worker.poke();
  });
  const api = new OutboxApi({ repository: worker.repository, clock, poke: () => worker.poke() });
  return { worker, api };
}
