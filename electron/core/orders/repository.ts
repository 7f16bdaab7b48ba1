// Every SQL statement about orders and their timeline. Statements are prepared once; callers
// wrap several calls in `db.transaction` when they must land together.
import type { OrderStatus } from '../../../shared/domain.js';
import type { Delivery } from '../../../shared/delivery.js';
import type { MissedReason, OrderSummary, TimelineEntry } from '../../../shared/order.js';
import type { Db } from '../db/connection.js';
import type { CommittedLogger } from '../util/committed-log.js';
import { STREAM_DELIVERIES_OF_ORDER } from '../outbox/queries.js';
import { BOARD_COLUMNS, toDetail, toSummary, type OrderRow, type SummaryRow } from './rows.js';

export type NewOrderRow = Omit<
  OrderRow,
  | 'stream_status'
  | 'delivery_status'
  | 'driver'
  | 'missed_at'
  | 'missed_reason'
  | 'missed_note'
  | 'missed_seen_at'
  | 'missed_seen_by'
>;

export class OrderRepository {
  private readonly stmts;

  constructor(
    private readonly db: Db,
    /** A log line for every committed timeline entry (app.ts gives it): decisions, status
     * changes, cancels, POS and printer results, each with the order id and who. */
    private readonly logTimeline: CommittedLogger | null = null,
  ) {
    this.stmts = {
      insert:
        db.prepare(`INSERT INTO orders (id, idempotency_key, body_sha256, raw_body, payload_generation, origin,
          source, brand, dsp_order_id, dsp_order_number, location_id, fulfillment_type, status, is_future,
          requested_for, unpaid, customer_name, item_count, total_cents, currency, normalized, prep_time_minutes,
          received_at, staff_deadline_at, stream_deadline_at, decided_at, decided_by, reject_code, reject_reason,
          answer_status, answer_body, updated_at, search_text)
        VALUES (@id, @idempotency_key, @body_sha256, @raw_body, @payload_generation, @origin, @source, @brand,
          @dsp_order_id, @dsp_order_number, @location_id, @fulfillment_type, @status, @is_future, @requested_for,
          @unpaid, @customer_name, @item_count, @total_cents, @currency, @normalized, @prep_time_minutes,
          @received_at, @staff_deadline_at, @stream_deadline_at, @decided_at, @decided_by, @reject_code,
          @reject_reason, @answer_status, @answer_body, @updated_at, @search_text)`),
      byKey: db.prepare(
        `SELECT id, body_sha256, answer_status, answer_body FROM orders WHERE idempotency_key = ?`,
      ),
      byId: db.prepare(`SELECT * FROM orders WHERE id = ?`),
      detailById: db.prepare(`SELECT *, ${BOARD_COLUMNS} FROM orders WHERE id = ?`),
      deliveries: db.prepare(STREAM_DELIVERIES_OF_ORDER),
      markMissed:
        db.prepare(`UPDATE orders SET missed_at = @at, missed_reason = @reason, missed_note = @note
          WHERE id = @id AND missed_at IS NULL`),
      markMissedSeen:
        db.prepare(`UPDATE orders SET missed_seen_at = @at, missed_seen_by = @by, updated_at = @at
          WHERE id = @id AND missed_at IS NOT NULL AND missed_seen_at IS NULL`),
      unseenMissed: db.prepare(`SELECT ${BOARD_COLUMNS} FROM orders
          WHERE missed_at IS NOT NULL AND missed_seen_at IS NULL ORDER BY missed_at DESC LIMIT 200`),
      missedSince: db.prepare(`SELECT COUNT(*) AS n FROM orders WHERE missed_at >= ?`),
      summaryById: db.prepare(`SELECT ${BOARD_COLUMNS} FROM orders WHERE id = ?`),
      timeline: db.prepare(
        `SELECT at, kind, actor, detail FROM order_timeline WHERE order_id = ? ORDER BY id`,
      ),
      addTimeline: db.prepare(
        `INSERT INTO order_timeline (order_id, at, kind, actor, detail) VALUES (?, ?, ?, ?, ?)`,
      ),
      listRecent: db.prepare(
        `SELECT ${BOARD_COLUMNS} FROM orders ORDER BY received_at DESC, id DESC LIMIT ?`,
      ),
      countByStatus: db.prepare(`SELECT status, COUNT(*) AS n FROM orders WHERE status IN
          ('pending','accepted','preparing','ready','out_for_delivery') GROUP BY status`),
      duePending:
        db.prepare(`SELECT id FROM orders WHERE status = 'pending' AND staff_deadline_at <= ?
          ORDER BY staff_deadline_at`),
      nextDeadline: db.prepare(
        `SELECT MIN(staff_deadline_at) AS at FROM orders WHERE status = 'pending'`,
      ),
    };
  }

  insert(row: NewOrderRow): void {
    this.stmts.insert.run({ ...row, search_text: searchTextOf(row) });
  }

  findByKey(
    key: string,
  ): Pick<OrderRow, 'id' | 'body_sha256' | 'answer_status' | 'answer_body'> | undefined {
    return this.stmts.byKey.get(key) as ReturnType<OrderRepository['findByKey']>;
  }

  get(id: string): OrderRow | undefined {
    return this.stmts.byId.get(id) as OrderRow | undefined;
  }

  summary(id: string): OrderSummary | undefined {
    const row = this.stmts.summaryById.get(id) as SummaryRow | undefined;
    return row && toSummary(row);
  }

  detail(id: string) {
    const row = this.stmts.detailById.get(id) as (OrderRow & SummaryRow) | undefined;
    if (!row) return undefined;
    const deliveries = (this.stmts.deliveries.all(id) as { d: string }[]).map(
      (r) => JSON.parse(r.d) as Delivery,
    );
    return toDetail(row, this.stmts.timeline.all(id) as TimelineEntry[], deliveries);
  }

  /** The order is missed (inside the expiry's or the cancel's transaction); once only. */
  markMissed(id: string, at: number, reason: MissedReason, note: string | null): boolean {
    return this.stmts.markMissed.run({ id, at, reason, note }).changes === 1;
  }

  /** A person has seen the missed order; false when it is not missed or was seen already. */
  markMissedSeen(id: string, at: number, by: string): boolean {
    return this.stmts.markMissedSeen.run({ id, at, by }).changes === 1;
  }

  /** Missed orders nobody has seen yet, newest first. */
  unseenMissed(): OrderSummary[] {
    return (this.stmts.unseenMissed.all() as SummaryRow[]).map(toSummary);
  }

  missedSince(at: number): number {
    return (this.stmts.missedSince.get(at) as { n: number }).n;
  }

  list(statuses: readonly OrderStatus[] | undefined, limit: number): OrderSummary[] {
    if (!statuses?.length) return (this.stmts.listRecent.all(limit) as SummaryRow[]).map(toSummary);
    const marks = statuses.map(() => '?').join(',');
    const rows = this.db
      .prepare(
        `SELECT ${BOARD_COLUMNS} FROM orders WHERE status IN (${marks}) ORDER BY received_at DESC, id DESC LIMIT ?`,
      )
      .all(...statuses, limit) as SummaryRow[];
    return rows.map(toSummary);
  }

  addTimeline(
    orderId: string,
    at: number,
    kind: string,
    actor: string,
    detail: string | null = null,
  ): void {
    const { lastInsertRowid } = this.stmts.addTimeline.run(orderId, at, kind, actor, detail);
    this.logTimeline?.(lastInsertRowid, timelineLevel(kind), `order ${kind}`, {
      orderId,
      by: actor,
      ...(detail ? { detail } : {}),
    });
  }

  /** Apply `set` only while the order is in one of `from`; false when it had already moved on. */
  transition(
    id: string,
    from: readonly OrderStatus[],
    set: Partial<OrderRow> & { status: OrderStatus; updated_at: number },
    extraWhere = '',
  ): boolean {
    const cols = Object.keys(set);
    const marks = from.map(() => '?').join(',');
    const sql = `UPDATE orders SET ${cols.map((c) => `${c} = @${c}`).join(', ')}
      WHERE id = @__id AND status IN (${marks}) ${extraWhere}`;
    const params: Record<string, unknown> = { ...set, __id: id };
    return this.db.prepare(sql).run(...from, params).changes === 1;
  }

  update(id: string, set: Partial<OrderRow> & { updated_at: number }): void {
    const cols = Object.keys(set);
    this.db
      .prepare(`UPDATE orders SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`)
      .run({ ...set, __id: id });
  }

  openCounts(): { pending: number; open: number } {
    const rows = this.stmts.countByStatus.all() as { status: OrderStatus; n: number }[];
    const pending = rows.find((r) => r.status === 'pending')?.n ?? 0;
    return { pending, open: rows.reduce((s, r) => s + r.n, 0) };
  }

  duePending(now: number): string[] {
    return (this.stmts.duePending.all(now) as { id: string }[]).map((r) => r.id);
  }

  nextDeadline(): number | null {
    return (this.stmts.nextDeadline.get() as { at: number | null }).at;
  }
}

/** Lost orders and failures stand out in the log; the rest of an order's life is info. */
function timelineLevel(kind: string): 'info' | 'warn' {
  return /expired|canceled|withdrawn|failed|attention|not_in_pos/.test(kind) ? 'warn' : 'info';
}

/** What history search matches: the words a cashier would type to find an order. */
export function searchTextOf(
  row: Pick<NewOrderRow, 'id' | 'dsp_order_number' | 'customer_name' | 'normalized'>,
): string {
  const names: string[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        if (k === 'name' && typeof v === 'string') names.push(v);
        else if (typeof v === 'object') collect(v);
      }
  };
  collect(JSON.parse(row.normalized));
  return [row.dsp_order_number, row.customer_name, row.id, ...names]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}
