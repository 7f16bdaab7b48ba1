// Exactly once into the POS across a crash: the connector runs as its own process and is killed
// with SIGKILL while an injection is on the wire. After the restart the HTTP POS is sent the same
// order under the same Idempotency-Key and holds it once; the kitchen printer, which cannot tell
// a repeat, prints the ticket again marked POSSIBLE DUPLICATE.
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PosLeg } from '../../shared/pos.js';
import {
  startChildConnector,
  writeChildConfig,
  type ChildConnector,
} from '../support/child-connector.js';
import { tempDataDir } from '../support/connector.js';
import { PrinterSim } from '../support/escpos-decoder.js';
import { FakePos, posProcessThenHang } from '../support/fake-pos.js';
import { newStreamOrder } from '../support/outbox-helpers.js';
import { openPushChannel } from '../support/push-client.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { local } from '../support/stream-client.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function dataDir(): string {
  const dir = tempDataDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function child(configFile: string): Promise<ChildConnector> {
  const c = await startChildConnector(configFile);
  cleanups.push(() => (c.process.exitCode === null ? c.stop() : undefined));
  return c;
}

/** The order's leg as the pushed `pos.updated` events tell it, until `done`. */
async function untilLeg(
  c: ChildConnector,
  id: string,
  done: (leg: PosLeg) => boolean,
): Promise<PosLeg> {
  const push = await openPushChannel(c.localUrl, TEST_LOCAL_TOKEN);
  try {
    const now = await local<{ legs: PosLeg[] }>(c.localUrl, 'GET', `/api/orders/${id}/pos`);
    let leg = now.body.legs.find((l) => done(l));
    while (!leg) {
      const event = (await push.next('pos.updated', 15_000)) as PosLeg;
      if (event.orderId === id && done(event)) leg = event;
    }
    return leg;
  } finally {
    push.close();
  }
}

function outboxRow(dir: string, lane: string): unknown {
  const db = new Database(path.join(dir, 'connector.db'), { readonly: true });
  try {
    return db.prepare(`SELECT state, attempts FROM outbox WHERE lane = ?`).get(lane);
  } finally {
    db.close();
  }
}

function integrity(dir: string): string {
  const db = new Database(path.join(dir, 'connector.db'), { readonly: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) ?? '';
  } finally {
    db.close();
  }
}

describe('crash during POS delivery', () => {
  it('kill -9 after the POS stored the order but before its answer: the restart sends the same key, the POS holds it once', async () => {
    const pos = await FakePos.start();
    cleanups.push(() => pos.close());
    pos.queue(posProcessThenHang);
    const dir = dataDir();
    const configFile = writeChildConfig(dir, { pos: { driver: 'http', url: pos.url } });
    const first = await child(configFile);
    const id = await newStreamOrder(first.streamUrl);
    expect((await local(first.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
    await pos.waitFor(() => pos.orders.length === 1 && pos.openCount() === 1);
    await first.kill9();
    expect(outboxRow(dir, 'pos')).toEqual({ state: 'sending', attempts: 1 });

    const second = await child(configFile);
    const leg = await untilLeg(second, id, (l) => l.target === 'pos' && l.state === 'sent');
    expect(leg.posOrderId).toBe('P-1001');
    expect(pos.orders).toHaveLength(1);
    expect(pos.injectRequests().map((r) => [r.key, r.outcome])).toEqual([
      [id, 'stored'],
      [id, 'duplicate'],
    ]);
    await second.stop();
    expect(integrity(dir)).toBe('ok');
  }, 30_000);

  it('kill -9 while the ticket is on the printer: the restart prints it again marked POSSIBLE DUPLICATE', async () => {
    const printer = await PrinterSim.start();
    cleanups.push(() => printer.close());
    // The first connection gets its pre-print status, then no answer after the ticket.
    printer.withhold = (connection, index) => connection === 0 && index >= 3;
    const dir = dataDir();
    const configFile = writeChildConfig(dir, {
      printer: { enabled: true, host: printer.host, port: printer.port },
    });
    const first = await child(configFile);
    const id = await newStreamOrder(first.streamUrl);
    expect((await local(first.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
    await printer.waitFor(
      () => printer.tickets().length === 1 && printer.parkedConnections() === 1,
    );
    await first.kill9();
    expect(outboxRow(dir, 'printer')).toEqual({ state: 'sending', attempts: 1 });

    const second = await child(configFile);
    await untilLeg(second, id, (l) => l.target === 'printer' && l.state === 'sent');
    const [ticket, again] = printer.tickets();
    expect(again![0]).toBe('[C 2x1 B R]  POSSIBLE DUPLICATE ');
    // The same ticket, the printed time aside.
    expect(again!.slice(1, -2)).toEqual(ticket!.slice(0, -2));
    await second.stop();
    expect(integrity(dir)).toBe('ok');
  }, 30_000);
});
