// The database locked by another process past the busy timeout, and a full disk: the connector
// answers 503 (retryable), never 500, never a 200 for an order it did not store, stays up, and
// recovers by itself when the lock goes or the space returns.
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildConnector, writeChildConfig } from '../support/child-connector.js';
import { startTestConnector, tempDataDir } from '../support/connector.js';
import { explainOpenFailure, openDatabase } from '../../electron/core/db/connection.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

type HealthBody = {
  status: string;
  problems: { code: string; area: string; message: string; action: string }[];
};

type Answer = { order: { provider_id: string } };
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const storedIds = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT id FROM orders').all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
};

describe('database locked by another process', () => {
  it('waits out a short lock, answers 503 for a long one, and takes the retries afterwards', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const child = await startChildConnector(writeChildConfig(dir));
    const dbFile = path.join(dir, 'connector.db');
    const other = new Database(dbFile, { timeout: 5000 });
    try {
      // Short lock (1 s, under the 2-s busy timeout): the order waits and is stored.
      other.prepare('BEGIN IMMEDIATE').run();
      const short = sendToStreamListener<Answer>(child.streamUrl, orderCreated());
      await new Promise((r) => setTimeout(r, 1000));
      other.prepare('COMMIT').run();
      expect((await short).status).toBe(200);

      // A lock held past the busy timeout: every order meanwhile gets 503 with Retry-After, and
      // none is stored.
      other.prepare('BEGIN IMMEDIATE').run();
      const orders = Array.from({ length: 5 }, () => orderCreated());
      const answers = await Promise.all(
        orders.map((o) => sendToStreamListener(child.streamUrl, o)),
      );
      other.prepare('COMMIT').run();
      for (const a of answers) {
        expect(a.status).toBe(503);
        expect(a.headers.get('retry-after')).toBeTruthy();
      }
      // Stream retries: each is stored exactly once.
      const retried = await Promise.all(
        orders.map((o) => sendToStreamListener<Answer>(child.streamUrl, o)),
      );
      expect(retried.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const ids = storedIds(dbFile);
      expect(ids).toHaveLength(6);
      for (const r of retried) expect(ids).toContain(r.body.order.provider_id);
    } finally {
      if (other.inTransaction) other.prepare('ROLLBACK').run();
      other.close();
      await child.stop();
    }
  }, 60_000);
});

function tryMountTmpfs(dir: string, size: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('full disk', () => {
  const mountPoint = path.join(tempDataDir(), 'small-disk');
  const mounted = tryMountTmpfs(mountPoint, '3m');
  if (!mounted)
    console.warn(
      'full-disk test skipped: mounting a small tmpfs needs root and mount permission on this machine',
    );
  afterAll(() => {
    if (mounted) execFileSync('umount', ['-l', mountPoint]);
  });

  it.runIf(mounted)(
    'answers 503 while the disk is full, stores no partial order, and recovers when space returns',
    async () => {
      const dataDir = path.join(mountPoint, 'data');
      mkdirSync(dataDir);
      const child = await startChildConnector(
        writeChildConfig(dataDir, { backup: { intervalMinutes: 0 } }),
      );
      try {
        const ok = await sendToStreamListener<Answer>(child.streamUrl, orderCreated());
        expect(ok.status).toBe(200);
        // Fill the disk to the last few KiB.
        const filler = path.join(mountPoint, 'filler');
        let size = 1024 * 1024;
        for (let n = 0; size >= 1024; n++) {
          try {
            writeFileSync(`${filler}-${n}`, Buffer.alloc(size));
          } catch {
            rmSync(`${filler}-${n}`, { force: true });
            size = Math.floor(size / 2);
          }
        }
        const acked: string[] = [];
        const statuses = new Set<number>();
        for (let i = 0; i < 60; i++) {
          const res = await sendToStreamListener<Answer>(child.streamUrl, orderCreated());
          statuses.add(res.status);
          if (res.status === 200) acked.push(res.body.order.provider_id);
        }
        expect(statuses.has(503)).toBe(true);
        expect([...statuses].every((s) => s === 200 || s === 503)).toBe(true);
        // Staff see it: health is degraded with the full disk named and what to do.
        const health = await local<HealthBody>(child.localUrl, 'GET', '/api/health');
        expect(health.status).toBe(200);
        expect(health.body.status).toBe('degraded');
        const full = health.body.problems.find((p) => p.code === 'storage_full');
        expect(full?.area).toBe('storage');
        expect(full?.action).toMatch(/free disk space/i);

        // Space returns: the connector takes orders again without a restart.
        execFileSync('sh', ['-c', `rm -f ${filler}-*`]);
        const after = await sendToStreamListener<Answer>(child.streamUrl, orderCreated());
        expect(after.status).toBe(200);
        const healed = await local<HealthBody>(child.localUrl, 'GET', '/api/health');
        expect(healed.body.problems.map((p) => p.code)).not.toContain('storage_full');
        acked.push(ok.body.order.provider_id, after.body.order.provider_id);
        await child.stop();

        const db = new Database(path.join(dataDir, 'connector.db'), { readonly: true });
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const ids = (db.prepare('SELECT id FROM orders').all() as { id: string }[])
            .map((r) => r.id)
            .sort();
          expect(ids).toEqual([...acked].sort());
          const orphans = db
            .prepare(
              'SELECT COUNT(*) AS n FROM order_timeline WHERE order_id NOT IN (SELECT id FROM orders)',
            )
            .get() as { n: number };
          expect(orphans.n).toBe(0);
        } finally {
          db.close();
        }
      } finally {
        await child.stop().catch(() => undefined);
      }
    },
    60_000,
  );
});

/** Overwrites the orders table's root page with garbage, as a failing disk would. */
function corruptOrdersTable(file: string): void {
  const db = new Database(file);
  const { rootpage } = db
    .prepare(`SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'orders'`)
    .get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('a damaged database page', () => {
  it('is found at start: health degraded with the restore command, 503 (never 500) to Stream and for a backup', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const first = await startTestConnector({ dataDir });
    expect((await sendToStreamListener(first.streamUrl, orderCreated())).status).toBe(200);
    await first.connector.backups.run();
    await first.stop();
    corruptOrdersTable(path.join(dataDir, 'connector.db'));

    const t = await startTestConnector({ dataDir });
    try {
      const health = await local<HealthBody>(t.localUrl, 'GET', '/api/health');
      expect(health.status).toBe(200);
      expect(health.body.status).toBe('degraded');
      const problem = health.body.problems[0]!;
      expect(problem.code).toBe('storage_corrupt');
      expect(problem.message).toContain(path.join(dataDir, 'connector.db'));
      expect(problem.action).toMatch(/npm run restore -- .*backups.*connector-.*\.db/);

      const order = await sendToStreamListener(t.streamUrl, orderCreated());
      expect(order.status).toBe(503);
      expect(order.headers.get('retry-after')).toBeTruthy();
      expect((order.body as { error: { code: string } }).error.code).toBe('storage_unavailable');
      const backup = await local(t.localUrl, 'POST', '/api/backups', {});
      expect(backup.status).not.toBe(500);
    } finally {
      await t.dispose();
    }
  });

  it('is found by the periodic check while running', async () => {
    const t = await startTestConnector({ config: { health: { databaseCheckMinutes: 5 } } });
    try {
      expect((await sendToStreamListener(t.streamUrl, orderCreated())).status).toBe(200);
      const ok = await local<HealthBody>(t.localUrl, 'GET', '/api/health');
      expect(ok.body.problems.map((p) => p.code)).not.toContain('storage_corrupt');
      // Damage the file under the running connector (its page cache is dropped by a checkpoint).
      const file = path.join(t.dataDir, 'connector.db');
      t.connector.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      const other = new Database(file);
      const { rootpage } = other
        .prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'orders'`)
        .get() as { rootpage: number };
      other.close();
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (rootpage - 1) * 4096);
      closeSync(fd);
      // Another connection's write makes SQLite drop its cached pages on the next read.
      const bump = new Database(file);
      bump.prepare(`INSERT OR REPLACE INTO kv (key, value) VALUES ('test.bump', '1')`).run();
      bump.close();
      t.clock.advance(5 * 60_000);
      const health = await local<HealthBody>(t.localUrl, 'GET', '/api/health');
      expect(health.body.status).toBe('degraded');
      expect(health.body.problems.map((p) => p.code)).toContain('storage_corrupt');
    } finally {
      await t.dispose();
    }
  });

  it('names the file, the cause and the fix when the database is not a database at start', () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const file = path.join(dataDir, 'connector.db');
    writeFileSync(file, Buffer.alloc(8192, 0x41));
    let message = '';
    try {
      openDatabase(file).close();
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(file);
    expect(message).toMatch(/damaged or is not a database/);
    expect(message).toMatch(/npm run restore/);
  });
});

describe('start-up on a damaged or unwritable database, as the store runs it', () => {
  /** Starts headless mode on `dataDir` and resolves with its exit code and output. */
  function startUp(dataDir: string): Promise<{ code: number | null; output: string }> {
    const configFile = writeChildConfig(dataDir);
    return new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.resolve('electron/headless.ts'), '--config', configFile],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      child.once('exit', (code) => resolve({ code, output }));
    });
  }

  it('a file that is not a database: the exit names the file, the cause and `npm run restore`', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const file = path.join(dataDir, 'connector.db');
    writeFileSync(file, Buffer.alloc(8192, 0x41));
    const { code, output } = await startUp(dataDir);
    expect(code).toBe(1);
    expect(output).toContain(`Start-up failed: database ${file} is damaged or is not a database`);
    expect(output).toContain('npm run restore');
  }, 30_000);

  it('a database that cannot be opened for writing: the exit names the file, the cause and the chmod that fixes it', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    // Tests run as root here, so file modes cannot make it read-only: a folder where the file
    // should be gives SQLite's own "unable to open database file" the same way.
    const file = path.join(dataDir, 'connector.db');
    mkdirSync(file);
    const { code, output } = await startUp(dataDir);
    expect(code).toBe(1);
    expect(output).toContain(`Start-up failed: database ${file} cannot be opened for writing`);
    expect(output).toContain('unable to open database file');
    expect(output).toContain(`chmod u+w "${file}"`);
  }, 30_000);

  it('a write refused as read-only by SQLite itself is explained the same way', () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const file = path.join(dataDir, 'connector.db');
    openDatabase(file).close();
    const readOnly = new Database(file, { readonly: true });
    let err: unknown;
    try {
      readOnly.exec('CREATE TABLE t (x INTEGER)');
    } catch (e) {
      err = e;
    } finally {
      readOnly.close();
    }
    expect((err as { code?: string }).code).toBe('SQLITE_READONLY');
    const message = explainOpenFailure(file, err).message;
    expect(message).toContain(file);
    expect(message).toMatch(/cannot be opened for writing .*attempt to write a readonly database/);
    expect(message).toMatch(/chmod u\+w/);
  });
});
