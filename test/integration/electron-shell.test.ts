// The whole shell started as main.ts starts it, with the Electron test double in place of
// Electron and everything else real: provisioning and config files on disk, the encrypted vault,
// the same connector as headless mode (real SQLite, real HTTP on loopback), electron-log writing
// files. Stream orders arrive over HTTP and the test watches what the shell does with them.
import Database from 'better-sqlite3';
import baseLog from 'electron-log/node';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/util/clock.js';
import { IPC_CHANNELS } from '../../electron/main/ipc.js';
import { APP_ENTRY_URL } from '../../electron/main/protocol.js';
import { runShell, type Shell } from '../../electron/main/shell.js';
import { createFakeElectron, FakeUpdater, type FakeElectron } from '../support/fake-electron.js';
import { orderCreated } from '../support/orders.js';
import { TEST_INBOUND_TOKEN, TEST_WEBHOOK_SECRET } from '../support/secrets.js';
import { sendToStreamListener } from '../support/stream-client.js';
import { readZip } from '../support/zip.js';

// Monday 2026-11-23, 12:00 in New York (the store's time zone below).
const NOON_NY = Date.UTC(2026, 10, 23, 17, 0);
const THREE_AM_NY_NEXT_DAY = Date.UTC(2026, 10, 24, 8, 0);

interface Started {
  shell: Shell | null;
  electron: FakeElectron;
  updater: FakeUpdater;
  clock: ManualClock;
  dir: string;
  userData: string;
}

const running: Started[] = [];
let logId = 0;

async function start(
  options: {
    userConfig?: unknown;
    machineConfig?: unknown;
    argv?: string[];
    lockAvailable?: boolean;
  } = {},
): Promise<Started> {
  const dir = mkdtempSync(path.join(tmpdir(), 'electron-shell-'));
  const appRoot = path.join(dir, 'app');
  mkdirSync(path.join(appRoot, 'renderer', 'dist'), { recursive: true });
  writeFileSync(
    path.join(appRoot, 'renderer', 'dist', 'index.html'),
    '<!doctype html><title>Stream Connector</title>',
  );
  const resources = path.join(dir, 'resources');
  mkdirSync(resources);
  writeFileSync(
    path.join(resources, 'app-update.yml'),
    'provider: generic\nurl: https://updates.example.com/\n',
  );
  const userData = path.join(dir, 'user');
  const machineFile = path.join(dir, 'machine.json');
  if (options.userConfig !== undefined) {
    mkdirSync(userData, { recursive: true });
    writeFileSync(path.join(userData, 'config.json'), JSON.stringify(options.userConfig));
  }
  if (options.machineConfig !== undefined)
    writeFileSync(machineFile, JSON.stringify(options.machineConfig));
  const electron = createFakeElectron({
    appRoot,
    paths: {
      userData: path.join(dir, 'default-user-data'),
      logs: path.join(dir, 'logs'),
      documents: dir,
    },
    isPackaged: true,
    lockAvailable: options.lockAvailable ?? true,
  });
  const updater = new FakeUpdater();
  const clock = new ManualClock(NOON_NY);
  const shell = await runShell({
    electron: electron.api,
    log: baseLog.create({ logId: `shell-test-${process.pid}-${logId++}` }),
    updater,
    argv: [
      'electron',
      '.',
      '--user-data',
      userData,
      '--machine-config',
      machineFile,
      ...(options.argv ?? []),
    ],
    env: {},
    platform: 'linux',
    resourcesPath: resources,
    versions: { electron: '45.4.1', node: process.versions.node },
    clock,
    consoleLevel: false,
  });
  const started = { shell, electron, updater, clock, dir, userData };
  running.push(started);
  return started;
}

afterEach(async () => {
  for (const { shell, dir } of running.splice(0)) {
    if (shell) await shell.connector.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** What IT drops in place: a store's settings, with secrets, listening on free loopback ports. */
const storeConfig = {
  location: { id: 'store-1', name: 'Main St', timezone: 'America/New_York' },
  stream: {
    port: 0,
    webhookSecret: TEST_WEBHOOK_SECRET,
    inboundToken: TEST_INBOUND_TOKEN,
    apiUrl: 'http://127.0.0.1:9',
    partnerSlug: 'test-pos',
  },
  local: { port: 0 },
};

async function newOrder(s: Started): Promise<string> {
  const shell = s.shell!;
  const address = shell.connector.streamServer.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const res = await sendToStreamListener<{ order: { provider_id: string } }>(
    `http://127.0.0.1:${port}`,
    orderCreated(),
  );
  expect(res.status).toBe(200);
  await shell.counter.status.refresh();
  return res.body.order.provider_id;
}

function callFromPage(s: Started, name: string, request: unknown) {
  const page = s.electron.window().webContents;
  return s.electron.ipcMain.invoke(IPC_CHANNELS.call, page.ipcEvent(), name, request) as Promise<{
    ok: boolean;
  }>;
}

describe('start-up', () => {
  it('starts one hardened instance of the same core, with its data in the user-data folder', async () => {
    const s = await start({ userConfig: storeConfig });
    expect(s.shell).not.toBeNull();
    expect(s.electron.record.sandboxEnabled).toBe(true);
    expect(s.electron.record.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
      },
    ]);
    expect(s.shell!.connector.config.dataDir).toBe(path.join(s.userData, 'data'));
    expect(existsSync(path.join(s.userData, 'data', 'connector.db'))).toBe(true);
    expect(s.electron.window().loadedUrl).toBe(APP_ENTRY_URL);
    expect(s.electron.session.permissionRequestHandler).not.toBeNull();
    // The alert sound plays without a tap in the desktop window (issue 14).
    expect(s.electron.window().options.webPreferences).toMatchObject({
      autoplayPolicy: 'no-user-gesture-required',
    });
  });

  it('calls what Electron needs before ready before it, and the rest after', async () => {
    const s = await start({ userConfig: storeConfig });
    expect(s.electron.record.calls).toEqual([
      'app.setPath',
      'app.requestSingleInstanceLock',
      'app.enableSandbox',
      'protocol.registerSchemesAsPrivileged',
      'app.whenReady',
      'session.setPermissionRequestHandler',
      'protocol.handle',
      'new BrowserWindow',
    ]);
  });

  it('moves secrets out of the config file into the encrypted store, and keeps them out of the log', async () => {
    const s = await start({ userConfig: storeConfig });
    const userFile = readFileSync(path.join(s.userData, 'config.json'), 'utf8');
    expect(userFile).not.toContain(TEST_WEBHOOK_SECRET);
    expect(userFile).not.toContain(TEST_INBOUND_TOKEN);
    expect(readFileSync(path.join(s.userData, 'secrets.json'), 'utf8')).not.toContain(
      TEST_WEBHOOK_SECRET,
    );
    expect(s.shell!.connector.config.stream.webhookSecret).toBe(TEST_WEBHOOK_SECRET);
    s.shell!.connector.ctx.log.warn(
      `diagnostic with ${TEST_WEBHOOK_SECRET} and ${s.shell!.connector.localToken}`,
    );
    const log = readFileSync(path.join(s.dir, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('diagnostic with [redacted] and [redacted]');
    expect(log).toContain('(shell) configuration loaded');
  });

  it('leaves at once when another instance runs', async () => {
    const s = await start({ userConfig: storeConfig, lockAvailable: false });
    expect(s.shell).toBeNull();
    expect(s.electron.record.quit).toBe(true);
    expect(s.electron.windows).toHaveLength(0);
  });

  it('stops with a dialog naming the file and key when the configuration is wrong', async () => {
    const s = await start({ machineConfig: { acceptance: { mode: 'sometimes' } } });
    expect(s.shell).toBeNull();
    expect(s.electron.record.exitCode).toBe(2);
    expect(s.electron.record.errorBoxes[0]!.content).toMatch(/machine\.json: acceptance\.mode/);
  });

  it('refuses a database written by a newer version with a clear dialog (a rollback fails safe)', async () => {
    const first = await start({ userConfig: storeConfig });
    const dataDir = first.shell!.connector.config.dataDir;
    await first.shell!.connector.stop();
    const db = new Database(path.join(dataDir, 'connector.db'));
    db.pragma('user_version = 999');
    db.close();
    const s = await start({ userConfig: { ...storeConfig, dataDir } });
    expect(s.shell).toBeNull();
    expect(s.electron.record.exitCode).toBe(3);
    expect(s.electron.record.errorBoxes).toEqual([
      {
        title: 'Stream Connector cannot open its data',
        content: expect.stringContaining('newer than this build supports') as unknown,
      },
    ]);
  });

  it('applies --provision before starting, under the machine-wide file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'provision-'));
    const file = path.join(dir, 'store-42.json');
    writeFileSync(
      file,
      JSON.stringify({ ...storeConfig, location: { ...storeConfig.location, id: 'store-42' } }),
    );
    const s = await start({
      machineConfig: { location: { name: 'From IT' }, desktop: { kiosk: true } },
      argv: ['--provision', file],
    });
    expect(s.shell!.connector.config.location).toMatchObject({ id: 'store-42', name: 'Main St' });
    expect(s.shell!.connector.config.desktop.kiosk).toBe(true);
    expect(s.electron.window().options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(s.electron.record.applicationMenu).toBeNull();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a second start', () => {
  it('brings the running window up, and takes over a --provision file, restarting only when idle', async () => {
    const s = await start({ userConfig: storeConfig });
    const dir = mkdtempSync(path.join(tmpdir(), 'provision-'));
    writeFileSync(
      path.join(dir, 'store.json'),
      JSON.stringify({ ...storeConfig, location: { ...storeConfig.location, name: 'Renamed' } }),
    );
    await newOrder(s);
    s.electron.window().hide();

    s.electron.app.emit(
      'second-instance',
      {},
      ['Stream Connector.exe', '--provision', 'store.json'],
      dir,
      {},
    );
    expect(s.electron.window().visible).toBe(true);
    await s.shell!.counter.provisioning;
    expect(readFileSync(path.join(s.userData, 'config.json'), 'utf8')).toContain('Renamed');
    expect(s.electron.record.relaunched).toBe(false); // an order is open: applies at the next start

    const id = (await s.shell!.connector.handlers.listOrders({ limit: 10 }, { actor: 'test' }))
      .orders[0]!.id;
    expect((await callFromPage(s, 'rejectOrder', { id, code: 'store_busy' })).ok).toBe(true);
    const quit = new Promise((resolve) => s.electron.app.once('quit', resolve));
    s.electron.app.emit(
      'second-instance',
      {},
      ['Stream Connector.exe', '--provision', 'store.json'],
      dir,
      {},
    );
    await quit;
    expect(s.electron.record.relaunched).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('serving the UI', () => {
  it('answers app:// requests from the bundle with the CSP, GET only', async () => {
    const s = await start({ userConfig: storeConfig });
    const page = await s.electron.protocol.fetch(APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Stream Connector</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(
      (await s.electron.protocol.fetch(APP_ENTRY_URL, { method: 'POST', body: 'x' })).status,
    ).toBe(405);
    expect(
      (await s.electron.protocol.fetch('app://bundle/..%2f..%2fresources%2fapp-update.yml')).status,
    ).toBe(404);
  });
});

describe('a day at the counter', () => {
  it('pushes a new order to the page, alerts staff, shows it in the tray and keeps the system awake', async () => {
    const s = await start({ userConfig: storeConfig });
    const win = s.electron.window();
    const tray = s.electron.trays[0]!;
    expect(tray.tooltip).toBe('Stream Connector: Online');
    expect(s.electron.powerSaveBlocker.active()).toEqual([]);

    const id = await newOrder(s);
    const pushed = win.webContents
      .messages(IPC_CHANNELS.push)
      .map(([m]) => m as { event: string; data: { id: string } });
    expect(pushed).toContainEqual(
      expect.objectContaining({
        event: 'order.created',
        data: expect.objectContaining({ id }) as unknown,
      }),
    );
    expect(s.electron.notifications.map((n) => n.options.title)).toEqual([
      'New order: accept or reject',
    ]);
    expect(win.flashing).toBe(true);
    expect(tray.tooltip).toBe('Stream Connector: Online · 1 order waiting');
    expect(s.electron.record.badgeCount).toBe(1);
    expect(s.electron.powerSaveBlocker.active()).toEqual(['prevent-app-suspension']);

    expect((await callFromPage(s, 'acceptOrder', { id })).ok).toBe(true);
    await s.shell!.counter.status.refresh();
    expect(tray.tooltip).toBe('Stream Connector: Online · 1 in progress');
    expect(s.electron.record.badgeCount).toBe(0);

    expect((await callFromPage(s, 'setOrderStatus', { id, status: 'completed' })).ok).toBe(true);
    await s.shell!.counter.status.refresh();
    expect(tray.tooltip).toBe('Stream Connector: Online');
    expect(s.electron.powerSaveBlocker.active()).toEqual([]);
  });

  it('opens the store controls from the tray, and an order from its notification', async () => {
    const s = await start({ userConfig: storeConfig });
    const id = await newOrder(s);
    const page = s.electron.window().webContents;
    s.electron.trays[0]!.clickItem('Pause store…');
    s.electron.notifications[0]!.click();
    expect(page.messages(IPC_CHANNELS.shell)).toEqual([
      [{ kind: 'show-store-controls' }],
      [{ kind: 'show-order', orderId: id }],
    ]);
    expect(s.electron.window()).toMatchObject({ visible: true, focused: true });
  });

  it('hides to the tray when the window is closed', async () => {
    const s = await start({ userConfig: storeConfig });
    const win = s.electron.window();
    expect(win.close()).toBe(false);
    expect(win.visible).toBe(false);
    s.electron.trays[0]!.clickItem('Show Stream Connector');
    expect(win.visible).toBe(true);
  });

  it('asks before quitting with open orders, then stops the core cleanly', async () => {
    const s = await start({ userConfig: storeConfig });
    await newOrder(s);
    s.electron.trays[0]!.clickItem('Quit Stream Connector');
    await new Promise((resolve) => setImmediate(resolve));
    expect(s.electron.record.messageBoxes).toEqual([
      { message: '1 order is still open.', buttons: ['Keep running', 'Quit anyway'] },
    ]);
    expect(s.electron.record.quit).toBe(false);

    const quit = new Promise((resolve) => s.electron.app.once('quit', resolve));
    s.electron.answerNextMessageBox(1);
    s.electron.trays[0]!.clickItem('Quit Stream Connector');
    await quit;
    expect(s.electron.window().destroyed).toBe(true);
    expect(s.electron.trays[0]!.destroyed).toBe(true);
    expect(s.shell!.connector.ctx.db.open).toBe(false);
  });

  it('exports one diagnostics archive with logs, redacted config and an integrity check', async () => {
    const s = await start({ userConfig: storeConfig });
    const target = path.join(s.dir, 'diag.zip');
    // From the tray it asks where to save; canceling writes nothing.
    s.electron.answerSaveDialog({ canceled: true });
    s.electron.trays[0]!.clickItem('Export diagnostics…');
    expect(s.electron.record.saveDialogs).toBe(1);
    expect(await s.shell!.counter.exportDiagnostics()).toBeNull();
    expect(existsSync(target)).toBe(false);
    expect(await s.shell!.counter.exportDiagnostics(target)).toBe(target);
    const entries = await readZip(target);
    expect(entries.get('integrity-check.txt')).toBe('ok\n');
    expect(entries.get('logs/main.log')).toContain('configuration loaded');
    expect(JSON.parse(entries.get('versions.json')!)).toMatchObject({
      app: '0.1.0',
      electron: '45.4.1',
      platform: 'linux',
    });
    for (const [name, text] of entries) {
      expect(text, name).not.toContain(TEST_WEBHOOK_SECRET);
      expect(text, name).not.toContain(s.shell!.connector.localToken);
    }
  });
});

describe('updates', () => {
  it('never restarts with an order open or in business hours; installs at the first idle moment at night', async () => {
    const s = await start({ userConfig: storeConfig });
    expect(s.updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
    });
    expect(s.updater.checks).toBe(1);
    const id = await newOrder(s);

    s.updater.emit('update-downloaded', { version: '0.2.0' });
    expect(s.shell!.counter.updates.current()).toEqual({
      state: 'waiting',
      version: '0.2.0',
      reason: '1 open order',
    });

    expect((await callFromPage(s, 'rejectOrder', { id, code: 'store_busy' })).ok).toBe(true);
    await s.shell!.counter.status.refresh();
    expect(s.shell!.counter.updates.current()).toMatchObject({
      state: 'waiting',
      reason: 'outside the restart window',
    });
    expect(s.updater.installs).toEqual([]);

    s.clock.moveTo(THREE_AM_NY_NEXT_DAY);
    s.clock.advance(60_000);
    expect(s.updater.installs).toEqual([[true, true]]);
    expect(s.shell!.counter.quitGuard.quitting).toBe(true);
  });
});
