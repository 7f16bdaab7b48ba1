// Online backups while orders keep arriving, rotation, and the restore drill: restore the
// newest backup into a stopped connector's folder and start it again.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups, restoreBackup } from '../../electron/core/db/backup.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

type Answer = { order: { provider_id: string } };
let t: TestConnector | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const orderIdsIn = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT id FROM orders').all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
};

describe('online backup', () => {
  it('copies every order committed before it started, while ingest goes on, and passes an integrity check', async () => {
    t = await startTestConnector();
    const before: string[] = [];
    for (let i = 0; i < 50; i++)
      before.push(
        (await sendToStreamListener<Answer>(t.streamUrl, orderCreated())).body.order.provider_id,
      );
    const during = Promise.all(
      Array.from({ length: 30 }, () => sendToStreamListener<Answer>(t!.streamUrl, orderCreated())),
    );
    const backup = await local<{ file: string; bytes: number }>(t.localUrl, 'POST', '/api/backups');
    const answers = await during;
    expect(backup.status).toBe(200);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const copied = new Set(orderIdsIn(backup.body.file));
    for (const id of before) expect(copied.has(id)).toBe(true);
    const db = new Database(backup.body.file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const listed = await local<{ backups: { file: string }[] }>(t.localUrl, 'GET', '/api/backups');
    expect(listed.body.backups.map((b) => b.file)).toEqual([backup.body.file]);
  });

  it('runs on its schedule and keeps only the newest copies', async () => {
    t = await startTestConnector({ config: { backup: { intervalMinutes: 60, keep: 2 } } });
    await sendToStreamListener(t.streamUrl, orderCreated());
    const dir = path.join(t.dataDir, 'backups');
    const seen: string[][] = [];
    for (let i = 1; i <= 3; i++) {
      t.clock.advance(60 * 60_000);
      await t.connector.backups.idle();
      seen.push(listBackups(dir).map((b) => path.basename(b.file)));
    }
    expect(seen.map((s) => s.length)).toEqual([1, 2, 2]);
    // The oldest went; the two newest stayed.
    expect(seen[2]).toEqual([seen[2]![0], seen[1]![0]]);
    expect(seen[2]).not.toContain(seen[0]![0]);
  });

  it('restore drill: the restored connector starts and has the backed-up orders and their outbox rows', async () => {
    t = await startTestConnector();
    const kept = (await sendToStreamListener<Answer>(t.streamUrl, orderCreated())).body.order
      .provider_id;
    await local(t.localUrl, 'POST', `/api/orders/${kept}/accept`, {});
    const backup = (await local<{ file: string }>(t.localUrl, 'POST', '/api/backups')).body.file;
    const lost = (await sendToStreamListener<Answer>(t.streamUrl, orderCreated())).body.order
      .provider_id;
    const { dataDir, clock } = t;
    await t.stop();

    const { replaced } = restoreBackup(backup, dataDir);
    expect(replaced && existsSync(replaced)).toBe(true);
    t = await startTestConnector({ dataDir, clock });
    expect(
      (await local<{ status: string }>(t.localUrl, 'GET', `/api/orders/${kept}`)).body.status,
    ).toBe('accepted');
    expect((await local(t.localUrl, 'GET', `/api/orders/${lost}`)).status).toBe(404);
    const events = t.connector.ctx.db
      .prepare(`SELECT kind FROM outbox WHERE ordering_key = ?`)
      .all(kept) as { kind: string }[];
    expect(events.map((e) => e.kind)).toEqual(['order.accepted']);
  });

  it('refuses to restore a file that is not a sound database', async () => {
    t = await startTestConnector();
    const bogus = path.join(t.dataDir, 'local.token');
    expect(() => restoreBackup(bogus, t!.dataDir)).toThrow();
    expect(existsSync(path.join(t.dataDir, 'connector.db'))).toBe(true);
  });
});
