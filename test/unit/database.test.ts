// The database module: pragmas for durability, numbered migrations, STRICT tables and the
// refusal to open a database written by a newer build.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { integrityCheck, openDatabase } from '../../electron/core/db/connection.js';
import { loadMigrations, NewerSchemaError } from '../../electron/core/db/migrate.js';
import { scratchDir } from '../support/scratch.js';

const tempDb = () => path.join(scratchDir('connector-db-'), 'connector.db');

describe('database', () => {
  it('opens in WAL with synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(tempDb());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(integrityCheck(db)).toBe('ok');
    db.close();
  });

  it('applies every numbered migration once and records the version', () => {
    const file = tempDb();
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    openDatabase(file).close();
    const db = openDatabase(file); // second open applies nothing and does not fail
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it("makes every ordinary table STRICT (full-text index tables are SQLite's own)", () => {
    const db = openDatabase(tempDb());
    const tables = db
      .prepare(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
      .all() as {
      name: string;
      strict: number;
    }[];
    expect(tables.length).toBeGreaterThan(3);
    for (const t of tables) expect(t.strict, t.name).toBe(1);
    expect(() =>
      db.prepare(`INSERT INTO kv (key, value) VALUES ('x', ?)`).run(Buffer.from('not text')),
    ).toThrow(/cannot store BLOB value in TEXT column/);
    db.close();
  });

  it('refuses a database written by a newer build, with a message that says what to do', () => {
    const file = tempDb();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${loadMigrations().length + 1}`);
    raw.close();
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NewerSchemaError);
    expect((caught as Error).message).toMatch(/newer than this build supports/);
  });
});
