// Delivery survives restarts: a stop in the middle of a backlog, and a kill -9 of the connector
// process while an attempt is on the wire. After the restart every event is delivered once, in
// per-order order, with the key it had before.
import Database from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildConnector, writeChildConfig } from '../support/child-connector.js';
import { tempDataDir } from '../support/connector.js';
import {
  answer,
  FakeStream,
  hang,
  startWithFakeStream,
  type WithFakeStream,
} from '../support/fake-stream.js';
import {
  expectDeliveredOnceInOrder,
  newStreamOrder,
  orderWithFourEvents,
  outboxIds,
  seeded,
} from '../support/outbox-helpers.js';
import { local } from '../support/stream-client.js';

/** SIGKILL a process and every descendant (Linux /proc), children first so none is re-parented
 * and left running. */
function killTree(pid: number): void {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // no /proc (not Linux) or already gone: only the process itself can be killed
  }
  for (const child of children) killTree(child);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already exited
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('restarts', () => {
  it('a stop in the middle of a backlog loses nothing, and the restarted connector uses the same keys', async () => {
    const first = await startWithFakeStream({ streamLane: { random: seeded(5) } });
    cleanups.push(() => first.fake.close());
    // Stream takes three events, then fails, then hangs, so the stop finds attempts on the wire.
    first.fake.behave((r) => (r.index < 3 ? undefined : r.index < 12 ? answer(503) : hang));
    const orders: string[] = [];
    for (let i = 0; i < 5; i++) orders.push(await orderWithFourEvents(first));
    await first.drive(() => first.fake.hangingCount() >= 2);
    const keysBefore = new Set(first.fake.requests.map((r) => r.key));
    await first.t.stop();

    // A graceful stop cuts open attempts short and puts their rows back to pending.
    const db = new Database(path.join(first.t.dataDir, 'connector.db'), { readonly: true });
    const states = db
      .prepare(`SELECT state, COUNT(*) AS n FROM outbox GROUP BY state ORDER BY state`)
      .all();
    db.close();
    expect(states).toEqual([
      { state: 'pending', n: 17 },
      { state: 'sent', n: 3 },
    ]);

    first.fake.behave(null); // Stream is healthy again
    const second: WithFakeStream = await startWithFakeStream({
      dataDir: first.t.dataDir,
      clock: first.t.clock,
      reuse: first.fake,
      streamLane: { random: seeded(6) },
    });
    cleanups.push(() => second.t.dispose());
    await second.drive(second.allDelivered(20));
    expectDeliveredOnceInOrder(second, orders);
    // Every event tried before the stop was finished under the same key after it.
    for (const key of keysBefore) expect(second.fake.effects.some((e) => e.key === key)).toBe(true);
  });

  it('kill -9 while an attempt is on the wire: the row is left `sending` and is sent again, same key, applied once', async () => {
    const fake = await FakeStream.start();
    cleanups.push(() => fake.close());
    fake.behave((r) => (r.attemptForKey === 1 ? hang : undefined));
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const configFile = writeChildConfig(dataDir, { stream: { apiUrl: fake.url } });
    const child = await startChildConnector(configFile);
    const id = await newStreamOrder(child.streamUrl);
    expect((await local(child.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
    await fake.waitFor(() => fake.hangingCount() === 1);
    // tsx's CLI runs the script in a child process of its own, so SIGKILL to the process
    // startChildConnector spawned would orphan the real connector: kill the whole tree.
    killTree(child.process.pid!);
    await child.kill9();
    await fake.waitFor(() => fake.hangingCount() === 0); // the fake saw the connection drop

    const db = new Database(path.join(dataDir, 'connector.db'), { readonly: true });
    const row = db.prepare(`SELECT id, state, attempts FROM outbox WHERE ordering_key = ?`).get(id);
    db.close();
    expect(row).toEqual({ id: fake.requests[0]!.key, state: 'sending', attempts: 1 });

    const restarted = await startWithFakeStream({ dataDir, reuse: fake });
    cleanups.push(() => restarted.t.stop());
    await restarted.drive(restarted.allDelivered(1));
    expect(fake.requests.map((r) => [r.key, r.outcome])).toEqual([
      [fake.requests[0]!.key, 'hung'],
      [fake.requests[0]!.key, 'processed'],
    ]);
    expect(outboxIds(restarted, id)).toEqual([fake.requests[0]!.key]);
    expectDeliveredOnceInOrder(restarted, [id]);
  });
});
