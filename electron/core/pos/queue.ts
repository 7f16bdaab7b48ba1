// Starting and stopping the POS leg of an order. Every method runs inside the caller's
// transaction (the accept, the cancel, ingest in auto mode, or a staff action), so the order's
// change, its leg and its outbox rows commit together or not at all.
import type { PosOrder, PosTarget } from '../../../shared/pos.js';
import type { Actor, CoreContext } from '../context.js';
import { ApiError, notFound } from '../util/errors.js';
import type { DriverName } from './driver.js';
import { INJECT_KIND, KIND, LANE_OF, type LegRow, type PosLegRepository } from './legs.js';
import { toPosOrder } from './pos-order.js';

/** Where orders go: the POS driver (if any) and the printer (if enabled). */
export interface PosTargets {
  pos: Exclude<DriverName, 'printer'> | null;
  printer: boolean;
}

/** The body of a void / CANCELED slip row. */
export interface VoidBody {
  order: PosOrder;
  reason: string;
  at: number;
}

export class PosQueue {
  constructor(
    private readonly ctx: CoreContext,
    private readonly legs: PosLegRepository,
    private readonly targets: PosTargets,
  ) {}

  configured(): PosTarget[] {
    const list: PosTarget[] = [];
    if (this.targets.pos) list.push('pos');
    if (this.targets.printer) list.push('printer');
    return list;
  }

  /** Queue the order to every target (or `only` one) that does not have it yet. `decides`: the
   * order is auto-accepted once this leg gets there, and its row retries fast (Stream's window). */
  queueOrder(
    orderId: string,
    now: number,
    options: { only?: PosTarget; decides?: boolean } = {},
  ): PosTarget[] {
    const { ctx } = this;
    const row = ctx.orders.get(orderId);
    if (!row) throw notFound('order', orderId);
    const targets = this.configured().filter((t) => !options.only || t === options.only);
    const queued: PosTarget[] = [];
    let body: string | null = null;
    for (const target of targets) {
      const driver = target === 'printer' ? 'printer' : this.targets.pos!;
      if (!this.legs.insert(orderId, target, driver, options.decides === true, now)) continue;
      body ??= JSON.stringify(toPosOrder(row));
      ctx.outbox.enqueue({
        id: ctx.ids('pos'),
        lane: LANE_OF[target],
        orderingKey: orderId,
        event: {
          kind: INJECT_KIND[target],
          urgency: options.decides ? 'decision' : 'normal',
          body,
        },
        now,
      });
      ctx.orders.addTimeline(orderId, now, `${target}.queued`, 'system', `to the ${driver}`);
      queued.push(target);
    }
    return queued;
  }

  /** The order was canceled or rejected: a leg that never left is taken back; one that reached
   * the POS (or may have) gets a void / CANCELED slip, sent after the injection settles. */
  withdraw(orderId: string, reason: string, now: number): void {
    for (const leg of this.legs.forOrder(orderId)) {
      if (leg.decides_acceptance)
        this.legs.update(orderId, leg.target, { decides_acceptance: 0 }, now);
      switch (leg.state) {
        case 'queued': {
          // Waiting, and no attempt can have reached the POS (none made, or each failed before
          // anything was sent): take it back. Otherwise the POS may have it: void it after.
          const row = this.legs.laneRow(LANE_OF[leg.target], orderId, INJECT_KIND[leg.target]);
          const neverArrived = row?.state === 'pending' && leg.uncertain === 0;
          const why = `withdrawn before it reached the ${leg.target}: ${reason}`;
          if (neverArrived && this.legs.drop(row.id, why)) {
            this.legs.update(
              orderId,
              leg.target,
              { state: 'withdrawn', attention_since: null },
              now,
            );
            this.ctx.orders.addTimeline(
              orderId,
              now,
              `${leg.target}.withdrawn`,
              'system',
              'it never got there',
            );
          } else this.queueVoid(leg, reason, now);
          break;
        }
        case 'sent':
          this.queueVoid(leg, reason, now);
          break;
        case 'manual':
          if (leg.target === 'pos' && !leg.void_state) {
            this.legs.update(
              orderId,
              'pos',
              { void_state: 'failed', void_error: 'entered by hand: void it in the POS by hand' },
              now,
            );
            this.ctx.orders.addTimeline(
              orderId,
              now,
              'pos.void_failed',
              'system',
              'entered by hand: void it in the POS by hand',
            );
          }
          break;
        case 'failed':
          // It never got there: nothing to void, and "not in POS" no longer matters.
          this.legs.update(orderId, leg.target, { state: 'withdrawn', attention_since: null }, now);
          break;
        case 'withdrawn':
          break;
      }
    }
  }

  /** Staff: print the kitchen ticket again ("REPRINT"), after any print still on its way. */
  reprint(orderId: string, now: number, actor: Actor): void {
    const { ctx } = this;
    if (!this.targets.printer)
      throw new ApiError(
        409,
        'printer_disabled',
        'no kitchen printer is configured (printer.enabled)',
      );
    const row = ctx.orders.get(orderId);
    if (!row) throw notFound('order', orderId);
    if (['pending', 'rejected', 'expired', 'canceled'].includes(row.status))
      throw new ApiError(
        409,
        'not_printable',
        `a ${row.status} order has no kitchen ticket to reprint`,
      );
    ctx.outbox.enqueue({
      id: ctx.ids('pos'),
      lane: 'printer',
      orderingKey: orderId,
      event: { kind: KIND.reprint, urgency: 'normal', body: JSON.stringify(toPosOrder(row)) },
      now,
    });
    ctx.orders.addTimeline(orderId, now, 'printer.reprint', actor, null);
  }

  private queueVoid(leg: LegRow, reason: string, now: number): void {
    if (leg.void_state) return; // a second cancel changes nothing
    const { ctx } = this;
    const row = ctx.orders.get(leg.order_id)!;
    const body: VoidBody = { order: toPosOrder(row), reason, at: now };
    ctx.outbox.enqueue({
      id: ctx.ids('pos'),
      lane: LANE_OF[leg.target],
      orderingKey: leg.order_id,
      event: {
        kind: leg.target === 'printer' ? KIND.canceledSlip : KIND.void,
        urgency: 'normal',
        body: JSON.stringify(body),
      },
      now,
    });
    this.legs.update(leg.order_id, leg.target, { void_state: 'queued', void_error: null }, now);
    ctx.orders.addTimeline(leg.order_id, now, `${leg.target}.void_queued`, 'system', reason);
  }
}
