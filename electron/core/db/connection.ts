// The one place that opens the database. Pragmas are chosen for durability first: an order we
// answered 200 for must survive a power cut, so WAL with synchronous=FULL (better-sqlite3 would
// otherwise default WAL databases to NORMAL).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { storageFaultKind } from '../util/errors.js';
import { runMigrations } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db | null = null;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 2000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    runMigrations(db);
  } catch (err) {
    db?.close();
    throw explainOpenFailure(file, err);
  }
  return db;
}

/** A start-up failure that names the file, the cause and the command that fixes it. */
export function explainOpenFailure(file: string, err: unknown): Error {
  const kind = storageFaultKind(err);
  const detail = (err as Error).message;
  const restore = `stop the connector, run \`npm run restore\` to list the backups, then \`npm run restore -- <newest backup>\``;
  let text: string;
  switch (kind) {
    case 'corrupt':
      text = `database ${file} is damaged or is not a database (${detail}). Fix: ${restore}.`;
      break;
    case 'readonly':
      text = `database ${file} cannot be opened for writing (${detail}): the file or its folder is read-only, missing permissions, or not a plain file. Fix: give this user write access, e.g. \`chmod u+w "${file}" "${path.dirname(file)}"\` (and check \`ls -l "${file}"\` shows a file), or point dataDir at a writable folder.`;
      break;
    case 'full':
      text = `database ${file} cannot be opened: the disk is full (${detail}). Fix: free disk space on that drive, then start again.`;
      break;
    case 'io':
      text = `database ${file} cannot be read: the disk reports I/O errors (${detail}). Fix: check the disk; if the file is damaged, ${restore}.`;
      break;
    default:
      return err instanceof Error ? err : new Error(String(err));
  }
  const out = new Error(text, { cause: err });
  (out as { code?: unknown }).code = (err as { code?: unknown }).code;
  return out;
}

export function integrityCheck(db: Db): string {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}
