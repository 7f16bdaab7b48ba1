// The watched-folder driver against a real folder, with the test playing the POS importer: the
// order file appears whole (temporary file, then rename), the result file is picked up (a
// reference, or an error), a slow POS is waited on without writing twice, a restart takes a result
// left while it was down instead of writing the order again, voids are files too, and a missing
// folder (a share that is down) is never created.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosLeg } from '../../shared/pos.js';
import { startPosRig, type PosRig } from '../support/fake-pos.js';
import { orderCanceled, orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

type Answer = { order: { provider_id: string } };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pos-drop-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Order and void files waiting for the POS's answer: attempts parked on the test. */
function waitingFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  const names = new Set(readdirSync(dir));
  return [...names].filter(
    (n) =>
      n.endsWith('.json') &&
      !n.endsWith('.result.json') &&
      !n.startsWith('.') &&
      n !== 'catalog.json' &&
      !names.has(n.replace(/\.json$/, '.result.json')),
  ).length;
}

async function folderRig(
  dropDir: string,
  extra: Record<string, unknown> = {},
  dataDir?: string,
): Promise<PosRig> {
  const rig = await startPosRig({
    config: { pos: { driver: 'folder', dropDir, ...extra } },
    posParked: () => waitingFiles(dropDir),
    ...(dataDir ? { dataDir } : {}),
  });
  return rig;
}

/** Resolves with the file's content the moment it appears (file events, no polling). */
function fileAppears(dir: string, name: string, ms = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const file = path.join(dir, name);
    const read = (): boolean => {
      if (!existsSync(file)) return false;
      watcher.close();
      clearTimeout(timer);
      resolve(readFileSync(file, 'utf8'));
      return true;
    };
    const watcher = watch(dir, () => void read());
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`${name} did not appear within ${ms} ms`));
    }, ms);
    read();
  });
}

async function acceptedOrder(rig: PosRig): Promise<string> {
  const res = await sendToStreamListener<Answer>(rig.t.streamUrl, orderCreated());
  const id = res.body.order.provider_id;
  expect((await local(rig.t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
  return id;
}

const leg = (rig: PosRig, id: string) => rig.t.connector.pos.legs.get(id, 'pos');

describe('watched-folder driver', () => {
  it('drops <order id>.json whole (temporary file, then rename) and takes the POS reference from <order id>.result.json', async () => {
    const dir = tempFolder();
    const names: string[] = [];
    const watcher = watch(dir, (_e, name) => name && names.push(name));
    cleanups.push(() => watcher.close());
    const rig = await folderRig(dir);
    cleanups.push(() => rig.dispose());
    const id = await acceptedOrder(rig);

    // Read at the first moment it exists: never half a file.
    const content = JSON.parse(await fileAppears(dir, `${id}.json`)) as Record<string, unknown>;
    expect(content).toMatchObject({
      schema: 'stream-connector.pos-order',
      version: 2,
      order_id: id,
    });
    expect(names).toContain(`.${id}.json.tmp`);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    writeFileSync(path.join(dir, `${id}.result.json`), JSON.stringify({ pos_order_id: 'F-2001' }));
    await rig.until(() => leg(rig, id)?.state === 'sent');
    expect(leg(rig, id)).toMatchObject({ pos_order_id: 'F-2001', failures: 0 });
  });

  it('an error in the result file refuses the order for good and flags it "not in POS"', async () => {
    const dir = tempFolder();
    const rig = await folderRig(dir);
    cleanups.push(() => rig.dispose());
    const id = await acceptedOrder(rig);
    await fileAppears(dir, `${id}.json`);
    writeFileSync(
      path.join(dir, `${id}.result.json`),
      JSON.stringify({ error: 'PLU 1234 unknown' }),
    );
    await rig.until(() => leg(rig, id)?.state === 'failed');
    const legs = (await local<{ legs: PosLeg[] }>(rig.t.localUrl, 'GET', `/api/orders/${id}/pos`))
      .body.legs;
    expect(legs[0]).toMatchObject({ state: 'failed', notInPos: true });
    expect(legs[0]!.lastError).toContain('PLU 1234 unknown');
  });

  it('a POS slower than pos.timeoutSeconds: the attempt gives up, the file is never written twice, and the late result is taken', async () => {
    const dir = tempFolder();
    const rig = await folderRig(dir, { timeoutSeconds: 10 });
    cleanups.push(() => rig.dispose());
    const id = await acceptedOrder(rig);
    await fileAppears(dir, `${id}.json`);
    // Writing it again would rename a new temporary file into place: a new inode.
    const inode = statSync(path.join(dir, `${id}.json`)).ino;

    rig.clock.advance(10_000); // the first attempt's wait ends
    await rig.until(() => (leg(rig, id)?.failures ?? 0) === 1);
    expect(leg(rig, id)!.last_error).toMatch(/no result file from the POS within 10000 ms/);
    expect(leg(rig, id)!.uncertain).toBe(1); // the file is in the folder: a cancel now needs a void
    rig.clock.advance(60_000); // the retry starts, finds the file waiting, and waits again
    await rig.settle();
    expect(rig.t.connector.pos.workers.pos!.activity().inFlight).toBe(1);

    writeFileSync(path.join(dir, `${id}.result.json`), JSON.stringify({ pos_order_id: '77' }));
    await rig.until(() => leg(rig, id)?.state === 'sent');
    expect(leg(rig, id)!.pos_order_id).toBe('77');
    expect(statSync(path.join(dir, `${id}.json`)).ino).toBe(inode);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('after a stop mid-wait, a result the POS left meanwhile is the answer: the order file is not written again', async () => {
    const dir = tempFolder();
    const first = await folderRig(dir);
    const id = await acceptedOrder(first);
    await fileAppears(dir, `${id}.json`);
    await first.t.stop(); // cuts the attempt short; its row goes back to pending
    const db = new Database(path.join(first.t.dataDir, 'connector.db'), { readonly: true });
    // The file is in the folder: the POS may take it while we are down (a cancel must void it).
    expect(db.prepare(`SELECT state, uncertain FROM pos_legs`).get()).toEqual({
      state: 'queued',
      uncertain: 1,
    });
    db.close();
    // While the connector is down the POS imports the file (and removes it) and answers.
    rmSync(path.join(dir, `${id}.json`));
    writeFileSync(path.join(dir, `${id}.result.json`), JSON.stringify({ pos_order_id: 'F-9' }));
    await first.pos.close();

    const second = await folderRig(dir, {}, first.t.dataDir);
    cleanups.push(() => second.dispose());
    await second.until(() => leg(second, id)?.state === 'sent');
    expect(leg(second, id)!.pos_order_id).toBe('F-9');
    expect(existsSync(path.join(dir, `${id}.json`))).toBe(false);
  });

  it('a cancel drops <order id>.void.json with the reference, and its result completes the void', async () => {
    const dir = tempFolder();
    const rig = await folderRig(dir);
    cleanups.push(() => rig.dispose());
    const id = await acceptedOrder(rig);
    await fileAppears(dir, `${id}.json`);
    writeFileSync(path.join(dir, `${id}.result.json`), JSON.stringify({ pos_order_id: 'F-5' }));
    await rig.until(() => leg(rig, id)?.state === 'sent');

    await sendToStreamListener(rig.t.streamUrl, orderCanceled(id));
    const voidFile = JSON.parse(await fileAppears(dir, `${id}.void.json`)) as Record<
      string,
      unknown
    >;
    expect(voidFile).toMatchObject({
      schema: 'stream-connector.pos-void',
      order_id: id,
      pos_order_id: 'F-5',
      reason: 'Canceled by Stream',
    });
    writeFileSync(
      path.join(dir, `${id}.void.result.json`),
      JSON.stringify({ pos_order_id: 'F-5' }),
    );
    await rig.until(() => leg(rig, id)?.void_state === 'sent');
  });

  it('a missing drop folder (a share that is down) is retried and never created; files go once it is back', async () => {
    const parent = tempFolder();
    const dir = path.join(parent, 'share');
    const rig = await folderRig(dir);
    cleanups.push(() => rig.dispose());
    const id = await acceptedOrder(rig);
    await rig.drive(() => (leg(rig, id)?.failures ?? 0) >= 2);
    expect(leg(rig, id)!.last_error).toMatch(/drop folder .* ENOENT/);
    expect(leg(rig, id)!.uncertain).toBe(0);
    expect(existsSync(dir)).toBe(false);
    const down = await local<{ health: { reachable: boolean; detail: string } }>(
      rig.t.localUrl,
      'GET',
      '/api/pos',
    );
    expect(down.body.health).toEqual({ reachable: false, detail: `${dir}: ENOENT` });

    mkdirSync(dir);
    const up = await local<{ health: { reachable: boolean } }>(rig.t.localUrl, 'GET', '/api/pos');
    expect(up.body.health.reachable).toBe(true);
    rig.clock.advance(60_000);
    await fileAppears(dir, `${id}.json`);
    writeFileSync(path.join(dir, `${id}.result.json`), JSON.stringify({ pos_order_id: 'F-1' }));
    await rig.until(() => leg(rig, id)?.state === 'sent');
  });
});

describe('watched-folder driver strictness', () => {
  // Each of these once left the order "sent".
  const notAnAnswer = [
    { error: { code: 'E1' } },
    { error: true },
    { error: '' },
    { status: 'error' },
    [],
    'rejected',
    { pos_order_id: { id: 1 } },
    { pos_order_id: '' },
    {},
    { pos_order_id: 'F-1', error: 'both' },
  ];

  it('a result file in neither shape is a refusal that flags the order with its content', async () => {
    const dir = tempFolder();
    const rig = await folderRig(dir);
    cleanups.push(() => rig.dispose());
    for (const content of notAnAnswer) {
      const id = await acceptedOrder(rig);
      await fileAppears(dir, `${id}.json`);
      const text = JSON.stringify(content);
      writeFileSync(path.join(dir, `${id}.result.json`), text);
      await rig.until(() => leg(rig, id)?.state === 'failed');
      const row = leg(rig, id)!;
      expect(row.pos_order_id, text).toBeNull();
      expect(row.last_error, text).toContain('neither {"pos_order_id"');
      expect(row.last_error, text).toContain(JSON.stringify(text).slice(1, -1).slice(0, 20));
    }
  });

  it('never writes through a link planted at the temporary name, refuses it, and says so on the POS tile', async () => {
    const dir = tempFolder();
    const rig = await folderRig(dir);
    cleanups.push(() => rig.dispose());
    const outside = path.join(tempFolder(), 'precious.txt');
    writeFileSync(outside, 'keep me');
    const res = await sendToStreamListener<Answer>(rig.t.streamUrl, orderCreated());
    const id = res.body.order.provider_id;
    symlinkSync(outside, path.join(dir, `.${id}.json.tmp`));
    expect((await local(rig.t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
    await rig.until(() => leg(rig, id)?.state === 'failed');
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(existsSync(path.join(dir, `${id}.json`))).toBe(false);
    expect(leg(rig, id)!.last_error).toMatch(/symbolic link/);
    const status = await local<{ health: { detail: string } | null }>(
      rig.t.localUrl,
      'GET',
      '/api/pos',
    );
    expect(status.body.health?.detail).toMatch(/refused .*symbolic link/);
  });

  it('a FIFO as the result file does not hang the attempt: it is refused', async () => {
    const dir = tempFolder();
    const rig = await folderRig(dir);
    cleanups.push(() => rig.dispose());
    const res = await sendToStreamListener<Answer>(rig.t.streamUrl, orderCreated());
    const id = res.body.order.provider_id;
    execFileSync('mkfifo', [path.join(dir, `${id}.result.json`)]);
    expect((await local(rig.t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
    await rig.until(() => leg(rig, id)?.state === 'failed');
    expect(leg(rig, id)!.last_error).toMatch(/special file/);
  });
});
