// Log lines about rows written inside a transaction, written only once the row is committed: a
// line in connector.log that says something happened must be backed by the database. Lines are
// held until the event loop's next turn (every transaction here is synchronous, so by then it
// has committed or rolled back) and each is written only if its row is still there.
import type { Db } from '../db/connection.js';
import type { Level, Logger } from './log.js';

interface Held {
  rowid: number;
  level: Level;
  msg: string;
  fields: Record<string, unknown>;
}

export type CommittedLogger = (
  rowid: number | bigint,
  level: Level,
  msg: string,
  fields: Record<string, unknown>,
) => void;

/** `table` must be a fixed table name of ours (it is put into SQL as is). */
export function committedLogger(db: Db, log: Logger, table: string): CommittedLogger {
  const exists = db.prepare(`SELECT 1 FROM ${table} WHERE rowid = ?`).pluck();
  let held: Held[] = [];
  const flush = (): void => {
    const lines = held;
    held = [];
    for (const line of lines) {
      try {
        if (exists.get(line.rowid)) log[line.level](line.msg, line.fields);
      } catch {
        // A closed database (a stop) or a failing disk: the log line is not worth a crash.
      }
    }
  };
  return (rowid, level, msg, fields) => {
    if (!held.length) setImmediate(flush);
    held.push({ rowid: Number(rowid), level, msg, fields });
  };
}
