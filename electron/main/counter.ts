// The counter terminal around a running connector: the cashier window and its IPC bridge, push
// events, alerts when the window is not in front, the tray, no sleep while orders are open, start
// at login, updates that wait for an idle moment, a quit that asks first, and diagnostics export.
import type { BrowserWindow } from 'electron';
import path from 'node:path';
import type { Clock, Config, Logger, ShellDoor } from '../core/shell-door.js';
import type { ShellCommand } from '../../shared/contract.js';
import { CounterStatus, readCounterState } from './counter-status.js';
import { diagnosticsFileName, writeDiagnosticsArchive } from './diagnostics.js';
import type { ElectronApi } from './electron-api.js';
import { registerIpc } from './ipc.js';
import { applyLoginItem } from './login-item.js';
import { OrderAlerts } from './order-alerts.js';
import type { ProvisionResult } from './provisioning.js';
import { forwardPushEvents, sendShellCommand } from './push.js';
import { QuitGuard } from './quit-guard.js';
import { parseShellArgs } from './shell-args.js';
import { SleepBlocker } from './sleep-blocker.js';
import { TrayController, type TrayIconName } from './tray.js';
import { checkUpdateTrust } from './update-policy.js';
import { UpdateController, type UpdaterLike } from './updates.js';
import { createMainWindow, revealWindow } from './window.js';

export interface CounterDeps {
  electron: ElectronApi;
  /** The running core, through its one door (core/shell-door.ts). */
  core: ShellDoor;
  config: Config;
  paths: { preload: string; icon: string; trayIcon: (name: TrayIconName) => string };
  clock: Clock;
  log: Logger;
  rendererLog: Logger;
  updater: UpdaterLike | null;
  platform: NodeJS.Platform;
  resourcesPath: string;
  versions: Record<string, string>;
  configFiles: string[];
  secrets: () => readonly string[];
  provisionFile: (file: string) => Promise<ProvisionResult>;
}

export interface Counter {
  window(): BrowserWindow | null;
  status: CounterStatus;
  updates: UpdateController;
  sleep: SleepBlocker;
  tray: TrayController | null;
  quitGuard: QuitGuard;
  show(): void;
  exportDiagnostics(target?: string): Promise<string | null>;
  /** The latest provisioning handed over by a second start (settles when it is applied). */
  readonly provisioning: Promise<void>;
}

export async function startCounter(deps: CounterDeps): Promise<Counter> {
  const { electron, core, config, log } = deps;
  const { app } = electron;
  const openOrders = (): number => core.openOrders();
  let win: BrowserWindow | null = null;
  let tray: TrayController | null = null;

  const quitGuard = new QuitGuard(electron, openOrders, () => win, log);
  quitGuard.install();
  const createWindow = (): BrowserWindow => {
    const created = createMainWindow(
      electron,
      {
        preload: deps.paths.preload,
        icon: deps.paths.icon,
        kiosk: config.desktop.kiosk,
        devTools: !app.isPackaged,
      },
      { hideOnClose: () => config.desktop.closeToTray && tray !== null && !quitGuard.quitting },
    );
    created.on('closed', () => {
      if (win === created) win = null;
    });
    return created;
  };
  win = createWindow();
  if (config.desktop.kiosk) electron.Menu.setApplicationMenu(null);
  const contents = () => (win && !win.isDestroyed() ? win.webContents : null);
  const show = (): void => {
    win ??= createWindow();
    revealWindow(win);
  };
  const command = (c: ShellCommand): void => {
    show();
    sendShellCommand(contents, c);
  };

  registerIpc({
    ipcMain: electron.ipcMain,
    handlers: core.handlers,
    windowContentsId: () => contents()?.id ?? null,
    log,
    rendererLog: deps.rendererLog,
    saveFile: {
      defaultDir: () => app.getPath('downloads'),
      async choosePath(suggestedPath, extension) {
        const options = {
          defaultPath: suggestedPath,
          filters: extension
            ? [{ name: extension.toUpperCase(), extensions: [extension] }]
            : [{ name: 'All files', extensions: ['*'] }],
        };
        const answer = win
          ? await electron.dialog.showSaveDialog(win, options)
          : await electron.dialog.showSaveDialog(options);
        return answer.canceled || !answer.filePath ? null : answer.filePath;
      },
    },
  });
  forwardPushEvents(core, contents);
  let alerts: OrderAlerts | null = null;
  if (config.desktop.notifications) {
    alerts = new OrderAlerts({
      Notification: electron.Notification,
      window: () => win,
      showOrder: (orderId) => command({ kind: 'show-order', orderId }),
      show,
      log,
    });
    const shown = alerts;
    core.subscribe((message) => shown.handle(message));
  }

  const exportDiagnostics = async (target?: string): Promise<string | null> => {
    let file = target;
    if (!file) {
      const options = {
        title: 'Export diagnostics',
        defaultPath: path.join(
          app.getPath('documents'),
          diagnosticsFileName(new Date(deps.clock.now())),
        ),
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
      };
      const answer = win
        ? await electron.dialog.showSaveDialog(win, options)
        : await electron.dialog.showSaveDialog(options);
      if (answer.canceled || !answer.filePath) return null;
      file = answer.filePath;
    }
    await writeDiagnosticsArchive(file, {
      logsDir: app.getPath('logs'),
      config,
      configFiles: deps.configFiles,
      versions: { app: app.getVersion(), ...deps.versions, platform: deps.platform },
      ...(await core.diagnostics()),
      secrets: deps.secrets(),
      now: new Date(deps.clock.now()),
    });
    log.info('diagnostics exported', { file });
    return file;
  };

  const status = new CounterStatus(() => readCounterState(core.handlers), deps.clock, log);
  const sleep = new SleepBlocker(electron.powerSaveBlocker, log);
  try {
    tray = new TrayController(
      electron,
      deps.paths.trayIcon,
      {
        show,
        openStoreControls: () => command({ kind: 'show-store-controls' }),
        exportDiagnostics: () =>
          void exportDiagnostics().catch((err: unknown) =>
            log.error('diagnostics export failed', { err }),
          ),
        quit: () => app.quit(),
      },
      status.current(),
    );
  } catch (err) {
    // Some Linux desktops have no tray; the window then closes the app like any other.
    log.warn('no tray icon on this desktop', { err });
  }
  const updates = new UpdateController({
    updater: deps.updater ?? inertUpdater,
    settings: config.desktop.updates,
    timeZone: config.location.timezone,
    trust: deps.updater
      ? checkUpdateTrust(
          deps.platform,
          app.isPackaged,
          path.join(deps.resourcesPath, 'app-update.yml'),
        )
      : { ok: false, reason: 'no updater in this run' },
    clock: deps.clock,
    log,
    counter: () => ({ openOrders: openOrders(), openByHours: status.current().openingHoursOpen }),
    beforeRestart: () => quitGuard.allow(),
  });
  status.onChange((state, previous) => {
    tray?.update(state);
    alerts?.healthChanged(state.problems, previous.problems);
    sleep.update(state.open);
    app.setBadgeCount(state.pending);
    updates.reconsider();
  });
  await status.start(core);
  applyLoginItem(app, config.desktop.startAtLogin, deps.platform, log);
  updates.start();

  let provisioning: Promise<void> = Promise.resolve();
  app.on('second-instance', (_event, argv, workingDirectory) => {
    show();
    const file = parseShellArgs(argv, workingDirectory).provision;
    if (file) provisioning = reprovision(file);
  });
  const reprovision = async (file: string): Promise<void> => {
    try {
      const result = await deps.provisionFile(file);
      log.info('provisioned while running', { from: file, ...result });
      if (openOrders() > 0) {
        log.info('new configuration applies at the next start: orders are open');
        return;
      }
      quitGuard.allow();
      app.relaunch();
      app.quit();
    } catch (err) {
      log.error('provisioning failed', { from: file, reason: (err as Error).message });
      electron.dialog.showErrorBox('Provisioning failed', `${file}: ${(err as Error).message}`);
    }
  };
  app.on('activate', show);
  // Without this listener Electron quits when the window closes; the tray keeps the app alive.
  app.on('window-all-closed', () => {
    if (!tray) app.quit();
  });
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopped = true;
    status.stop();
    updates.stop();
    sleep.release();
    tray?.destroy();
    core.stop().then(
      () => app.quit(),
      (err: unknown) => {
        log.error('connector did not stop cleanly', { err });
        app.exit(1);
      },
    );
  });

  return {
    window: () => win,
    status,
    updates,
    sleep,
    tray,
    quitGuard,
    show,
    exportDiagnostics,
    get provisioning() {
      return provisioning;
    },
  };
}

/** Stands in when this run has no updater (development, tests): checks find nothing. */
const inertUpdater: UpdaterLike = {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  allowDowngrade: false,
  allowPrerelease: false,
  channel: null,
  setFeedURL() {},
  checkForUpdates: () => Promise.resolve(null),
  quitAndInstall() {},
  on: () => undefined,
};
