// The counter terminal around a running connector: the cashier window and its IPC bridge, push
// events, alerts when the window is not in front, the tray, no sleep while orders are open, start
// at login, updates that wait for an idle moment, a quit that asks first, and diagnostics export.
// Wiring only: each concern lives in its own module; this is the order they are put together in.
import type { BrowserWindow } from 'electron';
import type { Clock, Config, Logger, ShellDoor } from '../core/shell-door.js';
import { installAppLifecycle } from './app-lifecycle.js';
import { CounterStatus, readCounterState } from './counter-status.js';
import { CounterWindow } from './counter-window.js';
import { diagnosticsExport, type ExportDiagnostics } from './diagnostics-export.js';
import type { ElectronApi } from './electron-api.js';
import { applyLoginItem } from './login-item.js';
import { startOrderAlerts } from './order-alerts.js';
import { connectPage } from './page-bridge.js';
import type { ProvisionResult } from './provisioning.js';
import { QuitGuard } from './quit-guard.js';
import { acceptSecondInstances } from './second-instance.js';
import { SleepBlocker } from './sleep-blocker.js';
import { openTray, type TrayController, type TrayIconName } from './tray.js';
import { createUpdateController, type UpdateController, type UpdaterLike } from './updates.js';

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
  exportDiagnostics: ExportDiagnostics;
  /** The latest provisioning handed over by a second start (settles when it is applied). */
  readonly provisioning: Promise<void>;
}

export async function startCounter(deps: CounterDeps): Promise<Counter> {
  const { electron, core, config, clock, log } = deps;
  const { app } = electron;
  const openOrders = (): number => core.openOrders();
  let tray: TrayController | null = null;

  const counterWindow: CounterWindow = new CounterWindow(
    electron,
    {
      preload: deps.paths.preload,
      icon: deps.paths.icon,
      kiosk: config.desktop.kiosk,
      devTools: !app.isPackaged,
    },
    (): boolean => config.desktop.closeToTray && tray !== null && !quitGuard.quitting,
  );
  const quitGuard: QuitGuard = new QuitGuard(
    electron,
    openOrders,
    () => counterWindow.current(),
    log,
  );
  quitGuard.install();
  counterWindow.open();
  connectPage({ electron, core, window: counterWindow, log, rendererLog: deps.rendererLog });
  const alerts = startOrderAlerts(config.desktop.notifications, core, {
    Notification: electron.Notification,
    window: () => counterWindow.current(),
    showOrder: (orderId) => counterWindow.command({ kind: 'show-order', orderId }),
    show: counterWindow.show,
    log,
  });
  const exportDiagnostics = diagnosticsExport({ ...deps, app, window: counterWindow });

  const status = new CounterStatus(() => readCounterState(core.handlers), clock, log);
  const sleep = new SleepBlocker(electron.powerSaveBlocker, log);
  tray = openTray(
    electron,
    deps.paths.trayIcon,
    {
      show: counterWindow.show,
      openStoreControls: () => counterWindow.command({ kind: 'show-store-controls' }),
      exportDiagnostics: () =>
        void exportDiagnostics().catch((err: unknown) =>
          log.error('diagnostics export failed', { err }),
        ),
      quit: () => app.quit(),
    },
    status.current(),
    log,
  );
  const updates = createUpdateController(
    { ...deps, isPackaged: app.isPackaged },
    {
      settings: config.desktop.updates,
      timeZone: config.location.timezone,
      clock,
      log,
      counter: () => ({ openOrders: openOrders(), openByHours: status.current().openingHoursOpen }),
      beforeRestart: () => quitGuard.allow(),
    },
  );
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

  const secondInstances = acceptSecondInstances({
    electron,
    show: counterWindow.show,
    provisionFile: deps.provisionFile,
    openOrders,
    allowQuit: () => quitGuard.allow(),
    log,
  });
  installAppLifecycle({
    app,
    core,
    show: counterWindow.show,
    hasTray: () => tray !== null,
    stopCounter: () => {
      status.stop();
      updates.stop();
      sleep.release();
      tray?.destroy();
    },
    log,
  });

  return {
    window: () => counterWindow.current(),
    status,
    updates,
    sleep,
    tray,
    quitGuard,
    show: counterWindow.show,
    exportDiagnostics,
    get provisioning() {
      return secondInstances.provisioning;
    },
  };
}
