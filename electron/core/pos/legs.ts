// Every SQL statement about the POS leg of an order (table `pos_legs`, migration 0005); what a leg
// needs of its lane's outbox rows it asks outbox/queries.ts. Callers run these inside their own
// transactions; nothing here commits on its own.
import type { PosLeg, PosTarget } from '../../../shared/pos.js';
import type { Db } from '../db/connection.js';
import type { Lane } from '../outbox/enqueue.js';
import { OutboxQueries, SENDING_ORDER_KEYS, type OutboxEventRow } from '../outbox/queries.js';

export interface LegRow {
  order_id: string;
  target: PosTarget;
  driver: string;
  state: PosLeg['state'];
  decides_acceptance: number;
  pos_order_id: string | null;
  queued_at: number;
  sent_at: number | null;
  failures: number;
  last_error: string | null;
  last_attempt_at: number | null;
  attention_since: number | null;
  uncertain: number;
  void_state: PosLeg['voidState'];
  void_error: string | null;
  voided_at: number | null;
  manual_by: string | null;
  updated_at: number;
  revision: number;
  dsp_order_number: string | null;
}

/** The outbox lane each target's messages travel on. */
export const LANE_OF: Record<PosTarget, Lane> = { pos: 'pos', printer: 'printer' };

/** Outbox row kinds of the two lanes. */
export const KIND = {
  inject: 'pos.inject',
  void: 'pos.void',
  ticket: 'printer.ticket',
  reprint: 'printer.reprint',
  canceledSlip: 'printer.canceled',
} as const;

/** The kind that puts an order into each target. */
export const INJECT_KIND: Record<PosTarget, string> = { pos: KIND.inject, printer: KIND.ticket };

export type LaneRowState = Pick<OutboxEventRow, 'id' | 'state' | 'attempts'>;

const LEG_COLUMNS = `l.*, o.dsp_order_number`;

export class PosLegRepository {
  private readonly stmts;
  private readonly outbox: OutboxQueries;

  constructor(private readonly db: Db) {
    this.outbox = new OutboxQueries(db);
    this.stmts = {
      insert:
        db.prepare(`INSERT OR IGNORE INTO pos_legs (order_id, target, driver, state, decides_acceptance,
          queued_at, updated_at) VALUES (@orderId, @target, @driver, 'queued', @decides, @now, @now)`),
      get: db.prepare(`SELECT ${LEG_COLUMNS} FROM pos_legs l JOIN orders o ON o.id = l.order_id
          WHERE l.order_id = ? AND l.target = ?`),
      forOrder: db.prepare(`SELECT ${LEG_COLUMNS} FROM pos_legs l JOIN orders o ON o.id = l.order_id
          WHERE l.order_id = ? ORDER BY l.target`),
      attention:
        db.prepare(`SELECT ${LEG_COLUMNS} FROM pos_legs l JOIN orders o ON o.id = l.order_id
          WHERE (l.attention_since IS NOT NULL AND l.state IN ('queued', 'failed')) OR l.void_state = 'failed'
          ORDER BY COALESCE(l.attention_since, l.voided_at, l.updated_at) LIMIT ?`),
      counts: db.prepare(`SELECT
          SUM(state = 'queued') AS queued,
          SUM(attention_since IS NOT NULL AND state IN ('queued', 'failed')) AS not_in_pos,
          SUM(void_state = 'failed') AS voids_failed
        FROM pos_legs`),
      decidesFor: db.prepare(
        `SELECT target FROM pos_legs WHERE order_id = ? AND decides_acceptance = 1`,
      ),
      undecided: db.prepare(`SELECT l.order_id, l.target, l.state, l.last_error FROM pos_legs l
          JOIN orders o ON o.id = l.order_id
          WHERE l.decides_acceptance = 1 AND l.state IN ('sent', 'failed', 'manual') AND o.status = 'pending'`),
      nextFlagDue: db.prepare(`SELECT MIN(queued_at) AS at FROM pos_legs
          WHERE state = 'queued' AND attention_since IS NULL`),
      flagDue:
        db.prepare(`UPDATE pos_legs SET attention_since = @now, updated_at = @now, revision = revision + 1
          WHERE state = 'queued' AND attention_since IS NULL AND queued_at <= @before
          RETURNING order_id, target`),
      interrupted:
        db.prepare(`UPDATE pos_legs SET uncertain = 1, updated_at = @now, revision = revision + 1
          WHERE target = @target AND order_id IN (${SENDING_ORDER_KEYS})`),
    };
  }

  /** A new leg in `queued`; false when the order already has one for this target. */
  insert(
    orderId: string,
    target: PosTarget,
    driver: string,
    decides: boolean,
    now: number,
  ): boolean {
    return (
      this.stmts.insert.run({ orderId, target, driver, decides: decides ? 1 : 0, now }).changes ===
      1
    );
  }

  get(orderId: string, target: PosTarget): LegRow | undefined {
    return this.stmts.get.get(orderId, target) as LegRow | undefined;
  }

  forOrder(orderId: string): LegRow[] {
    return this.stmts.forOrder.all(orderId) as LegRow[];
  }

  needingAttention(limit = 200): LegRow[] {
    return this.stmts.attention.all(limit) as LegRow[];
  }

  counts(): { queued: number; notInPos: number; voidsFailed: number } {
    const r = this.stmts.counts.get() as {
      queued: number | null;
      not_in_pos: number | null;
      voids_failed: number | null;
    };
    return { queued: r.queued ?? 0, notInPos: r.not_in_pos ?? 0, voidsFailed: r.voids_failed ?? 0 };
  }

  /** The target whose outcome accepts or rejects this (auto-accepted) order, if any. */
  decidingTarget(orderId: string): PosTarget | null {
    return (
      (this.stmts.decidesFor.get(orderId) as { target: PosTarget } | undefined)?.target ?? null
    );
  }

  /** Deciding legs that got an outcome while their order is still pending: a stop or crash fell
   * between the two transactions. */
  undecided(): { order_id: string; target: PosTarget; state: string; last_error: string | null }[] {
    return this.stmts.undecided.all() as ReturnType<PosLegRepository['undecided']>;
  }

  /** Set columns of one leg (always stamps `updated_at`). */
  update(
    orderId: string,
    target: PosTarget,
    set: Partial<Omit<LegRow, 'order_id' | 'target' | 'dsp_order_number' | 'revision'>>,
    now: number,
  ): void {
    const cols = Object.keys(set);
    this.db
      .prepare(
        `UPDATE pos_legs SET ${[...cols.map((c) => `${c} = @${c}`), 'updated_at = @__now', 'revision = revision + 1'].join(', ')}
         WHERE order_id = @__order AND target = @__target`,
      )
      .run({ ...set, __now: now, __order: orderId, __target: target });
  }

  /** When the oldest unflagged queued leg was queued (the flag timer arms from it). */
  oldestUnflagged(): number | null {
    return (this.stmts.nextFlagDue.get() as { at: number | null }).at;
  }

  /** Flag every queued leg waiting since before `before`; returns the flagged legs. */
  flagWaitingSince(before: number, now: number): { order_id: string; target: PosTarget }[] {
    return this.stmts.flagDue.all({ before, now }) as { order_id: string; target: PosTarget }[];
  }

  /** The newest outbox row of this kind for the order on that lane. */
  laneRow(lane: Lane, orderId: string, kind: string): LaneRowState | undefined {
    return this.outbox.newestOf(lane, orderId, kind);
  }

  /** A crash or stop cut these injections short: each may have reached the POS (a ticket may be
   * on the rail). Run before the interrupted rows are recovered. */
  markInterruptedUncertain(target: PosTarget, now: number): number {
    return this.stmts.interrupted.run({
      target,
      lane: LANE_OF[target],
      kind: INJECT_KIND[target],
      now,
    }).changes;
  }

  /** Take a waiting row out of delivery (it stays in the outbox, `dead` with the reason). */
  drop(rowId: string, why: string): boolean {
    return this.outbox.dropPending(rowId, why);
  }
}

export function toPosLeg(row: LegRow): PosLeg {
  return {
    orderId: row.order_id,
    dspOrderNumber: row.dsp_order_number,
    target: row.target,
    driver: row.driver,
    state: row.state,
    posOrderId: row.pos_order_id,
    queuedAt: row.queued_at,
    sentAt: row.sent_at,
    failures: row.failures,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    notInPos: row.attention_since !== null && (row.state === 'queued' || row.state === 'failed'),
    attentionSince: row.attention_since,
    voidState: row.void_state,
    voidError: row.void_error,
    voidedAt: row.voided_at,
    manualBy: row.manual_by,
    revision: row.revision,
  };
}
