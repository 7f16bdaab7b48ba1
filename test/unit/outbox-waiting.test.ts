// "The oldest waiting message" means one thing everywhere: health (`streamBacklog`) and the fleet
// metrics and heartbeats (`laneBacklog`) both age a replayed event from its replay, the moment
// it got a fresh retry budget, not from when it was first written. Real SQLite file, real rows.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { OutboxWriter } from '../../electron/core/outbox/enqueue.js';
import { OutboxQueries } from '../../electron/core/outbox/queries.js';
import { OutboxRepository } from '../../electron/core/outbox/repository.js';
import { laneBacklog } from '../../electron/core/outbox/stats.js';
import { locationStatusUpdated } from '../../electron/core/stream/protocol/index.js';
import { scratchDir } from '../support/scratch.js';

const MINUTE = 60_000;

describe('the oldest waiting outbox message', () => {
  it('is aged from its replay by health and by metrics alike', () => {
    const db = openDatabase(path.join(scratchDir('connector-waiting-'), 'c.db'));
    const writer = new OutboxWriter(db);
    const stream = new OutboxRepository(db, 'stream');
    const queries = new OutboxQueries(db);
    const event = locationStatusUpdated('store-1', false);
    const written = 1_000_000;
    writer.enqueue({ id: 'evt-1', lane: 'stream', orderingKey: 'location', event, now: written });
    // Stream refused it for good; an hour later a manager replays it.
    expect(stream.claim('evt-1', written)).toBe(true);
    stream.markDead('evt-1', { status: 400, error: 'refused', response: null });
    const replayed = written + 60 * MINUTE;
    expect(stream.replay('evt-1', replayed)).toBe(true);

    const now = replayed + 2 * MINUTE;
    const health = queries.streamBacklog();
    const metrics = laneBacklog(db, now).find((b) => b.lane === 'stream')!;
    expect(health).toMatchObject({ pending: 1, oldestPendingSince: replayed });
    expect(metrics).toEqual({ lane: 'stream', depth: 1, oldestAgeMs: 2 * MINUTE });
    expect(now - health.oldestPendingSince!).toBe(metrics.oldestAgeMs);

    // A row never replayed waits from its first write, in both.
    writer.enqueue({ id: 'evt-2', lane: 'printer', orderingKey: 'o1', event, now: written });
    expect(laneBacklog(db, now).find((b) => b.lane === 'printer')).toEqual({
      lane: 'printer',
      depth: 1,
      oldestAgeMs: now - written,
    });
    db.close();
  });
});
