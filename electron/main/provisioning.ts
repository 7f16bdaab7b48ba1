// IT provisioning: `--provision <file>` makes a terminal a given store in one step. The file is
// checked against the config schema as a whole before anything is written; its secrets go to
// the encrypted vault and everything else becomes the user's config file (the previous one is
// kept as config.json.bak). Nothing is half-applied: a refused secret store stops it all.
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../core/shell-door.js';
import { readConfigLayer, type Layer } from './config-sources.js';
import { splitSecrets, type SecretVault } from './secret-vault.js';

export interface ProvisionResult {
  /** Non-secret keys written to the user's config file. */
  settings: string[];
  /** Secret keys stored in the vault (never their values). */
  secrets: string[];
}

function leafKeys(layer: Layer, prefix = ''): string[] {
  return Object.entries(layer).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? leafKeys(value as Layer, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function writeJsonAtomic(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(value, null, 2) + '\n', { mode: 0o600 });
  renameSync(temp, file);
}

export async function provision(
  file: string,
  userFile: string,
  vault: SecretVault,
): Promise<ProvisionResult> {
  const layer = readConfigLayer(path.resolve(file));
  if (!layer) throw new ConfigError(`${file}: does not exist`);
  const { secrets, rest } = splitSecrets(layer);
  if (Object.keys(secrets).length > 0) await vault.write(secrets);
  if (existsSync(userFile)) copyFileSync(userFile, `${userFile}.bak`);
  writeJsonAtomic(userFile, rest);
  return { settings: leafKeys(rest), secrets: Object.keys(secrets) };
}

/**
 * Secrets someone typed into the user's config file are moved into the vault, and the file is
 * rewritten without them. Returns the keys moved. Throws (leaving the file as it was) when the
 * vault cannot keep them.
 */
export async function moveUserSecretsToVault(
  userFile: string,
  vault: SecretVault,
): Promise<string[]> {
  const layer = readConfigLayer(userFile);
  if (!layer) return [];
  const { secrets, rest } = splitSecrets(layer);
  const keys = Object.keys(secrets);
  if (keys.length === 0) return [];
  await vault.write(secrets);
  writeJsonAtomic(userFile, rest);
  return keys;
}
