// The configuration this start runs with, in order: a `--provision <file>` given on the command
// line is applied first; secrets typed into the user's file move into the encrypted vault; then
// the layers (defaults < machine file < user file < stored secrets < CONNECTOR_* variables) are
// merged and checked. Every secret it holds is known to the log redaction before anything logs
// the configuration.
import path from 'node:path';
import { ConfigError, type Logger } from '../core/shell-door.js';
import {
  loadDesktopConfig,
  machineConfigPath,
  userConfigPath,
  type DesktopConfig,
} from './config-sources.js';
import type { ElectronApi } from './electron-api.js';
import type { KnownSecrets } from './known-secrets.js';
import { moveUserSecretsToVault, provision, type ProvisionResult } from './provisioning.js';
import { SecretStoreUnavailable, SecretVault } from './secret-vault.js';
import type { ShellArgs } from './shell-args.js';
import { StartFailure } from './start-failure.js';

export interface ShellConfigSources {
  electron: Pick<ElectronApi, 'app' | 'safeStorage'>;
  args: ShellArgs;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  secrets: KnownSecrets;
  log: Logger;
}

export interface ShellConfig {
  desktopConfig: DesktopConfig;
  /** Provisions a file into this user's config and vault (a second start hands one over). */
  provisionFile: (file: string) => Promise<ProvisionResult>;
}

/** Throws a StartFailure when the provisioning file or the merged configuration is refused. */
export async function loadShellConfig(sources: ShellConfigSources): Promise<ShellConfig> {
  const { electron, args, env, platform, log } = sources;
  const userData = electron.app.getPath('userData');
  const vault = new SecretVault(
    path.join(userData, 'secrets.json'),
    electron.safeStorage,
    platform,
  );
  const userFile = userConfigPath(userData);
  const machineFile = args.machineConfig ?? machineConfigPath(platform, env);

  if (args.provision) await provisionAtStart(args.provision, userFile, vault, log);
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
      throw new StartFailure('Stream Connector: configuration error', err.message, 2);
    throw err;
  }
  const { config } = desktopConfig;
  sources.secrets.addFromConfig(config);
  if (desktopConfig.plaintextMachineSecrets.length > 0)
    log.warn(
      'secrets in plain text in the machine-wide config file: import them with --provision instead',
      { file: machineFile, keys: desktopConfig.plaintextMachineSecrets },
    );
  log.info('configuration loaded', { files: desktopConfig.files, dataDir: config.dataDir });
  return { desktopConfig, provisionFile: (file) => provision(file, userFile, vault) };
}

async function provisionAtStart(
  file: string,
  userFile: string,
  vault: SecretVault,
  log: Logger,
): Promise<void> {
  try {
    const result = await provision(file, userFile, vault);
    log.info('provisioned', { from: file, ...result });
  } catch (err) {
    if (err instanceof ConfigError || err instanceof SecretStoreUnavailable)
      throw new StartFailure('Provisioning failed', `${file}: ${err.message}`, 2);
    throw err;
  }
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
