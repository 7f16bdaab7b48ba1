// Updates from the configured feed through electron-updater: checked at start and every
// `desktop.updates.checkIntervalMinutes`, downloaded in the background, verified by the updater
// (sha512 always; code signature on Windows and macOS), then installed either at the first idle
// moment the restart policy allows (update-policy.ts) or when the app quits. Never downgraded:
// a rollback is an install done by IT, and the database refuses a schema newer than the build.
import path from 'node:path';
import type { CancelTimer, Clock, Config, Logger } from '../core/shell-door.js';
import {
  checkUpdateTrust,
  decideRestart,
  inRestartWindow,
  type UpdateTrust,
} from './update-policy.js';

/** The part of electron-updater's AppUpdater the controller uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  channel: string | null;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export type UpdateState =
  | { state: 'disabled'; reason: string }
  | { state: 'idle' }
  | { state: 'waiting'; version: string; reason: string }
  | { state: 'installing'; version: string };

export interface UpdateControllerDeps {
  updater: UpdaterLike;
  settings: Config['desktop']['updates'];
  timeZone: string;
  trust: UpdateTrust;
  clock: Clock;
  log: Logger;
  /** Open orders and opening hours now. */
  counter: () => { openOrders: number; openByHours: boolean | null };
  /** Called just before the updater quits the app to install (lets the quit guard through). */
  beforeRestart: () => void;
}

const RECONSIDER_MS = 60_000;

export class UpdateController {
  private status: UpdateState = { state: 'idle' };
  private timers: CancelTimer[] = [];

  constructor(private readonly deps: UpdateControllerDeps) {}

  current(): UpdateState {
    return this.status;
  }

  start(): void {
    const { updater, settings, trust, log } = this.deps;
    if (!settings.enabled) return this.disable('desktop.updates.enabled is false');
    if (!trust.ok) return this.disable(trust.reason);
    // Setting a channel makes electron-updater allow downgrades, so the order here matters.
    if (settings.channel !== 'latest') updater.channel = settings.channel;
    updater.allowPrerelease = settings.channel !== 'latest';
    updater.allowDowngrade = false;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    if (settings.feedUrl)
      updater.setFeedURL({
        provider: 'generic',
        url: settings.feedUrl,
        ...(settings.channel !== 'latest' ? { channel: settings.channel } : {}),
      });
    updater.on('update-downloaded', (info) => {
      log.info('update downloaded and verified', { version: info.version });
      this.status = { state: 'waiting', version: info.version, reason: 'not yet considered' };
      this.reconsider();
    });
    updater.on('error', (err) => log.warn('update check or download failed', { err }));
    this.checkNow();
    this.every(settings.checkIntervalMinutes * 60_000, () => this.checkNow());
    this.every(RECONSIDER_MS, () => this.reconsider());
    log.info('updates on', { feed: settings.feedUrl ?? '(built in)', channel: settings.channel });
  }

  /** Install now if an update waits and the policy allows a restart; called on every counter change too. */
  reconsider(): void {
    if (this.status.state !== 'waiting') return;
    const { openOrders, openByHours } = this.deps.counter();
    const decision = decideRestart({
      openOrders,
      openByHours,
      inRestartWindow: inRestartWindow(
        this.deps.clock.now(),
        this.deps.timeZone,
        this.deps.settings.restartWindow,
      ),
    });
    const { version } = this.status;
    if (!decision.restart) {
      if (this.status.reason !== decision.reason)
        this.deps.log.info('update waits', {
          version,
          reason: decision.reason,
          then: 'installs at the next idle moment or on quit',
        });
      this.status = { state: 'waiting', version, reason: decision.reason };
      return;
    }
    this.status = { state: 'installing', version };
    this.deps.log.info('restarting to install update', { version });
    this.deps.beforeRestart();
    this.deps.updater.quitAndInstall(true, true);
  }

  stop(): void {
    for (const cancel of this.timers) cancel();
    this.timers = [];
  }

  private disable(reason: string): void {
    this.status = { state: 'disabled', reason };
    this.deps.log.warn('updates off', { reason });
  }

  private checkNow(): void {
    this.deps.updater
      .checkForUpdates()
      .catch((err: unknown) => this.deps.log.warn('update check failed', { err }));
  }

  private every(ms: number, fn: () => void): void {
    const index = this.timers.length;
    const arm = (): void => {
      this.timers[index] = this.deps.clock.setTimer(() => {
        fn();
        arm();
      }, ms);
    };
    arm();
  }
}

export interface UpdaterSetup {
  /** electron-updater's autoUpdater; null in runs without one (development, tests). */
  updater: UpdaterLike | null;
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** Where app-update.yml lives. */
  resourcesPath: string;
}

/** The controller for this run: its updater (or one that finds nothing) and whether to trust it. */
export function createUpdateController(
  setup: UpdaterSetup,
  deps: Omit<UpdateControllerDeps, 'updater' | 'trust'>,
): UpdateController {
  const { updater } = setup;
  return new UpdateController({
    ...deps,
    updater: updater ?? inertUpdater,
    trust: updater
      ? checkUpdateTrust(
          setup.platform,
          setup.isPackaged,
          path.join(setup.resourcesPath, 'app-update.yml'),
        )
      : { ok: false, reason: 'no updater in this run' },
  });
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
