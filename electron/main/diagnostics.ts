// "Export diagnostics": one zip that IT or support can be sent, holding what is needed to see
// what happened and nothing that lets anyone act as the store: the logs, the configuration with
// every secret removed, versions, the health report and the database integrity check.
// Secrets are removed again on the way out, in case an older log line still held one.
import { createWriteStream, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { type Config, redact } from '../core/shell-door.js';
import { secretSlots } from './secret-vault.js';

export interface DiagnosticsInput {
  logsDir: string;
  config: Config;
  /** Which config files took part. */
  configFiles: string[];
  versions: Record<string, string>;
  /** `PRAGMA integrity_check` as one line ("ok" when healthy). */
  integrityCheck: string;
  health: unknown;
  secrets: readonly (string | undefined)[];
  now: Date;
}

export const REDACTED = '[redacted]';

/** The config with every secret key replaced by a marker saying whether it is set. */
export function redactConfig(config: Config): unknown {
  const copy = structuredClone(config) as unknown as Record<string, unknown>;
  for (const { holder, leaf } of secretSlots(copy))
    holder[leaf] = holder[leaf] === undefined ? null : REDACTED;
  return copy;
}

export function diagnosticsFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `stream-connector-diagnostics-${stamp}.zip`;
}

const README = `Stream Connector diagnostics
versions.json         app, Electron, Chromium, Node and operating system versions
config.json           the configuration in force; secrets replaced by "${REDACTED}" (null = not set)
health.json           the connector's health report at export time
integrity-check.txt   SQLite "PRAGMA integrity_check" of the order database ("ok" = healthy)
logs/                 the log files, secrets removed
`;

/** Writes the archive to `target` (via a temporary name, so a half-written zip never appears). */
export async function writeDiagnosticsArchive(
  target: string,
  input: DiagnosticsInput,
): Promise<string[]> {
  const zip = new yazl.ZipFile();
  const mtime = input.now;
  const names: string[] = [];
  const add = (name: string, text: string): void => {
    zip.addBuffer(Buffer.from(redact(text, input.secrets), 'utf8'), name, { mtime });
    names.push(name);
  };
  add('README.txt', README);
  add('versions.json', JSON.stringify(input.versions, null, 2));
  add(
    'config.json',
    JSON.stringify({ files: input.configFiles, config: redactConfig(input.config) }, null, 2),
  );
  add('health.json', JSON.stringify(input.health, null, 2));
  add('integrity-check.txt', input.integrityCheck + '\n');
  for (const file of listLogFiles(input.logsDir))
    add(`logs/${file}`, readFileSync(path.join(input.logsDir, file), 'utf8'));
  zip.end();
  // Unique per export: two exports to the same file must not write into one temporary file.
  const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  await pipeline(zip.outputStream, createWriteStream(temp, { mode: 0o600 }));
  renameSync(temp, target);
  return names;
}

function listLogFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.log') && statSync(path.join(dir, f)).isFile())
      .sort();
  } catch {
    return [];
  }
}
