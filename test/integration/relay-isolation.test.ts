// Per-store NATS credentials (nats-server users with permissions): a store can serve only its
// own location. Another store's credentials can neither subscribe to its subject nor answer on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errors, type NatsConnection } from '@nats-io/transport-node';
import { connectNats } from '../../electron/core/relay/connect.js';
import { storeInboxPrefix, storeSubject } from '../../electron/core/relay/wire.js';
import { GATEWAY_NATS_USER, startNats, storeNatsUser, type NatsNode } from '../support/nats.js';

let nats: NatsNode;
const open: NatsConnection[] = [];

async function as(user: { user: string; password: string }, inboxPrefix?: string) {
  const nc = await connectNats(
    { url: nats.url, ...user },
    { name: user.user, ...(inboxPrefix ? { inboxPrefix } : {}) },
  );
  open.push(nc);
  return nc;
}

beforeAll(async () => {
  nats = await startNats({ stores: ['store-1', 'store-2'] });
});
afterAll(async () => {
  await Promise.all(open.map((nc) => nc.close()));
  await nats?.stop();
});

describe('subject isolation', () => {
  it('refuses another store’s subscription to a store’s subject', async () => {
    const rogue = await as(storeNatsUser('store-2'), storeInboxPrefix('store-2'));
    const sub = rogue.subscribe(storeSubject('store-1'));
    const error = await (async () => {
      try {
        for await (const _ of sub) return null;
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(errors.PermissionViolationError);
  });

  it('lets only the store answer, and refuses a forged answer from another store', async () => {
    const owner = await as(storeNatsUser('store-1'), storeInboxPrefix('store-1'));
    owner.subscribe(storeSubject('store-1'), {
      callback: (_e, m) => void m.respond('from store-1'),
    });
    await owner.flush();
    const rogue = await as(storeNatsUser('store-2'), storeInboxPrefix('store-2'));
    const violations: string[] = [];
    void (async () => {
      for await (const s of rogue.status())
        if (s.type === 'error' && s.error instanceof errors.PermissionViolationError)
          violations.push(s.error.subject);
    })();
    const gateway = await as(GATEWAY_NATS_USER);
    // The rogue tries to answer on the gateway's reply inboxes and to publish on the subject.
    rogue.publish('_INBOX.forged', 'forged');
    rogue.publish(storeSubject('store-1'), 'forged request');
    await rogue.flush().catch(() => undefined);
    const answer = await gateway.request(storeSubject('store-1'), 'hello', { timeout: 5000 });
    expect(answer.string()).toBe('from store-1');
    const end = Date.now() + 5000;
    while (violations.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    expect(violations.sort()).toEqual(['_INBOX.forged', storeSubject('store-1')].sort());
  });

  it('lets a store subscribe to its own subject', async () => {
    const owner = await as(storeNatsUser('store-2'), storeInboxPrefix('store-2'));
    owner.subscribe(storeSubject('store-2'), { callback: (_e, m) => void m.respond('ok') });
    await owner.flush();
    const gateway = await as(GATEWAY_NATS_USER);
    expect((await gateway.request(storeSubject('store-2'), 'x', { timeout: 5000 })).string()).toBe(
      'ok',
    );
  });
});
