// Missed orders: an order whose staff window ran out, or that Stream canceled before anyone
// answered, stays on the Orders screen (the Missed group) until a person taps "Seen". The expiry
// and the cancel mark the order inside their own transactions (decisions.ts, lifecycle.ts); this
// announces it once committed, and answers the counts the top bar and the pause offer need.
import type { MissedSummary, OrderDetail } from '../../../shared/order.js';
import type { Actor, CoreContext } from '../context.js';
import { nextRollover, type StoreClockSettings } from '../store/durations.js';
import { ApiError, notFound } from '../util/errors.js';

const DAY_MS = 24 * 60 * 60_000;

export class MissedOrders {
  constructor(
    private readonly ctx: CoreContext,
    private readonly clockSettings: StoreClockSettings,
  ) {}

  /** After the commit that marked `id` missed: every screen hears it (a distinct sound, once). */
  announce(id: string): void {
    const order = this.ctx.orders.summary(id);
    if (!order?.missed) return;
    this.ctx.log.warn('order missed', {
      orderId: id,
      reason: order.missed.reason,
      told: order.missed.note,
      source: order.source,
    });
    this.ctx.bus.publish('order.missed', { order, summary: this.summary() });
  }

  markSeen(id: string, actor: Actor): OrderDetail {
    const { ctx } = this;
    const row = ctx.orders.get(id);
    if (!row) throw notFound('order', id);
    const now = ctx.clock.now();
    const won = ctx.db.transaction(() => {
      if (!ctx.orders.markMissedSeen(id, now, actor)) return false;
      ctx.orders.addTimeline(id, now, 'missed.seen', actor, null);
      return true;
    })();
    if (!won && row.missed_at === null)
      throw new ApiError(409, 'not_missed', `order ${id} was not missed`);
    if (won) {
      ctx.log.info('missed order seen', { orderId: id, actor });
      const summary = ctx.orders.summary(id);
      if (summary) ctx.bus.publish('order.updated', summary);
    }
    return ctx.orders.detail(id)!;
  }

  summary(): MissedSummary {
    const { config, clock, orders } = this.ctx;
    const now = clock.now();
    const { missedOfferPauseAfter: offerAfter, missedOfferPauseWithinMinutes: windowMinutes } =
      config.acceptance;
    // The business day began at the last rollover: the next one counted from a day ago.
    const dayStart = nextRollover(this.clockSettings, now - DAY_MS);
    const recent = orders.missedSince(now - windowMinutes * 60_000);
    return {
      today: orders.missedSince(dayStart),
      recent,
      windowMinutes,
      offerAfter,
      offerPause: offerAfter > 0 && recent >= offerAfter,
      unseen: orders.unseenMissed().length,
    };
  }
}
