// The audit log: who did what, when and why. Manager actions, PIN refusals and automatic restores
// are written to `audit_log` by the service that did them, inside the same transaction as the
// change; order decisions and cancels are read from the order timeline, which is written in the
// decision's own transaction, so the two never disagree and nothing is stored twice.
import type { AuditEntry, FileDownload } from '../../../shared/manager.js';
import type { CommittedLogger } from '../util/committed-log.js';
import type { Db } from '../db/connection.js';
import { localParts } from '../../../shared/store-clock.js';
import { toCsv } from './csv.js';

export interface AuditRecord {
  at: number;
  actor: string;
  action: string;
  target?: string | null | undefined;
  reason?: string | null | undefined;
  detail?: string | null | undefined;
  /** True when the manager PIN authorized the action. */
  managerPin?: boolean | undefined;
}

export interface AuditRange {
  from?: number | undefined;
  to?: number | undefined;
  limit: number;
}

interface EntryRow {
  source: 'audit' | 'order';
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  reason: string | null;
  detail: string | null;
  manager_pin: number;
}

/** Both sources as one list of entries. */
const AUDIT_ENTRIES = `
  SELECT 'audit' AS source, id, at, actor, action, target, reason, detail, manager_pin FROM audit_log
  UNION ALL
  SELECT 'order' AS source, id, at, actor, 'order.' || kind AS action, order_id AS target,
         CASE WHEN kind = 'accepted' THEN NULL ELSE detail END AS reason,
         CASE WHEN kind = 'accepted' THEN detail ELSE NULL END AS detail,
         0 AS manager_pin
    FROM order_timeline WHERE kind IN ('accepted', 'rejected', 'expired', 'canceled')`;

export const AUDIT_CSV_COLUMNS = [
  'at_utc',
  'at_local',
  'actor',
  'action',
  'target',
  'reason',
  'detail',
  'manager_pin',
] as const;

export class AuditLog {
  private readonly insert;
  private readonly select;

  constructor(
    db: Db,
    private readonly timeZone: string,
    /** A log line for every committed entry (app.ts gives it): pause, resume, busy, 86, PIN
     * failures and lockouts, settings, and every manager call (`managerPin: true`). */
    private readonly logEntry: CommittedLogger | null = null,
  ) {
    this.insert =
      db.prepare(`INSERT INTO audit_log (at, actor, action, target, reason, detail, manager_pin)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    // Oldest first, as an auditor reads it; the limit keeps the newest `limit` entries of the range.
    this.select = db.prepare(`SELECT * FROM (
        SELECT * FROM (${AUDIT_ENTRIES}) WHERE at >= @from AND at < @to
        ORDER BY at DESC, source DESC, id DESC LIMIT @limit
      ) ORDER BY at, source DESC, id`);
  }

  /** Call inside the transaction of the change being recorded. */
  record(r: AuditRecord): void {
    const { lastInsertRowid } = this.insert.run(
      r.at,
      r.actor,
      r.action,
      r.target ?? null,
      r.reason ?? null,
      r.detail ?? null,
      r.managerPin ? 1 : 0,
    );
    this.logEntry?.(
      lastInsertRowid,
      /refused|locked|wrong/.test(r.action) ? 'warn' : 'info',
      r.action,
      {
        by: r.actor,
        ...(r.target ? { target: r.target } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.detail ? { detail: r.detail } : {}),
        managerPin: !!r.managerPin,
      },
    );
  }

  list(range: AuditRange): AuditEntry[] {
    const rows = this.select.all({
      from: range.from ?? 0,
      to: range.to ?? Number.MAX_SAFE_INTEGER,
      limit: range.limit,
    }) as EntryRow[];
    return rows.map((r) => ({
      id: `${r.source}:${r.id}`,
      at: r.at,
      actor: r.actor,
      action: r.action,
      target: r.target,
      reason: r.reason,
      detail: r.detail,
      managerPin: r.manager_pin === 1,
    }));
  }

  /** The entries as a CSV file: UTC and store-local time side by side. */
  exportCsv(range: AuditRange, now: number): FileDownload {
    const entries = this.list(range);
    const rows = entries.map((e) => [
      new Date(e.at).toISOString(),
      this.localStamp(e.at),
      e.actor,
      e.action,
      e.target,
      e.reason,
      e.detail,
      e.managerPin ? 'yes' : 'no',
    ]);
    const day = new Date(now).toISOString().slice(0, 10);
    return {
      file: {
        name: `audit-${day}.csv`,
        contentType: 'text/csv; charset=utf-8',
        content: toCsv(AUDIT_CSV_COLUMNS, rows),
      },
    };
  }

  private localStamp(at: number): string {
    const p = localParts(this.timeZone, at);
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  }
}
