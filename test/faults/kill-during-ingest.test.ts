// kill -9 at random moments during ingest, 20 times, each followed by a restart, while a load
// client keeps posting and retries every order until it gets an answer (as Stream does). Every
// order that got a 200 exists exactly once; the database stays sound; no pending order is left
// without a deadline.
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
import { orderCreated } from '../support/orders.js';
import { sendToStreamListener } from '../support/stream-client.js';

const KILLS = 20;
const dataDir = tempDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it(`every acknowledged order survives ${KILLS} kill -9s at random moments, exactly once`, async () => {
  const configFile = writeChildConfig(dataDir);
  const acked = new Map<string, string>(); // idempotency key → provider_id
  const everSent = new Set<string>();
  let backlog = Array.from({ length: 400 }, () => orderCreated());
  let child: ChildConnector = await startChildConnector(configFile);

  for (let kill = 0; kill <= KILLS; kill++) {
    const current = child;
    let alive = true;
    // Four clients post until the kill; an order whose request failed stays in the backlog.
    const clients = Array.from({ length: 4 }, async () => {
      while (alive && backlog.length) {
        const order = backlog.shift()!;
        const key = (order.object as { idempotency_key: string }).idempotency_key;
        everSent.add(key);
        try {
          const res = await sendToStreamListener<{ order: { provider_id: string } }>(
            current.streamUrl,
            order,
          );
          if (res.status !== 200) throw new Error(`status ${res.status}`);
          const before = acked.get(key);
          if (before) expect(res.body.order.provider_id).toBe(before);
          acked.set(key, res.body.order.provider_id);
          // Half the time Stream "loses" our answer and sends the same order again later.
          if (Math.random() < 0.2) backlog.push(order);
        } catch {
          backlog.push(order);
        }
      }
    });
    if (kill < KILLS) {
      await new Promise((r) => setTimeout(r, 30 + Math.random() * 250));
      alive = false;
      await current.kill9();
      await Promise.allSettled(clients);
      child = await startChildConnector(configFile);
    } else {
      await Promise.all(clients);
      alive = false;
    }
    if (!backlog.length) backlog = Array.from({ length: 40 }, () => orderCreated());
  }
  await child.stop();

  expect(acked.size).toBeGreaterThan(100);
  const db = new Database(path.join(dataDir, 'connector.db'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db
      .prepare('SELECT id, idempotency_key AS key, status, staff_deadline_at AS d FROM orders')
      .all() as {
      id: string;
      key: string;
      status: string;
      d: number | null;
    }[];
    const byKey = new Map<string, string[]>();
    for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.id]);
    for (const [key, providerId] of acked) expect(byKey.get(`key:${key}`)).toEqual([providerId]);
    for (const r of rows) expect(everSent.has(r.key.slice(4))).toBe(true);
    expect(rows.filter((r) => r.status === 'pending' && r.d === null)).toEqual([]);
  } finally {
    db.close();
  }
}, 180_000);
