// Order history for managers: search over every order kept (a year is about 100,000 at a busy
// store), keyset-paged newest first; daily totals per source in the store's time zone; the same
// search as a CSV file.
import type { z } from 'zod';
import type { DayTotals, HistoryQuery, TotalsQuery } from '../../../shared/history.js';
import type { FileDownload } from '../../../shared/manager.js';
import type { OrderSummary } from '../../../shared/order.js';
import type { Db } from '../db/connection.js';
import { toCsv } from '../manager/csv.js';
import { SearchIndex } from './search-index.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../orders/rows.js';
import {
  addDays,
  instantAt,
  isoDate,
  localDateOf,
  localParts,
  type LocalDate,
} from '../../../shared/store-clock.js';
import { ApiError } from '../util/errors.js';

type Query = z.output<typeof HistoryQuery>;
type Filter = Omit<Query, 'before' | 'limit'>;

const TAKEN = ['accepted', 'preparing', 'ready', 'out_for_delivery', 'completed'];
const MAX_TOTALS_DAYS = 366;
const MAX_EXPORT_ROWS = 200_000;

function parseDay(text: string, field: string): LocalDate {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = { year, month, day };
  if (isoDate(addDays(date, 0)) !== text)
    throw new ApiError(400, 'invalid_request', `${field}: no such day`, field);
  return date;
}

export class OrderHistory {
  private readonly index: SearchIndex;

  constructor(
    private readonly db: Db,
    private readonly timeZone: string,
  ) {
    this.index = new SearchIndex(db);
  }

  /** Where-clause and parameters shared by search and export. */
  private filter(q: Filter): { where: string; params: unknown[] } {
    // Orders taken since the last search go into the index first, so none is missed.
    if (q.q) this.index.catchUp();
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (q.from) {
      clauses.push('received_at >= ?');
      params.push(instantAt(this.timeZone, parseDay(q.from, 'query.from'), 0));
    }
    if (q.to) {
      clauses.push('received_at < ?');
      params.push(instantAt(this.timeZone, addDays(parseDay(q.to, 'query.to'), 1), 0));
    }
    if (q.source) {
      clauses.push('coalesce(source, origin) = ?');
      params.push(q.source);
    }
    if (q.status?.length) {
      clauses.push(`status IN (${q.status.map(() => '?').join(',')})`);
      params.push(...q.status);
    }
    const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
    // Words of three characters or more go to the trigram index as one MATCH of quoted phrases
    // (a phrase of trigrams matches anywhere inside the text); shorter ones can only be scanned.
    const indexed = words.filter((w) => w.length >= 3);
    if (indexed.length) {
      clauses.push('rowid IN (SELECT rowid FROM order_search WHERE order_search MATCH ?)');
      params.push(indexed.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND '));
    }
    for (const word of words.filter((w) => w.length < 3)) {
      clauses.push(`search_text LIKE ? ESCAPE '\\'`);
      params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  search(q: Query): { orders: OrderSummary[]; nextCursor: string | null } {
    const { where, params } = this.filter(q);
    let cursorClause = '';
    if (q.before) {
      const [at, id] = q.before.split(':') as [string, string];
      cursorClause = `${where ? ' AND' : 'WHERE'} (received_at < ? OR (received_at = ? AND id < ?))`;
      params.push(Number(at), Number(at), id);
    }
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM orders ${where}${cursorClause}
         ORDER BY received_at DESC, id DESC LIMIT ?`,
      )
      .all(...params, q.limit + 1) as SummaryRow[];
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      orders: page.map(toSummary),
      nextCursor: rows.length > q.limit && last ? `${last.received_at}:${last.id}` : null,
    };
  }

  totals(range: z.output<typeof TotalsQuery>): { days: DayTotals[] } {
    const first = parseDay(range.from, 'query.from');
    const last = parseDay(range.to, 'query.to');
    const start = instantAt(this.timeZone, first, 0);
    const end = instantAt(this.timeZone, addDays(last, 1), 0);
    if (end <= start)
      throw new ApiError(400, 'invalid_request', 'query.to: before query.from', 'query.to');
    if ((end - start) / 86_400_000 > MAX_TOTALS_DAYS + 1)
      throw new ApiError(
        400,
        'invalid_request',
        `query.to: at most ${MAX_TOTALS_DAYS} days at once`,
        'query.to',
      );
    const rows = this.db
      .prepare(
        `SELECT received_at AS at, coalesce(source, origin) AS source, status, total_cents AS total
         FROM orders WHERE received_at >= ? AND received_at < ?`,
      )
      .all(start, end) as { at: number; source: string; status: string; total: number }[];
    // Local midnights of every day in the range, found once; each order is placed by a binary
    // search instead of a time-zone conversion per row.
    const starts: { at: number; date: string }[] = [];
    for (let d = first; ; d = addDays(d, 1)) {
      const at = instantAt(this.timeZone, d, 0);
      if (at >= end) break;
      starts.push({ at, date: isoDate(d) });
    }
    const dayOf = (at: number): string => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]!.at <= at) lo = mid;
        else hi = mid - 1;
      }
      return starts[lo]!.date;
    };
    const byKey = new Map<string, DayTotals>();
    for (const r of rows) {
      const date = dayOf(r.at);
      const key = `${date}|${r.source}`;
      let day = byKey.get(key);
      if (!day)
        byKey.set(
          key,
          (day = { date, source: r.source, orders: 0, salesCents: 0, canceled: 0, rejected: 0 }),
        );
      if (TAKEN.includes(r.status)) {
        day.orders++;
        day.salesCents += r.total;
      } else if (r.status === 'canceled') day.canceled++;
      else if (r.status === 'rejected' || r.status === 'expired') day.rejected++;
    }
    return {
      days: [...byKey.values()].sort(
        (a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source),
      ),
    };
  }

  /** The days a download holds, on the store's calendar: "2026-12-01", "2026-11-24_2026-12-01",
   * or up to the store's today when no days are picked. */
  private fileDays(q: Filter, now: number): string {
    const today = isoDate(localDateOf(this.timeZone, now));
    const from = q.from ?? null;
    const to = q.to ?? (from ? today : null);
    if (!from) return to ?? today;
    return from === to ? from : `${from}_${to}`;
  }

  exportCsv(q: Filter, now: number): FileDownload {
    const { where, params } = this.filter(q);
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM orders ${where} ORDER BY received_at DESC, id DESC LIMIT ${MAX_EXPORT_ROWS}`,
      )
      .all(...params) as SummaryRow[];
    const local = (at: number): string => {
      const p = localParts(this.timeZone, at);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
    };
    const body = toCsv(
      [
        'received_utc',
        'received_local',
        'order_id',
        'source',
        'order_number',
        'fulfillment',
        'status',
        'customer',
        'items',
        'total',
        'currency',
      ],
      rows.map((r) => [
        new Date(r.received_at).toISOString(),
        local(r.received_at),
        r.id,
        r.source ?? r.origin,
        r.dsp_order_number,
        r.fulfillment_type,
        r.status,
        r.customer_name,
        r.item_count,
        (r.total_cents / 100).toFixed(2),
        r.currency,
      ]),
    );
    return {
      file: {
        name: `orders-${this.fileDays(q, now)}.csv`,
        contentType: 'text/csv; charset=utf-8',
        content: body,
      },
    };
  }
}
