// The core's logger: one JSON line per event. Every configured secret is replaced before a line
// is written, whatever field it hides in.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  /** Values to scrub from every line (tokens, secrets). */
  secrets: readonly (string | undefined)[];
  /** Write lines here as well as to the sink. */
  file?: string | undefined;
  sink?: (line: string) => void;
  level?: Level;
}

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  // Short values (a 4-digit manager PIN) are never logged in the first place, and scrubbing them
  // would blank years and counts all over the log.
  for (const secret of secrets)
    for (const s of secretForms(secret)) if (s.length >= 8) out = out.split(s).join('[redacted]');
  return out;
}

/**
 * A secret and the parts of it that leak on their own: a header secret `X-Api-Key: <v>` or
 * `Bearer <v>` is echoed by servers as `<v>` alone ("invalid API key <v>"). Longest first, so the
 * whole is replaced before its part.
 */
export function secretForms(secret: string | undefined): string[] {
  if (!secret) return [];
  const forms = [secret];
  const header = /^[A-Za-z0-9-]+:\s*(.+)$/.exec(secret);
  const value = header ? header[1]!.trim() : secret;
  if (value !== secret) forms.push(value);
  const scheme = /^(?:Bearer|Basic|Token|Digest|ApiKey)\s+(.+)$/i.exec(value);
  if (scheme) forms.push(scheme[1]!.trim());
  return forms;
}

export function createLogger(options: LoggerOptions): Logger {
  const min = ORDER[options.level ?? 'info'];
  const sink = options.sink ?? ((line: string) => process.stdout.write(line + '\n'));
  let file: WriteStream | undefined;
  if (options.file) {
    mkdirSync(path.dirname(options.file), { recursive: true });
    file = createWriteStream(options.file, { flags: 'a' });
    // A full disk must not take the connector down with it; stdout still has the line.
    file.on('error', () => (file = undefined));
  }
  const write = (level: Level, msg: string, fields?: Record<string, unknown>): void => {
    if (ORDER[level] < min) return;
    const line = redact(
      JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }, errorReplacer),
      options.secrets,
    );
    sink(line);
    file?.write(line + '\n');
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
  return value;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
