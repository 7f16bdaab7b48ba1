// The steps startCounter and the shell's start-up are made of, one at a time against the fake
// Electron: the one cashier window, the tray where a desktop has none, second starts carrying a
// provisioning file, the quit sequence, known secrets, and how a start-up step fails.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../electron/core/config/load.js';
import type { Logger } from '../../electron/core/util/log.js';
import { installAppLifecycle } from '../../electron/main/app-lifecycle.js';
import { APP_ID, prepareBeforeReady } from '../../electron/main/before-ready.js';
import { CounterWindow } from '../../electron/main/counter-window.js';
import { INITIAL_COUNTER_STATE } from '../../electron/main/counter-status.js';
import { IPC_CHANNELS } from '../../electron/main/ipc.js';
import { KnownSecrets } from '../../electron/main/known-secrets.js';
import { saveFilters } from '../../electron/main/page-bridge.js';
import { acceptSecondInstances } from '../../electron/main/second-instance.js';
import { loadShellConfig } from '../../electron/main/shell-config.js';
import { StartFailure, stopOnStartFailure } from '../../electron/main/start-failure.js';
import { openTray } from '../../electron/main/tray.js';
import { createFakeElectron, fakeEvent } from '../support/fake-electron.js';
import { scratchDir } from '../support/scratch.js';

function fake(options: { trayAvailable?: boolean; lockAvailable?: boolean } = {}) {
  const dir = scratchDir('electron-steps-');
  const electron = createFakeElectron({
    appRoot: dir,
    paths: { userData: dir, logs: dir },
    ...options,
  });
  return { dir, electron };
}

/** A logger that keeps its lines, to check what a step said. */
function recordingLog() {
  const lines: { level: string; message: string; fields?: unknown }[] = [];
  const at =
    (level: string) =>
    (message: string, fields?: unknown): void => {
      lines.push({ level, message, fields });
    };
  const log: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
  return { log, lines };
}

const settings = { preload: '/p/preload.cjs', kiosk: false, devTools: false };

describe('the counter window', () => {
  it('is one window, created again when something needs it after it closed', () => {
    const { electron } = fake();
    const window = new CounterWindow(electron.api, settings, () => false);
    window.open();
    expect(electron.windows).toHaveLength(1);
    window.show();
    expect(electron.windows).toHaveLength(1);
    electron.window().close();
    expect(window.current()).toBeNull();
    expect(window.contents()).toBeNull();
    window.show();
    expect(electron.windows).toHaveLength(2);
    expect(electron.window().visible).toBe(true);
    expect(window.current()).toBe(electron.window());
  });

  it('hides instead of closing when the hook says so', () => {
    const { electron } = fake();
    let hide = true;
    const window = new CounterWindow(electron.api, settings, () => hide);
    window.open();
    electron.window().show();
    expect(electron.window().close()).toBe(false);
    expect(electron.window().visible).toBe(false);
    hide = false;
    expect(electron.window().close()).toBe(true);
    expect(window.current()).toBeNull();
  });

  it('removes the application menu only in a kiosk', () => {
    const plain = fake();
    new CounterWindow(plain.electron.api, settings, () => false).open();
    expect(plain.electron.record.applicationMenu).toBeUndefined();
    const kiosk = fake();
    new CounterWindow(kiosk.electron.api, { ...settings, kiosk: true }, () => false).open();
    expect(kiosk.electron.record.applicationMenu).toBeNull();
  });

  it('brings the window up and tells the page what to show', () => {
    const { electron } = fake();
    const window = new CounterWindow(electron.api, settings, () => false);
    window.open();
    window.command({ kind: 'show-order', orderId: 'ord_9' });
    expect(electron.window().visible).toBe(true);
    expect(electron.window().webContents.messages(IPC_CHANNELS.shell)).toEqual([
      [{ kind: 'show-order', orderId: 'ord_9' }],
    ]);
  });

  it('answers the save dialog as a path, or null when staff cancel', async () => {
    const { electron } = fake();
    const window = new CounterWindow(electron.api, settings, () => false);
    expect(await window.askSavePath({ defaultPath: 'a.csv' })).toBeNull();
    electron.answerSaveDialog({ canceled: false, filePath: '/tmp/a.csv' });
    expect(await window.askSavePath({ defaultPath: 'a.csv' })).toBe('/tmp/a.csv');
    electron.answerSaveDialog({ canceled: false });
    expect(await window.askSavePath({ defaultPath: 'a.csv' })).toBeNull();
    expect(electron.record.saveDialogs).toBe(3);
  });

  it('offers the saved file its own type in the dialog', () => {
    expect(saveFilters('csv')).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
    expect(saveFilters(null)).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});

describe('the tray', () => {
  const actions = { show() {}, openStoreControls() {}, exportDiagnostics() {}, quit() {} };

  it('is null where the desktop has none, and the log says so', () => {
    const { electron } = fake({ trayAvailable: false });
    const { log, lines } = recordingLog();
    expect(openTray(electron.api, (n) => n, actions, INITIAL_COUNTER_STATE, log)).toBeNull();
    expect(lines.map((l) => l.message)).toEqual(['no tray icon on this desktop']);
  });

  it('is an icon with its menu where there is one', () => {
    const { electron } = fake();
    const tray = openTray(
      electron.api,
      (n) => n,
      actions,
      INITIAL_COUNTER_STATE,
      recordingLog().log,
    );
    expect(tray).not.toBeNull();
    expect(electron.trays).toHaveLength(1);
    expect(electron.trays[0]!.labels()).toContain('Quit Stream Connector');
  });
});

describe('a second start', () => {
  function setup(
    provisionFile: (file: string) => Promise<{ settings: string[]; secrets: string[] }>,
    open = 0,
  ) {
    const { electron } = fake();
    const { log, lines } = recordingLog();
    let shown = 0;
    let allowed = 0;
    const second = acceptSecondInstances({
      electron: electron.api,
      show: () => shown++,
      provisionFile,
      openOrders: () => open,
      allowQuit: () => allowed++,
      log,
    });
    const start = (...argv: string[]) =>
      electron.app.emit('second-instance', fakeEvent(), ['app', ...argv], '/work/dir');
    return { electron, lines, second, start, shown: () => shown, allowed: () => allowed };
  }

  it('only brings the counter up when it carries no file', async () => {
    const s = setup(() => Promise.reject(new Error('not called')));
    s.start();
    await s.second.provisioning;
    expect(s.shown()).toBe(1);
    expect(s.electron.record.relaunched).toBe(false);
  });

  it('provisions the file it carries and restarts when no order is open', async () => {
    const files: string[] = [];
    const s = setup((file) => {
      files.push(file);
      return Promise.resolve({ settings: ['location.id'], secrets: [] });
    });
    s.start('--provision', 'store.json');
    await s.second.provisioning;
    expect(files).toEqual([path.resolve('/work/dir', 'store.json')]);
    expect(s.allowed()).toBe(1);
    expect(s.electron.record.relaunched).toBe(true);
  });

  it('keeps running with open orders: the file applies at the next start', async () => {
    const s = setup(() => Promise.resolve({ settings: [], secrets: [] }), 2);
    s.start('--provision', 'store.json');
    await s.second.provisioning;
    expect(s.electron.record.relaunched).toBe(false);
    expect(s.allowed()).toBe(0);
    expect(s.lines.map((l) => l.message)).toContain(
      'new configuration applies at the next start: orders are open',
    );
  });

  it('says why a refused file was refused, and keeps running', async () => {
    const s = setup(() => Promise.reject(new Error('acceptance.mode: invalid')));
    s.start('--provision=store.json');
    await s.second.provisioning;
    expect(s.electron.record.errorBoxes).toEqual([
      {
        title: 'Provisioning failed',
        content: `${path.resolve('/work/dir', 'store.json')}: acceptance.mode: invalid`,
      },
    ]);
    expect(s.electron.record.relaunched).toBe(false);
    expect(s.electron.record.quit).toBe(false);
  });
});

describe('the quit sequence', () => {
  function setup(stop: () => Promise<void>, hasTray = false) {
    const { electron } = fake();
    const { log, lines } = recordingLog();
    const order: string[] = [];
    installAppLifecycle({
      app: electron.api.app,
      core: {
        stop: () => {
          order.push('core.stop');
          return stop();
        },
      },
      show: () => order.push('show'),
      hasTray: () => hasTray,
      stopCounter: () => order.push('stopCounter'),
      log,
    });
    return { electron, lines, order };
  }

  it('stops the counter, then the core, then quits', async () => {
    const s = setup(() => Promise.resolve());
    s.electron.app.quit();
    expect(s.electron.record.quit).toBe(false); // held until the core has stopped
    await new Promise((resolve) => setImmediate(resolve));
    expect(s.order).toEqual(['stopCounter', 'core.stop']);
    expect(s.electron.record.quit).toBe(true);
    expect(s.electron.record.exitCode).toBeNull();
  });

  it('exits with 1 when the core does not stop cleanly', async () => {
    const s = setup(() => Promise.reject(new Error('disk gone')));
    s.electron.app.quit();
    await new Promise((resolve) => setImmediate(resolve));
    expect(s.electron.record.exitCode).toBe(1);
    expect(s.lines.map((l) => l.message)).toEqual(['connector did not stop cleanly']);
  });

  it('quits when the last window closes only without a tray', () => {
    const withTray = setup(() => Promise.resolve(), true);
    withTray.electron.app.emit('window-all-closed');
    expect(withTray.order).toEqual([]);
    const noTray = setup(() => Promise.resolve(), false);
    noTray.electron.app.emit('window-all-closed');
    expect(noTray.order).toEqual(['stopCounter', 'core.stop']);
  });

  it('brings the window up on activate (the Dock icon)', () => {
    const s = setup(() => Promise.resolve());
    s.electron.app.emit('activate');
    expect(s.order).toEqual(['show']);
  });
});

describe('known secrets', () => {
  it('holds the value of every secret key that is set, and nothing else', () => {
    const secrets = new KnownSecrets();
    secrets.addFromConfig(
      loadConfig({
        env: {},
        overrides: {
          location: { id: 'store-42' },
          stream: { webhookSecret: 'whsec-one-0123456789' },
          manager: { initialPin: '4821' },
        },
      }),
    );
    secrets.add('local-token-abc');
    expect(secrets.list().sort()).toEqual(['4821', 'local-token-abc', 'whsec-one-0123456789']);
  });
});

describe('a start-up step that cannot go on', () => {
  it('is shown, logged and exits with its code', async () => {
    const { electron } = fake();
    const { log, lines } = recordingLog();
    const result = await stopOnStartFailure(electron.api, log, () =>
      Promise.reject(new StartFailure('Stream Connector cannot open its data', 'schema 9 > 7', 3)),
    );
    expect(result).toBeNull();
    expect(electron.record.exitCode).toBe(3);
    expect(electron.record.errorBoxes).toEqual([
      { title: 'Stream Connector cannot open its data', content: 'schema 9 > 7' },
    ]);
    expect(lines).toEqual([
      {
        level: 'error',
        message: 'Stream Connector cannot open its data',
        fields: { message: 'schema 9 > 7' },
      },
    ]);
  });

  it('lets any other error through untouched', async () => {
    const { electron } = fake();
    await expect(
      stopOnStartFailure(electron.api, recordingLog().log, () => Promise.reject(new Error('bug'))),
    ).rejects.toThrow('bug');
    expect(electron.record.errorBoxes).toEqual([]);
    expect(electron.record.exitCode).toBeNull();
  });

  it('is what a refused --provision file gives, with exit code 2', async () => {
    const { dir, electron } = fake();
    const file = path.join(dir, 'store.json');
    writeFileSync(file, '{ "acceptance": { "mode": "sometimes" } }');
    const failure = await loadShellConfig({
      electron: electron.api,
      args: { provision: file, machineConfig: path.join(dir, 'none.json') },
      env: {},
      platform: 'linux',
      secrets: new KnownSecrets(),
      log: recordingLog().log,
    }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(StartFailure);
    expect(failure).toMatchObject({ title: 'Provisioning failed', exitCode: 2 });
    expect((failure as Error).message).toMatch(/store\.json: .*acceptance\.mode/);
  });
});

describe('before ready', () => {
  it('quits at once when another instance holds the lock', () => {
    const { electron } = fake({ lockAvailable: false });
    expect(prepareBeforeReady(electron.api, {}, 'linux')).toBe(false);
    expect(electron.record.quit).toBe(true);
    expect(electron.record.sandboxEnabled).toBe(false);
  });

  it('sets the sandbox, the app scheme and (Windows) the app id', () => {
    const { electron } = fake();
    expect(prepareBeforeReady(electron.api, { userData: '/data/profile' }, 'win32')).toBe(true);
    expect(electron.app.getPath('userData')).toBe('/data/profile');
    expect(electron.record.sandboxEnabled).toBe(true);
    expect(electron.record.privilegedSchemes).toHaveLength(1);
    expect(electron.record.appUserModelId).toBe(APP_ID);
  });
});
