// The connector's /metrics on the Local listener, behind the Local API token: after real orders
// through the real Stream listener, decisions delivered to a fake Stream over HTTP, a real TCP
// kitchen printer and a fake POS, every series says what the database, the outbox delivery rows,
// the printer watch and the POS check say — not what anything claimed.
import { afterEach, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../electron/core/api/health.js';
import { laneBacklog } from '../../electron/core/outbox/stats.js';
import { startPosRig, type PosRig } from '../support/fake-pos.js';
import { answer } from '../support/fake-stream.js';
import { orderCreated } from '../support/orders.js';
import { families, parseExposition, sample, type Sample } from '../support/prom-text.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

const CHECK_EVERY_S = 60;

let rig: PosRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

async function scrape(r: PosRig): Promise<{ text: string; samples: Sample[] }> {
  const res = await fetch(`${r.t.localUrl}/metrics`, {
    headers: { authorization: `Bearer ${TEST_LOCAL_TOKEN}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  const text = await res.text();
  return { text, samples: parseExposition(text) };
}

async function newOrder(r: PosRig, source: string): Promise<string> {
  const res = await sendToStreamListener<{ order: { provider_id: string } }>(
    r.t.streamUrl,
    orderCreated({ source }),
  );
  expect(res.status).toBe(200);
  return res.body.order.provider_id;
}

/** The printer watch's next reading (the first is due at start), as the watch tests drive it. */
async function printerCheck(r: PosRig, advanceMs: number): Promise<void> {
  const before = r.t.connector.pos.printerLatest();
  r.clock.advance(advanceMs);
  const end = Date.now() + 10_000;
  // The reading counts once the watch has it (its answer re-arms the next check from then).
  while (r.t.connector.pos.printerLatest() === before) {
    if (Date.now() > end) throw new Error('the printer watch took no reading');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await r.settle();
}

const decisionRows = (r: PosRig) =>
  r.t.connector.ctx.db
    .prepare(
      `SELECT kind, created_at, sent_at FROM outbox
        WHERE lane = 'stream' AND state = 'sent' AND kind IN ('order.accepted', 'order.rejected')`,
    )
    .all() as { kind: string; created_at: number; sent_at: number }[];

describe('connector /metrics', () => {
  it('refuses a scrape without the Local API token, however the path is spelled', async () => {
    rig = await startPosRig({ posDriver: 'none' });
    const url = rig.t.localUrl;
    for (const path of ['/metrics', '/%6detrics', '/x/../metrics']) {
      const res = await fetch(url + path);
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    const wrong = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it('reports orders, decisions delivered, missed, backlog, POS, printer and storage from real state', async () => {
    rig = await startPosRig({
      printer: true,
      stream: true,
      config: { printer: { statusCheckSeconds: CHECK_EVERY_S } },
    });
    const r = rig;
    const { clock } = r;
    await printerCheck(r, 0);
    // Stream refuses the first event once: that decision reaches Stream only on the retry, so
    // its latency is the real backoff, not zero.
    r.stream!.queue(answer(503));
    const accepted = await newOrder(r, 'uber');
    const rejected = await newOrder(r, 'doordash');
    await newOrder(r, 'uber'); // left to expire
    expect(
      (await local(r.t.localUrl, 'POST', `/api/orders/${accepted}/accept`, { prepTimeMinutes: 15 }))
        .status,
    ).toBe(200);
    expect(
      (
        await local(r.t.localUrl, 'POST', `/api/orders/${rejected}/reject`, {
          code: 'store_busy',
          reason: 'Rush',
        })
      ).status,
    ).toBe(200);
    clock.advance(45_000); // the third order's staff window runs out: missed
    await r.drive(() => r.stream!.effects.length === 3 && decisionRows(r).length === 3);
    const pending = await newOrder(r, 'phone');
    expect(pending).toBeTruthy();
    await r.settle();

    const { text, samples } = await scrape(r);
    const types = families(text);
    expect(types.get('stream_connector_decision_to_stream_seconds')).toBe('histogram');
    expect(types.get('stream_connector_orders')).toBe('gauge');

    const orders = samples.filter((s) => s.name === 'stream_connector_orders');
    expect(orders.map((s) => ({ ...s.labels, n: s.value }))).toEqual(
      expect.arrayContaining([
        { source: 'uber', outcome: 'accepted', n: 1 },
        { source: 'uber', outcome: 'missed', n: 1 },
        { source: 'doordash', outcome: 'rejected', n: 1 },
        { source: 'phone', outcome: 'pending', n: 1 },
      ]),
    );
    expect(orders).toHaveLength(4);
    expect(sample(samples, 'stream_connector_pending_orders')).toBe(1);
    expect(sample(samples, 'stream_connector_missed_orders_today')).toBe(1);

    // Decisions: accepted 1, rejected 2 (the staff's and the expiry's), timed from the rows.
    const rows = decisionRows(r);
    for (const [decision, kind] of [
      ['accepted', 'order.accepted'],
      ['rejected', 'order.rejected'],
    ] as const) {
      const mine = rows.filter((row) => row.kind === kind);
      const seconds = mine.reduce((s, row) => s + (row.sent_at - row.created_at) / 1000, 0);
      expect(
        sample(samples, 'stream_connector_decision_to_stream_seconds_count', { decision }),
      ).toBe(mine.length);
      expect(
        sample(samples, 'stream_connector_decision_to_stream_seconds_sum', { decision }),
      ).toBeCloseTo(seconds, 6);
    }
    expect(rows.filter((row) => row.kind === 'order.rejected')).toHaveLength(2);
    // The refused first attempt made one decision wait for its retry.
    expect(Math.max(...rows.map((row) => row.sent_at - row.created_at))).toBeGreaterThan(0);

    expect(sample(samples, 'stream_connector_pos_up')).toBe(1);
    expect(sample(samples, 'stream_connector_printer_up')).toBe(1);
    expect(sample(samples, 'stream_connector_storage_up')).toBe(1);
    const health = await local<{ outbox: { lastStreamContactAt: number } }>(
      r.t.localUrl,
      'GET',
      '/api/health',
    );
    expect(sample(samples, 'stream_connector_stream_last_contact_age_seconds')).toBeCloseTo(
      (clock.now() - health.body.outbox.lastStreamContactAt) / 1000,
      6,
    );
    expect(sample(samples, 'stream_connector_build_info', { version: APP_VERSION })).toBe(1);
  });

  it('shows a backlog waiting for Stream, a printer out of paper and a POS that is gone', async () => {
    rig = await startPosRig({
      printer: true,
      stream: true,
      config: { printer: { statusCheckSeconds: CHECK_EVERY_S } },
    });
    const r = rig;
    await printerCheck(r, 0);
    r.printer!.state.paperOut = true;
    await printerCheck(r, CHECK_EVERY_S * 1000);
    r.stream!.behave(() => answer(503));
    const id = await newOrder(r, 'uber');
    await local(r.t.localUrl, 'POST', `/api/orders/${id}/accept`, { prepTimeMinutes: 15 });
    await r.settle();
    r.clock.advance(30_000);
    await r.settle();
    await r.pos.close();

    const { samples } = await scrape(r);
    const backlog = laneBacklog(r.t.connector.ctx.db, r.clock.now());
    const stream = backlog.find((b) => b.lane === 'stream')!;
    expect(stream.depth).toBe(1);
    expect(stream.oldestAgeMs).toBeGreaterThanOrEqual(30_000);
    for (const b of backlog) {
      expect(sample(samples, 'stream_connector_outbox_depth', { lane: b.lane })).toBe(b.depth);
      expect(
        sample(samples, 'stream_connector_outbox_oldest_age_seconds', { lane: b.lane }),
      ).toBeCloseTo(b.oldestAgeMs / 1000, 6);
    }
    expect(sample(samples, 'stream_connector_printer_up')).toBe(0);
    expect(sample(samples, 'stream_connector_pos_up')).toBe(0);
    // Stream never took anything from this store.
    expect(sample(samples, 'stream_connector_stream_last_contact_age_seconds')).toBe(Infinity);
  });
});
