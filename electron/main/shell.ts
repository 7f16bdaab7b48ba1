// The desktop shell's start-up, in order: one instance only; Electron switches that must be set
// before `ready`; logging; provisioning and configuration; the same core as headless mode, from
// the same composition root (createConnector) with its data in the user-data folder; then the
// window, IPC and the counter-terminal behaviour (counter.ts). Wiring only: each step lives in
// its own module, and this file is the order they run in.
import type { NodeLogger } from 'electron-log';
import path from 'node:path';
import { type Clock, type Connector, systemClock } from '../core/shell-door.js';
import { prepareBeforeReady } from './before-ready.js';
import type { DesktopConfig } from './config-sources.js';
import { startCounter, type Counter } from './counter.js';
import type { ElectronApi } from './electron-api.js';
import { hardenSession, installWebContentsGuards } from './hardening.js';
import { KnownSecrets } from './known-secrets.js';
import { configureLogging, scopedLogger } from './logging.js';
import { APP_SCHEME, createBundleHandler } from './protocol.js';
import { loadShellConfig } from './shell-config.js';
import { parseShellArgs } from './shell-args.js';
import { startCore } from './start-core.js';
import { stopOnStartFailure } from './start-failure.js';
import type { UpdaterLike } from './updates.js';

export interface ShellOptions {
  electron: ElectronApi;
  /** electron-log's main-process logger. */
  log: NodeLogger;
  /** electron-updater's autoUpdater; null leaves updates off. */
  updater: UpdaterLike | null;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Where app-update.yml lives (process.resourcesPath in a packaged app). */
  resourcesPath: string;
  versions: Record<string, string>;
  clock?: Clock;
  /** Console output level (the log file always gets info and up); false for none. */
  consoleLevel?: 'info' | 'warn' | 'error' | false;
}

export interface Shell {
  /** The connector this process owns (tests look inside it); the shell's own code goes through
   * `shellDoor(connector)` and nothing else. */
  connector: Connector;
  counter: Counter;
  desktopConfig: DesktopConfig;
}

/** Paths inside the app (the asar archive when packaged). */
export function bundlePaths(appRoot: string) {
  return {
    ui: path.join(appRoot, 'renderer', 'dist'),
    preload: path.join(appRoot, 'dist', 'electron', 'preload', 'preload.cjs'),
    icon: path.join(appRoot, 'resources', 'icon.png'),
    trayIcon: (name: string) => path.join(appRoot, 'resources', 'tray', `${name}.png`),
  };
}

export async function runShell(options: ShellOptions): Promise<Shell | null> {
  // Everything before `await app.whenReady()` must stay synchronous: with an ESM entry point,
  // Electron only guarantees `ready` has not fired while main.js itself is being evaluated, and
  // the calls up to there (setPath, the lock, sandbox, privileged schemes) must precede `ready`.
  const { electron, env, platform } = options;
  const { app } = electron;
  const clock = options.clock ?? systemClock;
  const args = parseShellArgs(options.argv);
  if (!prepareBeforeReady(electron, args, platform)) return null;
  const secrets = new KnownSecrets();
  configureLogging(options.log, {
    logsDir: app.getPath('logs'),
    secrets: secrets.list,
    consoleLevel: options.consoleLevel ?? 'info',
  });
  const log = scopedLogger(options.log, 'shell');
  installWebContentsGuards(app, log);

  await app.whenReady();
  hardenSession(electron.session.defaultSession, log);
  const started = await stopOnStartFailure(electron, log, async () => {
    const shellConfig = await loadShellConfig({ electron, args, env, platform, secrets, log });
    const coreLog = scopedLogger(options.log, 'core');
    const core = await startCore(
      shellConfig.desktopConfig.config,
      { log: coreLog, clock },
      secrets,
    );
    return { ...shellConfig, ...core };
  });
  if (!started) return null;
  const { desktopConfig, connector, core } = started;

  const paths = bundlePaths(app.getAppPath());
  electron.protocol.handle(APP_SCHEME, createBundleHandler(paths.ui));
  const counter = await startCounter({
    electron,
    core,
    config: desktopConfig.config,
    paths,
    clock,
    log,
    rendererLog: scopedLogger(options.log, 'renderer'),
    updater: options.updater,
    platform,
    resourcesPath: options.resourcesPath,
    versions: options.versions,
    configFiles: desktopConfig.files,
    secrets: secrets.list,
    provisionFile: started.provisionFile,
  });
  return { connector, counter, desktopConfig };
}
