// The update deferral policy: a downloaded update restarts the app only with no open order and
// outside opening hours (or, without configured hours, inside the restart window in store
// time); otherwise it waits for the next idle moment or the next quit. And updates stay off
// where they could not be verified.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../electron/core/config/load.js';
import { ManualClock } from '../../electron/core/util/clock.js';
import { silentLogger } from '../../electron/core/util/log.js';
import {
  checkUpdateTrust,
  decideRestart,
  inRestartWindow,
  localMinutes,
} from '../../electron/main/update-policy.js';
import { UpdateController } from '../../electron/main/updates.js';
import { FakeUpdater } from '../support/fake-electron.js';
import { scratchDir } from '../support/scratch.js';

// 2026-11-23 is a Monday; New York is UTC-5 then.
const NY_0300 = Date.UTC(2026, 10, 23, 8, 0);
const NY_1200 = Date.UTC(2026, 10, 23, 17, 0);

describe('restart window', () => {
  it('reads the local time in the store time zone', () => {
    expect(localMinutes(NY_0300, 'America/New_York')).toBe(3 * 60);
    expect(localMinutes(NY_0300, 'Europe/Berlin')).toBe(9 * 60);
  });

  it.each([
    ['02:00', '05:00', '01:59', false],
    ['02:00', '05:00', '02:00', true],
    ['02:00', '05:00', '04:59', true],
    ['02:00', '05:00', '05:00', false],
    ['23:00', '04:00', '23:30', true],
    ['23:00', '04:00', '03:59', true],
    ['23:00', '04:00', '12:00', false],
    ['00:00', '00:00', '12:00', true],
  ])('%s–%s at %s → %s', (from, to, at, expected) => {
    const [h, m] = at.split(':').map(Number);
    const now = Date.UTC(2026, 10, 23, h, m);
    expect(inRestartWindow(now, 'UTC', { from, to })).toBe(expected);
  });

  it('follows daylight saving time (New York 03:00 is 07:00 UTC in summer, 08:00 in winter)', () => {
    const window = { from: '02:00', to: '05:00' };
    expect(inRestartWindow(Date.UTC(2026, 6, 1, 7, 0), 'America/New_York', window)).toBe(true);
    expect(inRestartWindow(Date.UTC(2026, 6, 1, 9, 30), 'America/New_York', window)).toBe(false);
    expect(inRestartWindow(Date.UTC(2026, 11, 1, 9, 30), 'America/New_York', window)).toBe(true);
  });
});

describe('decideRestart', () => {
  it.each([
    [
      { openOrders: 1, openByHours: false, inRestartWindow: true },
      { restart: false, reason: '1 open order' },
    ],
    [
      { openOrders: 3, openByHours: null, inRestartWindow: true },
      { restart: false, reason: '3 open orders' },
    ],
    [
      { openOrders: 0, openByHours: true, inRestartWindow: true },
      { restart: false, reason: 'the store is open (opening hours)' },
    ],
    [
      { openOrders: 0, openByHours: null, inRestartWindow: false },
      { restart: false, reason: 'outside the restart window' },
    ],
    [{ openOrders: 0, openByHours: null, inRestartWindow: true }, { restart: true }],
    // Configured hours say closed: that is idle enough, whatever the restart window says.
    [{ openOrders: 0, openByHours: false, inRestartWindow: false }, { restart: true }],
  ])('%j → %j', (input, decision) => {
    expect(decideRestart(input)).toEqual(decision);
  });
});

function controller(
  options: {
    settings?: Record<string, unknown>;
    trust?: { ok: true } | { ok: false; reason: string };
  } = {},
) {
  const updater = new FakeUpdater();
  const clock = new ManualClock(NY_1200);
  const counter = { openOrders: 0, openByHours: null as boolean | null };
  let allowed = 0;
  const settings = loadConfig({
    env: {},
    overrides: { desktop: { updates: options.settings ?? {} } },
  }).desktop.updates;
  const updates = new UpdateController({
    updater,
    settings,
    timeZone: 'America/New_York',
    trust: options.trust ?? { ok: true },
    clock,
    log: silentLogger,
    counter: () => counter,
    beforeRestart: () => allowed++,
  });
  return { updater, clock, counter, updates, allowed: () => allowed };
}

describe('UpdateController', () => {
  it('configures the updater safely and checks at start and on the interval', () => {
    const { updater, clock, updates } = controller({
      settings: {
        feedUrl: 'https://updates.example.com/connector',
        channel: 'beta',
        checkIntervalMinutes: 60,
      },
    });
    updates.start();
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: true,
      channel: 'beta',
    });
    expect(updater.feed).toEqual({
      provider: 'generic',
      url: 'https://updates.example.com/connector',
      channel: 'beta',
    });
    expect(updater.checks).toBe(1);
    clock.advance(60 * 60_000);
    expect(updater.checks).toBe(2);
    clock.advance(2 * 60 * 60_000);
    expect(updater.checks).toBe(4);
  });

  it('keeps the built-in feed when none is configured', () => {
    const { updater, updates } = controller();
    updates.start();
    expect(updater.feed).toBeNull();
    expect(updater.channel).toBeNull();
  });

  it('never restarts while orders are open; installs at the first idle moment in the window', () => {
    const { updater, clock, counter, updates, allowed } = controller();
    updates.start();
    counter.openOrders = 2;
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(updates.current()).toEqual({
      state: 'waiting',
      version: '0.2.0',
      reason: '2 open orders',
    });

    counter.openOrders = 0;
    updates.reconsider();
    expect(updates.current()).toEqual({
      state: 'waiting',
      version: '0.2.0',
      reason: 'outside the restart window',
    });
    expect(updater.installs).toEqual([]);

    clock.moveTo(NY_0300 + 24 * 3600_000 - 60_000); // 02:59 the next night, with an order open
    counter.openOrders = 1;
    clock.advance(60_000);
    expect(updater.installs).toEqual([]);

    counter.openOrders = 0;
    clock.advance(60_000);
    expect(updater.installs).toEqual([[true, true]]);
    expect(allowed()).toBe(1);
    expect(updates.current()).toEqual({ state: 'installing', version: '0.2.0' });
    clock.advance(60_000);
    expect(updater.installs).toHaveLength(1);
  });

  it('uses opening hours instead of the window when they are configured', () => {
    const { updater, counter, updates } = controller();
    updates.start();
    counter.openByHours = true;
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(updates.current()).toMatchObject({
      state: 'waiting',
      reason: 'the store is open (opening hours)',
    });
    counter.openByHours = false; // closed at noon: a closed day
    updates.reconsider();
    expect(updater.installs).toEqual([[true, true]]);
  });

  it.each([
    [{ settings: { enabled: false } }, 'desktop.updates.enabled is false'],
    [{ trust: { ok: false as const, reason: 'not a packaged build' } }, 'not a packaged build'],
  ])('stays off when %j', (options, reason) => {
    const { updater, updates } = controller(options);
    updates.start();
    expect(updates.current()).toEqual({ state: 'disabled', reason });
    expect(updater.checks).toBe(0);
    expect(updater.listenerCount('update-downloaded')).toBe(0);
  });
});

describe('checkUpdateTrust', () => {
  const yml = (text: string | null) => {
    const dir = scratchDir('electron-trust-');
    const file = path.join(dir, 'app-update.yml');
    if (text !== null) writeFileSync(file, text);
    return file;
  };

  it('needs a packaged build with app-update.yml', () => {
    expect(checkUpdateTrust('linux', false, yml('provider: generic\n'))).toEqual({
      ok: false,
      reason: 'not a packaged build',
    });
    expect(checkUpdateTrust('darwin', true, yml(null)).ok).toBe(false);
    expect(
      checkUpdateTrust('darwin', true, yml('provider: generic\nurl: https://u.example/\n')),
    ).toEqual({ ok: true });
  });

  it('on Windows, refuses updates unless the installer was signed (publisherName pinned)', () => {
    expect(
      checkUpdateTrust('win32', true, yml('provider: generic\nurl: https://u.example/\n')),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('not code-signed') as unknown });
    expect(
      checkUpdateTrust(
        'win32',
        true,
        yml('provider: generic\npublisherName:\n  - Acme Restaurants Inc\n'),
      ),
    ).toEqual({ ok: true });
    expect(
      checkUpdateTrust(
        'win32',
        true,
        yml("provider: generic\npublisherName: 'Acme Restaurants Inc'\n"),
      ),
    ).toEqual({ ok: true });
  });
});
