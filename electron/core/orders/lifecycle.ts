// What happens to an order after the decision: staff (or the POS / KDS) move it forward, and
// Stream tells us about delivery, drivers and cancels. Each change is one transaction with its
// timeline entry and, when Stream must hear of it, its outbox row.
import {
  OPEN_STATUSES,
  STATUS_STEPS,
  staffStatusFits,
  type OrderStatus,
  type StaffStatus,
} from '../../../shared/domain.js';
import type { Driver, OrderDetail } from '../../../shared/order.js';
import type { Actor, CoreContext } from '../context.js';
import type { OrderRow } from './rows.js';
import { ApiError, notFound } from '../util/errors.js';
import { OutboxQueries } from '../outbox/queries.js';
import {
  orderCanceled,
  orderStatusUpdated,
  storeUnreachableAnswer,
  STREAM_STATUS_EFFECT,
  type OrderCanceledObject,
  type OrderUpdatedObject,
  type OutgoingEvent,
} from '../stream/protocol/index.js';

/** What the timeline, the cancel alert and the log say about a withdrawn order. */
export const WITHDRAWN_TEXT =
  'Stream failed this order because the store did not answer in time — the customer was told it was not accepted';

/** Why a withdrawn order's messages to Stream were closed unsent (the outbox row's last error). */
export const WITHDRAWN_EVENT_TEXT =
  'not sent: Stream had already failed this order (pos_offline, the store did not answer in time), so it cannot take this message';

/** What became of a withdrawal the chain gateway sent (relay/wire.ts WithdrawalAck). */
export type WithdrawalOutcome = 'withdrawn' | 'already' | 'not_here';

/** Given once, at construction (app.ts). */
export interface LifecycleCollaborators {
  /** Inside each cancel's transaction: the POS leg voids the order (electron/core/pos). */
  afterCancel(id: string, now: number, reason: string): void;
  /** After the commit of a cancel that came before anyone answered (orders/missed.ts). */
  onMissed(id: string): void;
}

export class OrderLifecycle {
  private readonly outbox: OutboxQueries;

  constructor(
    private readonly ctx: CoreContext,
    private readonly collaborators: LifecycleCollaborators,
  ) {
    this.outbox = new OutboxQueries(ctx.db);
  }

  setStaffStatus(id: string, status: StaffStatus, actor: Actor): OrderDetail {
    const { ctx } = this;
    const row = ctx.orders.get(id);
    if (!row) throw notFound('order', id);
    if (row.status === status) return ctx.orders.detail(id)!; // a repeated tap changes nothing
    if (!staffStatusFits(status, row.fulfillment_type))
      throw new ApiError(
        409,
        'status_not_for_fulfillment',
        `out_for_delivery is only for delivery orders; this order is ${row.fulfillment_type.replace(/_/g, ' ')}`,
        'status',
      );
    const from = (Object.keys(STATUS_STEPS) as (keyof typeof STATUS_STEPS)[]).filter((s) =>
      STATUS_STEPS[s].includes(status),
    );
    if (!from.includes(row.status))
      throw new ApiError(
        409,
        'invalid_transition',
        `an order that is ${row.status} cannot become ${status}`,
        'status',
      );
    const event = orderStatusUpdated(ctx.config.stream.eventShape, id, row.location_id, status);
    this.staffMove(row, status, actor, null, event);
    this.announce(id);
    return ctx.orders.detail(id)!;
  }

  /** A1 `order.updated`: Stream's status, delivery status and driver. Unknown values are kept. */
  applyStreamUpdate(update: OrderUpdatedObject): OrderDetail {
    const { ctx } = this;
    const row = ctx.orders.get(update.order_id);
    if (!row) throw notFound('order', update.order_id);
    const now = ctx.clock.now();
    const driver = update.driver_details ? toDriver(update.driver_details) : undefined;
    const effect = update.status ? STREAM_STATUS_EFFECT[update.status] : undefined;
    let canceled = false;
    ctx.db.transaction(() => {
      const set: Parameters<typeof ctx.orders.update>[1] = { updated_at: now };
      if (update.status) set.stream_status = update.status;
      if (update.delivery_status) set.delivery_status = update.delivery_status;
      if (driver) set.driver = JSON.stringify(driver);
      ctx.orders.update(row.id, set);
      const parts = [
        update.status && `status ${update.status}`,
        update.delivery_status && `delivery ${update.delivery_status}`,
        driver?.name && `driver ${driver.name}`,
      ].filter(Boolean);
      ctx.orders.addTimeline(row.id, now, 'stream.updated', 'stream', parts.join(', ') || null);
      if (effect === 'canceled')
        canceled = this.cancelInTx(row.id, now, 'stream', `Stream: ${update.status}`);
      if (
        effect === 'completed' &&
        OPEN_STATUSES.includes(row.status) &&
        row.status !== 'pending'
      ) {
        ctx.orders.transition(row.id, [row.status], { status: 'completed', updated_at: now });
        ctx.orders.addTimeline(row.id, now, 'completed', 'stream', null);
      }
    })();
    this.announce(row.id, canceled ? 'stream' : undefined);
    if (canceled && row.status === 'pending') this.collaborators.onMissed(row.id);
    return ctx.orders.detail(row.id)!;
  }

  /** A1 `order.canceled`: from any open state; staff get a distinct alert. */
  applyStreamCancel(cancel: OrderCanceledObject): OrderDetail {
    const { ctx } = this;
    const row = ctx.orders.get(cancel.provider_id);
    if (!row) throw notFound('order', cancel.provider_id);
    const now = ctx.clock.now();
    const canceled = ctx.db.transaction(() => {
      const won = this.cancelInTx(row.id, now, 'stream', streamCancelText(cancel));
      // A cancel for an order already closed changes nothing, but the timeline still shows it.
      if (!won)
        ctx.orders.addTimeline(
          row.id,
          now,
          'stream.canceled',
          'stream',
          `no effect: the order was ${row.status}`,
        );
      return won;
    })();
    this.announce(row.id, canceled ? 'stream' : undefined, {
      cancelSource: cancel.cancel_source ?? null,
      cancelReason: (cancel.cancel_reason ?? cancel.reason) || null,
    });
    if (canceled && row.status === 'pending') this.collaborators.onMissed(row.id);
    return ctx.orders.detail(row.id)!;
  }

  /**
   * The chain gateway told Stream `pos_offline` for this order (its store did not answer in
   * time), yet the order reached us: withdraw it. It leaves the board and the POS (a pending one
   * is missed, shown until seen; one already accepted gets the cancel alert), the timeline says
   * why, and its stored answer becomes the gateway's, so a retry from Stream hears `pos_offline`
   * too. Nothing goes to Stream: it has already failed the order, so the order's messages it
   * does not have yet (an accept given meanwhile) are closed as withdrawn, with the reason, not
   * retried for ever (README assumption 23). Idempotent.
   */
  withdrawUnanswered(idempotencyKey: string): WithdrawalOutcome {
    const { ctx } = this;
    const found = ctx.orders.findByKey(idempotencyKey);
    if (!found) return 'not_here';
    const refusal = storeUnreachableAnswer();
    const refusalBody = JSON.stringify(refusal.body);
    // Already refused (by our own checks, or withdrawn before): Stream and we agree.
    if (found.answer_status >= 400) return 'already';
    const row = ctx.orders.get(found.id)!;
    const now = ctx.clock.now();
    let closed = 0;
    const canceled = ctx.db.transaction(() => {
      closed = this.outbox.withdrawStreamEvents(row.id, WITHDRAWN_EVENT_TEXT);
      ctx.orders.update(row.id, {
        answer_status: refusal.status,
        answer_body: refusalBody,
        updated_at: now,
      });
      const won = ctx.orders.transition(row.id, OPEN_STATUSES, {
        status: 'canceled',
        updated_at: now,
      });
      ctx.orders.addTimeline(
        row.id,
        now,
        'withdrawn',
        'relay',
        won ? WITHDRAWN_TEXT : `${WITHDRAWN_TEXT} (no effect here: the order was ${row.status})`,
      );
      // The manager reading the order later sees which answers Stream never got, and why.
      if (closed > 0)
        ctx.orders.addTimeline(
          row.id,
          now,
          'stream.withdrawn',
          'relay',
          `${closed} answer${closed === 1 ? '' : 's'} to Stream ${WITHDRAWN_EVENT_TEXT}`,
        );
      if (won) {
        if (row.status === 'pending') ctx.orders.markMissed(row.id, now, 'store_unreachable', null);
        this.collaborators.afterCancel(row.id, now, WITHDRAWN_TEXT);
      }
      return won;
    })();
    ctx.log.warn('order withdrawn: the gateway told Stream pos_offline', {
      orderId: row.id,
      was: row.status,
      unsentStreamEventsClosed: closed,
    });
    this.announce(row.id, canceled ? 'relay' : undefined, {
      cancelSource: null,
      cancelReason: WITHDRAWN_TEXT,
    });
    if (canceled && row.status === 'pending') this.collaborators.onMissed(row.id);
    return 'withdrawn';
  }

  /** Staff cancel an accepted order: Stream is told with `order.canceled` and the reason (A4),
   * and every terminal gets the cancel alert. A pending order is rejected instead. */
  cancelByStaff(id: string, reason: string, actor: Actor): OrderDetail {
    const { ctx } = this;
    const row = ctx.orders.get(id);
    if (!row) throw notFound('order', id);
    if (row.status === 'canceled') return ctx.orders.detail(id)!; // a repeated tap changes nothing
    if (row.status === 'pending')
      throw new ApiError(
        409,
        'invalid_transition',
        'a pending order is rejected, not canceled',
        'status',
      );
    if (!OPEN_STATUSES.includes(row.status))
      throw new ApiError(
        409,
        'invalid_transition',
        `an order that is ${row.status} cannot be canceled`,
        'status',
      );
    const event = orderCanceled(ctx.config.stream.eventShape, id, row.location_id, reason);
    this.staffMove(row, 'canceled', actor, reason, event, (now) =>
      this.collaborators.afterCancel(id, now, reason),
    );
    this.announce(id, actor, { cancelSource: null, cancelReason: reason });
    return ctx.orders.detail(id)!;
  }

  /** One staff move: the status change, its timeline entry, anything else that must land with
   * it, and the event for Stream, in one transaction; 409 if the order moved meanwhile. */
  private staffMove(
    row: OrderRow,
    to: OrderStatus,
    actor: Actor,
    note: string | null,
    event: OutgoingEvent,
    alsoInTx?: (now: number) => void,
  ): void {
    const { ctx } = this;
    const now = ctx.clock.now();
    const won = ctx.db.transaction(() => {
      if (!ctx.orders.transition(row.id, [row.status], { status: to, updated_at: now }))
        return false;
      ctx.orders.addTimeline(row.id, now, to, actor, note);
      alsoInTx?.(now);
      ctx.outbox.enqueue({ id: ctx.ids('evt'), lane: 'stream', orderingKey: row.id, event, now });
      return true;
    })();
    if (!won)
      throw new ApiError(
        409,
        'concurrent_change',
        'the order changed while this request ran; reload it',
      );
  }

  private cancelInTx(id: string, now: number, actor: Actor, reason: string): boolean {
    const wasPending = this.ctx.orders.get(id)?.status === 'pending';
    const won = this.ctx.orders.transition(id, OPEN_STATUSES, {
      status: 'canceled',
      updated_at: now,
    });
    if (won) {
      this.ctx.orders.addTimeline(id, now, 'canceled', actor, reason);
      // Stream gave up on it before anyone answered: a missed order, shown until seen.
      if (wasPending) this.ctx.orders.markMissed(id, now, 'stream_canceled', reason);
      this.collaborators.afterCancel(id, now, reason);
    }
    return won;
  }

  private announce(
    id: string,
    canceledBy?: string,
    why: { cancelSource: string | null; cancelReason: string | null } = {
      cancelSource: null,
      cancelReason: null,
    },
  ): void {
    const summary = this.ctx.orders.summary(id);
    if (!summary) return;
    this.ctx.bus.publish('order.updated', summary);
    if (canceledBy) this.ctx.bus.publish('order.canceled', { ...summary, canceledBy, ...why });
  }
}

function toDriver(d: NonNullable<OrderUpdatedObject['driver_details']>): Driver {
  const phone = typeof d.phone === 'string' ? d.phone : (d.phone?.number ?? null);
  const phoneCode = typeof d.phone === 'string' ? null : (d.phone?.code ?? null);
  const v = d.vehicle_info;
  const vehicle = v
    ? [v.color, v.make, v.model, v.license_plate && `(${v.license_plate})`]
        .filter(Boolean)
        .join(' ')
    : null;
  return {
    name: d.name ?? null,
    phone: phone || null,
    phoneCode: phoneCode || null,
    vehicle: vehicle || null,
    source: d.source ?? null,
  };
}

/** What a cancel from Stream says on the timeline, the alert and the slip: who and why. */
export function streamCancelText(cancel: OrderCanceledObject): string {
  const who = cancel.cancel_source?.trim();
  const why = (cancel.cancel_reason ?? cancel.reason)?.trim();
  const by = who ? `Canceled by ${who.replace(/_/g, ' ')}` : 'Canceled by Stream';
  return why ? `${by}: ${why}` : by;
}
