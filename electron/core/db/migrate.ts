// Numbered SQL migrations (migrations/NNNN_name.sql), applied in order inside one transaction
// each, with the schema version kept in `user_version`. A database written by a newer build is
// refused rather than guessed at: rolling back the app must fail safe, not corrupt data.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `database schema version ${found} is newer than this build supports (${supported}): ` +
        'it was written by a newer Stream Connector; install that version again instead of downgrading',
    );
  }
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(path.join(dir, file), 'utf8'),
    }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.version}_${m.name}: expected number ${i + 1}`);
  });
  return migrations;
}

export function runMigrations(db: Database.Database, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) throw new NewerSchemaError(current, latest);
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}
