// In-store orders exactly once: the connector runs as its own process and is killed with
// SIGKILL the moment an in-store order is committed (watched in its SQLite file from here),
// before the counter has read the answer. After a restart the counter retries with the same
// client key: it gets the first order back, the database holds exactly one order for the key,
// and Stream applies exactly one `order.created` for it.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  startChildConnector,
  writeChildConfig,
  type ChildConnector,
} from '../support/child-connector.js';
import { tempDataDir } from '../support/connector.js';
import { FakeStream } from '../support/fake-stream.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { local } from '../support/stream-client.js';

const ROUNDS = 4;
const dataDir = tempDataDir();
let stream: FakeStream | undefined;
afterAll(async () => {
  await stream?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const phoneOrder = (clientKey: string) => ({
  clientKey,
  fulfillmentType: 'pickup',
  source: 'phone',
  customer: { name: `Guest ${clientKey}` },
  items: [{ name: 'Soup of the day', priceCents: 650, quantity: 1 }],
});

/** Resolves with the order id once a row with `key` is committed in the connector's file. */
async function committed(key: string): Promise<string> {
  const db = new Database(path.join(dataDir, 'connector.db'), { readonly: true });
  try {
    const find = db.prepare('SELECT id FROM orders WHERE idempotency_key = ?');
    for (let i = 0; i < 20_000; i++) {
      const row = find.get(key) as { id: string } | undefined;
      if (row) return row.id;
      await new Promise((r) => setImmediate(r));
    }
    throw new Error(`order ${key} was never committed`);
  } finally {
    db.close();
  }
}

it(`an in-store order whose answer is lost to a kill -9 after commit is taken once on the retry (${ROUNDS} rounds)`, async () => {
  stream = await FakeStream.start();
  const configFile = writeChildConfig(dataDir, { stream: { apiUrl: stream.url } });
  let child: ChildConnector = await startChildConnector(configFile);
  const taken = new Map<string, string>(); // client key → order id
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const key = `draft-kill-${round}`;
      const abort = new AbortController();
      // The counter's first try; its answer is never read (the connector dies under it).
      const firstTry = fetch(`${child.localUrl}/api/in-store-orders`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TEST_LOCAL_TOKEN}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(phoneOrder(key)),
        signal: abort.signal,
      }).catch(() => null);
      const id = await committed(`instore:${key}`);
      abort.abort();
      await child.kill9();
      await firstTry;

      child = await startChildConnector(configFile);
      const retry = await local<{ id: string; origin: string }>(
        child.localUrl,
        'POST',
        '/api/in-store-orders',
        phoneOrder(key),
      );
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ id, origin: 'in_store' });
      taken.set(key, id);
    }

    // Every outbox row reaches Stream; each order is applied there once.
    await stream.waitFor(() => stream!.effects.length >= ROUNDS, 20_000);
    await new Promise((r) => setTimeout(r, 300)); // a second copy would have arrived by now
  } finally {
    await child.stop();
  }

  const db = new Database(path.join(dataDir, 'connector.db'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const [key, id] of taken) {
      const rows = db
        .prepare(`SELECT id FROM orders WHERE idempotency_key = ?`)
        .all(`instore:${key}`) as { id: string }[];
      expect(rows.map((r) => r.id)).toEqual([id]);
      const outbox = db
        .prepare(`SELECT COUNT(*) AS n FROM outbox WHERE kind = 'order.created' AND body LIKE ?`)
        .get(`%${id}%`) as { n: number };
      expect(outbox.n, `order.created rows in the outbox for ${id}`).toBe(1);
    }
    const orders = db.prepare(`SELECT COUNT(*) AS n FROM orders`).get() as { n: number };
    expect(orders.n).toBe(ROUNDS);
  } finally {
    db.close();
  }
  const created = stream.effects.filter(
    (e) => (e.json as { event?: string }).event === 'order.created',
  );
  expect(created).toHaveLength(ROUNDS);
  for (const id of taken.values())
    expect(
      created.filter((e) => JSON.stringify(e.json).includes(id)),
      id,
    ).toHaveLength(1);
}, 120_000);
