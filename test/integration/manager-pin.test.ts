// The manager PIN over real HTTP: set at first run or provisioned from config (stored only as a
// salted scrypt hash), required on manager calls (403 when missing or wrong), locked after repeated
// wrong tries (also when they arrive in parallel, and across a restart), changed with the old one.
import { afterEach, describe, expect, it } from 'vitest';
import type { ManagerPinStatus } from '../../shared/manager.js';
import type { StoreStatus } from '../../shared/store.js';
import { ManualClock } from '../../electron/core/util/clock.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { api, setupPin, TEST_PIN } from '../support/manager-client.js';

const started: TestConnector[] = [];
async function start(
  options: { clock?: ManualClock; dataDir?: string; config?: Record<string, unknown> } = {},
): Promise<TestConnector> {
  const tc = await startTestConnector(options);
  started.push(tc);
  return tc;
}
afterEach(async () => {
  for (const tc of started.splice(0).reverse()) await tc.dispose();
});

const pinRow = (tc: TestConnector) =>
  tc.connector.ctx.db.prepare('SELECT hash, set_by FROM manager_pin').get() as
    { hash: string; set_by: string } | undefined;
const verify = (tc: TestConnector, pin?: string) =>
  api(tc.localUrl, 'POST', '/api/manager/verify', { pin, actor: 'Kim' });
const pinStatus = async (tc: TestConnector) =>
  (await api<ManagerPinStatus>(tc.localUrl, 'GET', '/api/manager/pin')).body;

describe('setting the PIN', () => {
  it('is set once at first run, stored as a salted scrypt hash, and manager calls are refused until then', async () => {
    const t = await start();
    expect(await pinStatus(t)).toMatchObject({ isSet: false, lockedUntil: null });
    const early = await api(t.localUrl, 'POST', '/api/store/pause', { body: {}, pin: TEST_PIN });
    expect(early.status).toBe(403);
    expect(early.body).toMatchObject({ error: { code: 'manager_pin_not_set' } });

    const short = await api(t.localUrl, 'POST', '/api/manager/pin', { body: { pin: '12' } });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ error: { field: 'body.pin' } });

    const res = await api<ManagerPinStatus>(t.localUrl, 'POST', '/api/manager/pin', {
      body: { pin: TEST_PIN },
      actor: 'Owner',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isSet: true, setAt: t.clock.now(), failedAttempts: 0 });
    const row = pinRow(t)!;
    expect(row.hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(row.hash).not.toContain(TEST_PIN);
    expect(row.set_by).toBe('staff:Owner');

    const again = await api(t.localUrl, 'POST', '/api/manager/pin', { body: { pin: '99999999' } });
    expect(again.status).toBe(409);
    expect((await verify(t, TEST_PIN)).status).toBe(200);
    expect((await verify(t, '99999999')).status).toBe(403);

    // Two installs of the same PIN get different salts, so different hashes.
    const other = await start();
    await setupPin(other.localUrl);
    expect(pinRow(other)!.hash).not.toBe(row.hash);
  });

  it('is provisioned from config manager.initialPin as its hash only, and a PIN changed later wins over config', async () => {
    const t = await start({ config: { manager: { initialPin: '97531' } } });
    expect(await pinStatus(t)).toMatchObject({ isSet: true });
    expect(pinRow(t)!.set_by).toBe('config');
    expect(pinRow(t)!.hash).not.toContain('97531');
    expect((await verify(t, '97531')).status).toBe(200);

    const changed = await api(t.localUrl, 'PUT', '/api/manager/pin', {
      body: { pin: '86420' },
      pin: '97531',
    });
    expect(changed.status).toBe(200);
    await t.stop();
    const again = await start({ dataDir: t.dataDir, config: { manager: { initialPin: '97531' } } });
    expect((await verify(again, '86420')).status).toBe(200);
    expect((await verify(again, '97531')).status).toBe(403);
  });

  it('changes only with the current PIN', async () => {
    const t = await start();
    await setupPin(t.localUrl);
    const without = await api(t.localUrl, 'PUT', '/api/manager/pin', { body: { pin: '11223344' } });
    expect(without.status).toBe(403);
    const wrong = await api(t.localUrl, 'PUT', '/api/manager/pin', {
      body: { pin: '11223344' },
      pin: '00000000',
    });
    expect(wrong.status).toBe(403);
    expect(
      (
        await api(t.localUrl, 'PUT', '/api/manager/pin', {
          body: { pin: '11223344' },
          pin: TEST_PIN,
        })
      ).status,
    ).toBe(200);
    expect((await verify(t, TEST_PIN)).status).toBe(403);
    expect((await verify(t, '11223344')).status).toBe(200);
  });
});

describe('lockout', () => {
  const config = { manager: { pinMaxAttempts: 3, pinLockoutSeconds: 120 } };

  it('locks after repeated wrong tries, refuses even the right PIN while locked, also after a restart, then unlocks', async () => {
    const t = await start({ config });
    await setupPin(t.localUrl);
    const first = await verify(t, '00000001');
    expect(first.body).toMatchObject({
      error: {
        code: 'manager_pin_wrong',
        message: 'wrong manager PIN (2 tries left before it locks)',
      },
    });
    expect((await verify(t, '00000002')).body).toMatchObject({
      error: { code: 'manager_pin_wrong' },
    });
    const third = await verify(t, '00000003');
    expect(third.status).toBe(403);
    expect(third.body).toMatchObject({ error: { code: 'manager_pin_locked' } });
    const lockedUntil = t.clock.now() + 120_000;
    expect(await pinStatus(t)).toMatchObject({ lockedUntil, failedAttempts: 3, maxAttempts: 3 });

    const right = await api(t.localUrl, 'POST', '/api/store/pause', { body: {}, pin: TEST_PIN });
    expect(right.status).toBe(403);
    expect(right.body).toMatchObject({ error: { code: 'manager_pin_locked' } });
    expect((await api<StoreStatus>(t.localUrl, 'GET', '/api/store')).body.state).toBe('open');

    // A restart is not a free reset.
    await t.stop();
    const clock = new ManualClock(t.clock.now() + 60_000);
    const again = await start({ dataDir: t.dataDir, clock, config });
    expect((await verify(again, TEST_PIN)).body).toMatchObject({
      error: { code: 'manager_pin_locked' },
    });
    clock.advance(60_000 - 1);
    expect((await verify(again, TEST_PIN)).status).toBe(403);
    clock.advance(1);
    expect((await verify(again, TEST_PIN)).status).toBe(200);
    expect(await pinStatus(again)).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
    // The count starts afresh after the lock: one wrong try does not lock again.
    expect((await verify(again, '00000004')).body).toMatchObject({
      error: { code: 'manager_pin_wrong' },
    });
  });

  it('counts wrong guesses sent in parallel, so a burst cannot get past the limit', async () => {
    const t = await start({ config });
    await setupPin(t.localUrl);
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => verify(t, String(10_000_000 + i))),
    );
    expect(burst.every((r) => r.status === 403)).toBe(true);
    expect((await pinStatus(t)).lockedUntil).not.toBeNull();
    expect((await verify(t, TEST_PIN)).body).toMatchObject({
      error: { code: 'manager_pin_locked' },
    });
  });

  it('a right PIN resets the count of wrong ones', async () => {
    const t = await start({ config });
    await setupPin(t.localUrl);
    await verify(t, '00000001');
    await verify(t, '00000002');
    expect((await verify(t, TEST_PIN)).status).toBe(200);
    expect((await verify(t, '00000003')).body).toMatchObject({
      error: { code: 'manager_pin_wrong' },
    });
  });
});
