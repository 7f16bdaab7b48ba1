// The manager PIN over real HTTP: set at first run (at the counter through the desktop bridge, or
// over HTTP only with the counter's one-time setup code) or provisioned from config (stored only
// as a salted scrypt hash), required on manager calls (403 when missing or wrong), locked after
// repeated wrong tries (also when they arrive in parallel, and across a restart), each lockout in
// a row twice as long as the last, audited and announced; changed with the old one.
import { afterEach, describe, expect, it } from 'vitest';
import type { ManagerPinStatus } from '../../shared/manager.js';
import type { StoreStatus } from '../../shared/store.js';
import { ManualClock } from '../../electron/core/util/clock.js';
import { dispatchCall } from '../../electron/main/ipc.js';
import { silentLogger } from '../../electron/core/util/log.js';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startChildConnector, writeChildConfig } from '../support/child-connector.js';
import { startTestConnector, tempDataDir, type TestConnector } from '../support/connector.js';
import { api, recordPush, setupPin, TEST_PIN } from '../support/manager-client.js';

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

    const setupCode = t.connector.pins.currentSetupCode()!;
    expect(setupCode).toMatch(/^\d{6}$/);
    const res = await api<ManagerPinStatus>(t.localUrl, 'POST', '/api/manager/pin', {
      body: { pin: TEST_PIN, setupCode },
      actor: 'Owner',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isSet: true, setAt: t.clock.now(), failedAttempts: 0 });
    const row = pinRow(t)!;
    expect(row.hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(row.hash).not.toContain(TEST_PIN);
    expect(row.set_by).toBe('staff:Owner');

    const again = await api(t.localUrl, 'POST', '/api/manager/pin', {
      body: { pin: '99999999', setupCode },
    });
    expect(again.status).toBe(409);
    expect(t.connector.pins.currentSetupCode()).toBeNull();
    expect((await verify(t, TEST_PIN)).status).toBe(200);
    expect((await verify(t, '99999999')).status).toBe(403);

    // Two installs of the same PIN get different salts, so different hashes.
    const other = await start();
    await setupPin(other);
    expect(pinRow(other)!.hash).not.toBe(row.hash);
  });

  it('is never set by whoever calls the API first: over HTTP only with the setup code the counter shows, which wrong tries replace', async () => {
    const t = await start();
    const code = t.connector.pins.currentSetupCode()!;
    const tokenOnly = await api(t.localUrl, 'POST', '/api/manager/pin', {
      body: { pin: '13579' },
    });
    expect(tokenOnly.status).toBe(403);
    expect(tokenOnly.body).toMatchObject({
      error: { code: 'setup_code_required', field: 'setupCode' },
    });
    // The code is for the counter's own screen: no HTTP route gives it out, however spelled.
    for (const path of ['/api/manager/pin/setup-code', '/api/manager/pin/setup-code/'])
      expect((await api(t.localUrl, 'GET', path)).status).toBe(404);
    const wrongCode = code === '000000' ? '000001' : '000000';
    for (let i = 1; i <= 4; i++) {
      const wrong = await api(t.localUrl, 'POST', '/api/manager/pin', {
        body: { pin: '13579', setupCode: wrongCode },
      });
      expect(wrong.body).toMatchObject({ error: { code: 'setup_code_wrong' } });
    }
    expect(t.connector.pins.currentSetupCode()).toBe(code);
    const fifth = await api(t.localUrl, 'POST', '/api/manager/pin', {
      body: { pin: '13579', setupCode: wrongCode },
    });
    expect(fifth.body).toMatchObject({
      error: { message: expect.stringContaining('now shows a new one') as unknown },
    });
    // Codes wait a minute now (twice as long after each further replacement), even the new one.
    const fresh = t.connector.pins.currentSetupCode()!;
    const waiting = await api(t.localUrl, 'POST', '/api/manager/pin', {
      body: { pin: '13579', setupCode: fresh },
    });
    expect(waiting.body).toMatchObject({ error: { code: 'setup_code_locked' } });
    t.clock.advance(60_000);
    // The old code is spent: a guesser gets five tries per code and per wait.
    const stale = await api(t.localUrl, 'POST', '/api/manager/pin', {
      body: { pin: '13579', setupCode: fresh === code ? wrongCode : code },
    });
    expect(stale.body).toMatchObject({ error: { code: 'setup_code_wrong' } });
    expect(await pinStatus(t)).toMatchObject({ isSet: false });
    const audit = await api<{ entries: { action: string }[] }>(t.localUrl, 'GET', '/api/audit');
    expect(
      audit.body.entries.filter((e) => e.action === 'manager.pin.setup_code_wrong'),
    ).toHaveLength(6);
    // The counter's new code, after the wait, sets it.
    const set = await api(t.localUrl, 'POST', '/api/manager/pin', {
      body: { pin: '13579', setupCode: fresh },
    });
    expect(set.status).toBe(200);
  });

  it('at the counter, the desktop bridge shows the setup code and sets the first PIN without it', async () => {
    const t = await start();
    const shown = await dispatchCall(
      t.connector.handlers,
      'getManagerPinSetupCode',
      {},
      {},
      silentLogger,
    );
    expect(shown).toEqual({ ok: true, data: { setupCode: t.connector.pins.currentSetupCode() } });
    const set = await dispatchCall(
      t.connector.handlers,
      'setupManagerPin',
      { pin: '24680' },
      { actor: 'Owner' },
      silentLogger,
    );
    expect(set).toMatchObject({ ok: true, data: { isSet: true } });
    expect(pinRow(t)!.set_by).toBe('staff:Owner');
    expect((await verify(t, '24680')).status).toBe(200);
    const after = await dispatchCall(
      t.connector.handlers,
      'getManagerPinSetupCode',
      {},
      {},
      silentLogger,
    );
    expect(after).toEqual({ ok: true, data: { setupCode: null } });
  });

  it('headless mode prints the setup code on its console (never in the log file), and that code sets the first PIN', async () => {
    const dataDir = tempDataDir();
    const child = await startChildConnector(writeChildConfig(dataDir));
    try {
      await new Promise((r) => setTimeout(r, 200));
      const code = /Manager PIN setup code: (\d{6})/.exec(child.output())?.[1];
      expect(code, child.output()).toBeDefined();
      const wrong = await api(child.localUrl, 'POST', '/api/manager/pin', {
        body: { pin: '13579', setupCode: code === '000000' ? '000001' : '000000' },
      });
      expect(wrong.status).toBe(403);
      const set = await api(child.localUrl, 'POST', '/api/manager/pin', {
        body: { pin: '13579', setupCode: code },
      });
      expect(set.status).toBe(200);
      const log = readFileSync(path.join(dataDir, 'logs', 'connector.log'), 'utf8');
      expect(log).toContain('manager.pin.set');
      expect(log).not.toContain(code!);
    } finally {
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);

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
    await setupPin(t);
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
    await setupPin(t);
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
    await setupPin(t);
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => verify(t, String(10_000_000 + i))),
    );
    expect(burst.every((r) => r.status === 403)).toBe(true);
    expect((await pinStatus(t)).lockedUntil).not.toBeNull();
    expect((await verify(t, TEST_PIN)).body).toMatchObject({
      error: { code: 'manager_pin_locked' },
    });
  });

  it('each lockout in a row lasts twice as long as the last, up to the cap; each is audited and announced; a right PIN clears them', async () => {
    const t = await start({
      config: { manager: { pinMaxAttempts: 2, pinLockoutSeconds: 100, pinLockoutMaxSeconds: 300 } },
    });
    await setupPin(t);
    const push = recordPush(t.connector.ctx.bus);
    const lockedFor = async (): Promise<number> => {
      await verify(t, '00000001');
      const locked = await verify(t, '00000002');
      expect(locked.body).toMatchObject({ error: { code: 'manager_pin_locked' } });
      const until = (await pinStatus(t)).lockedUntil!;
      const ms = until - t.clock.now();
      t.clock.advance(ms);
      return ms;
    };
    // 100 s, 200 s, then the 300 s cap (not 400), and the cap again.
    expect([await lockedFor(), await lockedFor(), await lockedFor(), await lockedFor()]).toEqual([
      100_000, 200_000, 300_000, 300_000,
    ]);
    expect(await pinStatus(t)).toMatchObject({ lockouts: 4 });
    const announced = push.of('manager.pin.updated');
    expect(announced.map((s) => s.lockouts)).toEqual([1, 2, 3, 4]);
    expect(announced[3]!.lastLockedAt).not.toBeNull();
    const audit = await api<{ entries: { action: string; detail: string | null }[] }>(
      t.localUrl,
      'GET',
      '/api/audit',
    );
    expect(
      audit.body.entries.filter((e) => e.action === 'manager.pin.locked').map((e) => e.detail),
    ).toEqual([
      'lockout 1 in a row: locked for 100 s',
      'lockout 2 in a row: locked for 200 s',
      'lockout 3 in a row: locked for 300 s',
      'lockout 4 in a row: locked for 300 s',
    ]);

    // The right PIN clears the streak (and the manager's banner): the next lockout is 100 s again.
    expect((await verify(t, TEST_PIN)).status).toBe(200);
    expect(await pinStatus(t)).toMatchObject({ lockouts: 0 });
    expect(push.of('manager.pin.updated').at(-1)).toMatchObject({ lockouts: 0 });
    expect(await lockedFor()).toBe(100_000);
  });

  it('a right PIN resets the count of wrong ones', async () => {
    const t = await start({ config });
    await setupPin(t);
    await verify(t, '00000001');
    await verify(t, '00000002');
    expect((await verify(t, TEST_PIN)).status).toBe(200);
    expect((await verify(t, '00000003')).body).toMatchObject({
      error: { code: 'manager_pin_wrong' },
    });
  });
});
