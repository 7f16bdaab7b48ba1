// The one place that opens the database. Pragmas are chosen for durability first: an order we
// answered 200 for must survive a power cut, so WAL with synchronous=FULL (better-sqlite3 would
// otherwise default WAL databases to NORMAL).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { runMigrations } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: options.busyTimeoutMs ?? 2000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    runMigrations(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

export function integrityCheck(db: Db): string {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}
