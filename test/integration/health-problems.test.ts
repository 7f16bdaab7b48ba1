// Health tells the truth (issue 14): `/api/health` is `ok` only when nothing is wrong, and each
// problem is named with since when and what to do, appearing and clearing as things change:
// Stream never reached, events undelivered for more than 10 s, no contact for too long, dead
// letters, Stream's clock far from ours. The log has a line when each appears and clears.
import { afterEach, describe, expect, it } from 'vitest';
import type { Health } from '../../shared/contract.js';
import { createLogger } from '../../electron/core/util/log.js';
import { answer, startWithFakeStream, type WithFakeStream } from '../support/fake-stream.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

let s: WithFakeStream | undefined;
afterEach(async () => {
  await s?.dispose();
  s = undefined;
});

async function accept(w: WithFakeStream): Promise<string> {
  const res = await sendToStreamListener<{ order: { provider_id: string } }>(
    w.t.streamUrl,
    orderCreated(),
  );
  const id = res.body.order.provider_id;
  expect((await local(w.t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
  return id;
}

const health = async (w: WithFakeStream): Promise<Health> =>
  (await local<Health>(w.t.localUrl, 'GET', '/api/health')).body;
const codes = (h: Health): string[] => h.problems.map((p) => p.code);

describe('health problems', () => {
  it('Stream never reached: named with since-when and what to do, then cleared when Stream answers', async () => {
    const lines: string[] = [];
    s = await startWithFakeStream({
      log: createLogger({ secrets: [], sink: (l) => lines.push(l) }),
    });
    const startedAt = s.t.clock.now();
    expect(await health(s)).toMatchObject({ status: 'ok', problems: [] });

    s.fake.behave(() => answer(503));
    await accept(s);
    await s.drive(() => s!.t.clock.now() >= startedAt + 11_000, { maxClockMs: 20_000 });
    let h = await health(s);
    expect(h.status).toBe('degraded');
    expect(codes(h)).toEqual(['stream_never_reached', 'stream_undelivered']);
    const undelivered = h.problems.find((p) => p.code === 'stream_undelivered')!;
    expect(undelivered).toMatchObject({ area: 'stream', since: startedAt, count: 1 });
    expect(undelivered.message).toMatch(/Stream is not getting our answers/);
    expect(undelivered.action.length).toBeGreaterThan(20);
    expect(h.problems[0]!.since).toBe(startedAt);

    s.fake.behave(null);
    await s.drive(s.allDelivered(1), { maxClockMs: 60_000 });
    h = await health(s);
    expect(h).toMatchObject({ status: 'ok', problems: [] });
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; code?: string });
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'health: problem', code: 'stream_undelivered' }),
    );
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'health: problem cleared', code: 'stream_undelivered' }),
    );
  });

  it('no contact for longer than health.streamContactMaxAgeSeconds while events wait', async () => {
    s = await startWithFakeStream({ config: { health: { streamContactMaxAgeSeconds: 60 } } });
    const id = await accept(s);
    await s.drive(s.allDelivered(1));
    const contactAt = s.t.clock.now();
    s.fake.behave(() => answer(503));
    await local(s.t.localUrl, 'POST', `/api/orders/${id}/status`, { status: 'preparing' });
    await s.drive(() => s!.t.clock.now() >= contactAt + 61_000, { maxClockMs: 120_000 });
    const h = await health(s);
    expect(codes(h)).toEqual(['stream_contact_old', 'stream_undelivered']);
    expect(h.problems[0]!.since).toBe(contactAt);
  });

  it('dead letters are a problem until replayed and delivered', async () => {
    s = await startWithFakeStream();
    s.fake.behave(() => answer(400));
    await accept(s);
    await s.drive(() => s!.fake.requests.length >= 1);
    let h = await health(s);
    expect(h.problems).toEqual([
      expect.objectContaining({ code: 'dead_letters', count: 1, area: 'stream' }),
    ]);
    s.fake.behave(null);
    const [dead] = s.t.connector.streamLane.repository.list('dead', 1);
    expect((await local(s.t.localUrl, 'POST', `/api/outbox/${dead!.id}/replay`)).status).toBe(200);
    await s.drive(s.allDelivered(1));
    h = await health(s);
    expect(h.status).toBe('ok');
  });

  it("Stream's clock far from ours is named, with the difference", async () => {
    s = await startWithFakeStream();
    s.fake.clockSkewMs = 95_000;
    await accept(s);
    await s.drive(s.allDelivered(1));
    const h = await health(s);
    expect(h.problems).toEqual([
      expect.objectContaining({ code: 'clock_skew', area: 'clock', count: 95 }),
    ]);
    expect(h.problems[0]!.message).toMatch(/95 s behind/);
  });
});
