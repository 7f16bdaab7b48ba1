// The Stream lane as one unit for the composition root: its worker, woken when a `stream` row is
// written, and the outbox's Local API over the same rows (what waits, what is dead, replay).
import type { CoreContext } from '../../context.js';
import { OutboxApi } from '../../outbox/api.js';
import { StreamLaneWorker, type StreamLaneDeps, type StreamLaneOptions } from './worker.js';

export interface StreamLane {
  worker: StreamLaneWorker;
  api: OutboxApi;
}

export function createStreamLane(
  ctx: CoreContext,
  onSent: NonNullable<StreamLaneDeps['onSent']>,
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
      // Every card shows whether Stream has the order's answer: tell the screens when it moves.
      onDelivery: (key) => {
        const summary = ctx.orders.summary(key);
        if (summary) bus.publish('order.delivery', summary);
      },
      onSent,
    },
    options,
  );
  ctx.outbox.onEnqueued((lane) => {
    if (lane === 'stream') worker.poke();
  });
  const api = new OutboxApi({ repository: worker.repository, clock, poke: () => worker.poke() });
  return { worker, api };
}
