// Where the desktop app's configuration comes from, lowest first:
//   built-in defaults (data in the user-data folder)
//   < the machine-wide file IT drops on the terminal (path per OS below)
//   < the user's file (<userData>/config.json, written by --provision)
//   < secrets from the encrypted vault (secret-vault.ts)
//   < CONNECTOR_* environment variables.
// The layers are merged here and handed to the core's loadConfig as `overrides`, so the core's
// schema and messages stay the one authority on what a valid configuration is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError, loadConfig } from '../core/shell-door.js';
import { nestKeys, splitSecrets } from './secret-vault.js';

export type Layer = Record<string, unknown>;

/** The machine-wide file, documented in electron/README.md ("IT"). */
export function machineConfigPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32')
    return path.win32.join(
      env.ProgramData ?? env.ALLUSERSPROFILE ?? 'C:\\ProgramData',
      'StreamConnector',
      'config.json',
    );
  if (platform === 'darwin') return '/Library/Application Support/StreamConnector/config.json';
  return '/etc/stream-connector/config.json';
}

export function userConfigPath(userData: string): string {
  return path.join(userData, 'config.json');
}

/** Config keys that hold file paths; relative ones are relative to the file that set them. */
const PATH_KEYS: readonly (readonly string[])[] = [['dataDir'], ['catalog', 'file']];

function isPlainObject(v: unknown): v is Layer {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepMerge(...layers: Layer[]): Layer {
  const out: Layer = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      const prev = out[key];
      out[key] =
        isPlainObject(prev) && isPlainObject(value)
          ? deepMerge(prev, value)
          : structuredClone(value);
    }
  }
  return out;
}

function resolvePaths(layer: Layer, baseDir: string): Layer {
  const out = structuredClone(layer);
  for (const keyPath of PATH_KEYS) {
    const parent = keyPath
      .slice(0, -1)
      .reduce<unknown>((node, k) => (isPlainObject(node) ? node[k] : undefined), out);
    const leaf = keyPath[keyPath.length - 1]!;
    if (isPlainObject(parent) && typeof parent[leaf] === 'string' && !path.isAbsolute(parent[leaf]))
      parent[leaf] = path.resolve(baseDir, parent[leaf]);
  }
  return out;
}

/**
 * One config file as a layer: null when the file does not exist; a ConfigError naming the file
 * when it cannot be read, is not a JSON object, or holds a key or value the schema refuses.
 */
export function readConfigLayer(file: string): Layer | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new ConfigError(`${file}: cannot be read (${code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, '')); // Notepad writes a byte-order mark
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  if (!isPlainObject(parsed)) throw new ConfigError(`${file}: must hold a JSON object`);
  const layer = resolvePaths(parsed, path.dirname(file));
  try {
    loadConfig({ env: {}, overrides: layer });
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(`${file}: ${err.message}`);
    throw err;
  }
  return layer;
}

export interface DesktopConfigSources {
  machineFile: string;
  userFile: string;
  /** Where data lives unless a file says otherwise: the Electron user-data folder. */
  defaultDataDir: string;
  /** Secrets from the vault, by key path. */
  secrets: Record<string, string>;
  env: NodeJS.ProcessEnv;
}

export interface DesktopConfig {
  config: Config;
  /** Which files took part, for the log and the diagnostics archive. */
  files: string[];
  /** Secret keys found in plain text in the machine-wide file (the vault cannot take them out). */
  plaintextMachineSecrets: string[];
}

export function loadDesktopConfig(sources: DesktopConfigSources): DesktopConfig {
  const machine = readConfigLayer(sources.machineFile);
  const user = readConfigLayer(sources.userFile);
  const merged = deepMerge(
    { dataDir: sources.defaultDataDir },
    machine ?? {},
    user ?? {},
    nestKeys(sources.secrets),
  );
  const config = loadConfig({ env: sources.env, overrides: merged });
  return {
    config,
    files: [machine ? sources.machineFile : null, user ? sources.userFile : null].filter(
      (f): f is string => f !== null,
    ),
    plaintextMachineSecrets: machine ? Object.keys(splitSecrets(machine).secrets) : [],
  };
}
