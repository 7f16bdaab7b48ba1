// The outbox owns its table: SQL on `outbox` is written only in electron/core/outbox/ (the writer,
// the workers' repository, the queries other homes ask). A statement anywhere else fails here, so
// a change to the table's columns has one folder to read.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const SQL_ON_OUTBOX = /\b(FROM|JOIN|INTO|UPDATE)\s+outbox\b/i;

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe('the outbox table', () => {
  it('is queried only from electron/core/outbox/', () => {
    const files = [...sources('electron'), ...sources('gateway'), ...sources('shared')];
    expect(files.length).toBeGreaterThan(50);
    const outside = files.filter(
      (f) =>
        !f.startsWith(path.join('electron', 'core', 'outbox') + path.sep) &&
        SQL_ON_OUTBOX.test(readFileSync(path.join(root, f), 'utf8')),
    );
    expect(outside).toEqual([]);
  });

  it('the check sees a statement when there is one', () => {
    expect(SQL_ON_OUTBOX.test("db.prepare(`SELECT id FROM outbox WHERE lane = 'stream'`)")).toBe(
      true,
    );
    expect(SQL_ON_OUTBOX.test('// the outbox worker sends after commit')).toBe(false);
  });
});
