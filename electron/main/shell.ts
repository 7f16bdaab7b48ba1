// The desktop shell's start-up, in order: one instance only; Electron switches that must be set
// before `ready`; logging; provisioning and configuration; the same core as headless mode, from
// the same composition root (createConnector) with its data in the user-data folder; then the
// window, IPC and the counter-terminal behaviour (counter.ts). Wiring only: no business logic.
import type { NodeLogger } from 'electron-log';
import path from 'node:path';
import {
  type Clock,
  ConfigError,
  type Connector,
  createConnector,
  type Logger,
  NewerSchemaError,
  SECRET_KEYS,
  shellDoor,
  systemClock,
} from '../core/shell-door.js';
import {
  loadDesktopConfig,
  machineConfigPath,
  userConfigPath,
  type DesktopConfig,
} from './config-sources.js';
import { startCounter, type Counter } from './counter.js';
import type { ElectronApi } from './electron-api.js';
import { hardenSession, installWebContentsGuards } from './hardening.js';
import { configureLogging, scopedLogger } from './logging.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createBundleHandler } from './protocol.js';
import { moveUserSecretsToVault, provision } from './provisioning.js';
import { SecretStoreUnavailable, SecretVault } from './secret-vault.js';
import { parseShellArgs } from './shell-args.js';
import type { UpdaterLike } from './updates.js';

/** Must equal `appId` in electron-builder.yml: Windows ties notifications to it. */
export const APP_ID = 'com.streamconnector.desktop';

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
  if (args.userData) app.setPath('userData', args.userData);
  if (!app.requestSingleInstanceLock()) {
    // The running instance gets our argv through 'second-instance' and comes to the front.
    app.quit();
    return null;
  }
  app.enableSandbox();
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (platform === 'win32') app.setAppUserModelId(APP_ID);

  const secretValues = new Set<string>();
  configureLogging(options.log, {
    logsDir: app.getPath('logs'),
    secrets: () => [...secretValues],
    consoleLevel: options.consoleLevel ?? 'info',
  });
  const log = scopedLogger(options.log, 'shell');
  installWebContentsGuards(app, log);
  const fatal = (title: string, message: string, code: number): null => {
    log.error(title, { message });
    electron.dialog.showErrorBox(title, message);
    app.exit(code);
    return null;
  };

  await app.whenReady();
  hardenSession(electron.session.defaultSession, log);
  const userData = app.getPath('userData');
  const vault = new SecretVault(
    path.join(userData, 'secrets.json'),
    electron.safeStorage,
    platform,
  );
  const userFile = userConfigPath(userData);
  const machineFile = args.machineConfig ?? machineConfigPath(platform, env);

  if (args.provision) {
    try {
      const result = await provision(args.provision, userFile, vault);
      log.info('provisioned', { from: args.provision, ...result });
    } catch (err) {
      if (err instanceof ConfigError || err instanceof SecretStoreUnavailable)
        return fatal('Provisioning failed', `${args.provision}: ${err.message}`, 2);
      throw err;
    }
  }
  const secrets = await readVault(vault, userFile, log);

  let desktopConfig: DesktopConfig;
  try {
    desktopConfig = loadDesktopConfig({
      machineFile,
      userFile,
      defaultDataDir: path.join(userData, 'data'),
      secrets,
      env,
    });
  } catch (err) {
    if (err instanceof ConfigError)
      return fatal('Stream Connector: configuration error', err.message, 2);
    throw err;
  }
  const { config } = desktopConfig;
  for (const key of SECRET_KEYS) {
    const value = key
      .split('.')
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        config,
      );
    if (typeof value === 'string') secretValues.add(value);
  }
  if (desktopConfig.plaintextMachineSecrets.length > 0)
    log.warn(
      'secrets in plain text in the machine-wide config file: import them with --provision instead',
      {
        file: machineFile,
        keys: desktopConfig.plaintextMachineSecrets,
      },
    );
  log.info('configuration loaded', { files: desktopConfig.files, dataDir: config.dataDir });

  let connector: Connector;
  try {
    connector = createConnector(config, { log: scopedLogger(options.log, 'core'), clock });
  } catch (err) {
    if (err instanceof NewerSchemaError)
      return fatal('Stream Connector cannot open its data', err.message, 3);
    throw err;
  }
  const core = shellDoor(connector);
  secretValues.add(core.localToken);
  await core.start();

  const paths = bundlePaths(app.getAppPath());
  electron.protocol.handle(APP_SCHEME, createBundleHandler(paths.ui));
  const counter = await startCounter({
    electron,
    core,
    config,
    paths,
    clock,
    log,
    rendererLog: scopedLogger(options.log, 'renderer'),
    updater: options.updater,
    platform,
    resourcesPath: options.resourcesPath,
    versions: options.versions,
    configFiles: desktopConfig.files,
    secrets: () => [...secretValues],
    provisionFile: (file) => provision(file, userFile, vault),
  });
  return { connector, counter, desktopConfig };
}

/**
 * Secrets from the vault, after moving any that were typed into the user's file. Without a
 * usable secret store the app still starts (secrets may come from CONNECTOR_* variables), and
 * says why in the log.
 */
async function readVault(
  vault: SecretVault,
  userFile: string,
  log: Logger,
): Promise<Record<string, string>> {
  try {
    const moved = await moveUserSecretsToVault(userFile, vault);
    if (moved.length > 0)
      log.info('secrets moved from the config file into the encrypted store', { keys: moved });
    return await vault.read();
  } catch (err) {
    if (err instanceof SecretStoreUnavailable || err instanceof ConfigError) {
      log.error('stored secrets are unavailable', { reason: err.message });
      return {};
    }
    throw err;
  }
}
