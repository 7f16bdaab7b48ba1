// Reads the JSON config file, lays CONNECTOR_* environment overrides on top, and validates the
// result. A bad value stops start-up with one line that names the key and what is wrong.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ConfigSchema, type Config } from './schema.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Leaf = 'number' | 'boolean' | 'string' | 'list';

/** `stream.webhookSecret` → `CONNECTOR_STREAM_WEBHOOK_SECRET`. */
export function envNameFor(keyPath: string): string {
  return (
    'CONNECTOR_' +
    keyPath
      .split('.')
      .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase())
      .join('_')
  );
}

const LEAF_KINDS: Record<string, Leaf> = { number: 'number', boolean: 'boolean', array: 'list' };

/** Every leaf key of the schema with the kind of value it holds. */
export function configLeaves(): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  const walk = (schema: z.core.$ZodType, prefix: string): void => {
    const def = schema._zod.def as {
      type: string;
      shape?: Record<string, z.core.$ZodType>;
      innerType?: z.core.$ZodType;
    };
    if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape))
        walk(child, prefix ? `${prefix}.${key}` : key);
    } else if (def.innerType) {
      walk(def.innerType, prefix);
    } else {
      leaves.set(prefix, LEAF_KINDS[def.type] ?? 'string');
    }
  };
  walk(ConfigSchema, '');
  return leaves;
}

/** Environment variables that are about the process, not config keys. */
const NON_KEY_ENV = new Set(['CONNECTOR_CONFIG']);

function applyEnv(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): void {
  const byEnvName = new Map<string, [string, Leaf]>();
  for (const [key, leaf] of configLeaves()) byEnvName.set(envNameFor(key), [key, leaf]);
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('CONNECTOR_') || NON_KEY_ENV.has(name) || value === undefined) continue;
    const found = byEnvName.get(name);
    if (!found)
      throw new ConfigError(`${name}: not a configuration key (see the README's key table)`);
    const [key, leaf] = found;
    let parsed: unknown = value;
    if (leaf === 'number') {
      parsed = value.trim() === '' ? NaN : Number(value);
      if (Number.isNaN(parsed))
        throw new ConfigError(`${key}: expected a number, got "${value}" (from ${name})`);
    } else if (leaf === 'list') {
      // Lists come comma-separated: CONNECTOR_STORE_CLOSED_DAYS=2026-12-25,2027-01-01
      parsed = value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    } else if (leaf === 'boolean') {
      if (value !== 'true' && value !== 'false')
        throw new ConfigError(`${key}: expected true or false (from ${name})`);
      parsed = value === 'true';
    }
    setPath(raw, key, parsed);
  }
}

function setPath(target: Record<string, unknown>, keyPath: string, value: unknown): void {
  const parts = keyPath.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

export interface LoadConfigOptions {
  /** Path of the JSON config file; absent means defaults plus environment only. */
  file?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Values that win over the file (tests, provisioning), still under the environment. */
  overrides?: Record<string, unknown>;
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  let raw: Record<string, unknown> = {};
  if (options.file) {
    let text: string;
    try {
      text = readFileSync(options.file, 'utf8');
    } catch (err) {
      throw new ConfigError(
        `config file ${options.file}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      );
    }
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch (err) {
      throw new ConfigError(
        `config file ${options.file}: not valid JSON (${(err as Error).message})`,
      );
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new ConfigError(`config file ${options.file}: must hold a JSON object`);
  }
  raw = deepMerge(raw, options.overrides ?? {});
  applyEnv(raw, env);
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(describeIssue(result.error.issues[0]!));
  const config = result.data;
  if (options.file && !path.isAbsolute(config.dataDir))
    config.dataDir = path.resolve(path.dirname(options.file), config.dataDir);
  else config.dataDir = path.resolve(config.dataDir);
  const beside = (file: string | undefined): string | undefined =>
    file && options.file && !path.isAbsolute(file)
      ? path.resolve(path.dirname(options.file), file)
      : file;
  config.catalog.file = beside(config.catalog.file);
  config.stream.tls.certFile = beside(config.stream.tls.certFile);
  config.stream.tls.keyFile = beside(config.stream.tls.keyFile);
  return config;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.join('.') || '(root)';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? `${issue.path.join('.')}.` : '';
    return `${where}${issue.keys.join(', ')}: not a configuration key (see the README's key table)`;
  }
  // Never echo the received value: it may be a secret.
  return `${key}: ${issue.message}`;
}

function deepMerge(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isPlainObject(prev) && isPlainObject(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
