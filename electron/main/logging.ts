// One electron-log setup for the whole desktop app: the shell, the core (through the core's
// Logger interface) and the renderer (through the bridge's `log`) all write to main.log in the
// operating system's logs folder, each line tagged with its scope. Files rotate by size and a
// fixed number is kept. Every configured secret is scrubbed from every line before it is
// written, whatever argument or field it hides in.
import type { LogMessage, NodeLogger } from 'electron-log';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { type Logger, redact } from '../core/shell-door.js';

export const LOG_FILE_NAME = 'main.log';

export interface LoggingOptions {
  logsDir: string;
  /** Current secret values; read on every line, so secrets learnt later are covered too. */
  secrets: () => readonly (string | undefined)[];
  maxFileBytes?: number;
  /** Rotated files kept besides the current one: main.1.log (newest) … main.N.log. */
  keepFiles?: number;
  consoleLevel?: 'debug' | 'info' | 'warn' | 'error' | false;
}

/** main.log → main.1.log → … → main.N.log; the oldest falls off. Synchronous, as electron-log requires. */
export function rotateLogFiles(current: string, keep: number): void {
  const ext = path.extname(current);
  const base = current.slice(0, current.length - ext.length);
  const numbered = (n: number): string => `${base}.${n}${ext}`;
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--)
    if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  renameSync(current, numbered(1));
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** A log argument with every secret replaced; objects come back as redacted plain data. */
export function redactValue(value: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (value instanceof Error)
    return redact(value.stack ?? `${value.name}: ${value.message}`, secrets);
  if (typeof value !== 'object' || value === null) return value;
  try {
    return JSON.parse(redact(JSON.stringify(value, errorReplacer), secrets)) as unknown;
  } catch {
    return redact(inspect(value, { depth: 4 }), secrets);
  }
}

export function configureLogging(log: NodeLogger, options: LoggingOptions): void {
  const file = log.transports.file;
  file.resolvePathFn = () => path.join(options.logsDir, LOG_FILE_NAME);
  file.maxSize = options.maxFileBytes ?? 5 * 1024 * 1024;
  const keep = options.keepFiles ?? 5;
  file.archiveLogFn = (old) => rotateLogFiles(old.path, keep);
  file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}]{scope} {text}';
  file.level = 'info';
  // One line per event, so the file can be searched with grep or findstr.
  file.inspectOptions = { depth: 5, breakLength: Infinity };
  log.transports.console.level = options.consoleLevel ?? 'info';
  log.hooks.push((message: LogMessage) => ({
    ...message,
    data: message.data.map((d: unknown) => redactValue(d, options.secrets())),
  }));
}

/** The core's Logger interface on top of electron-log, under one scope ("core", "shell" …). */
export function scopedLogger(log: NodeLogger, scope: string): Logger {
  const scoped = log.scope(scope);
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (msg: string, fields?: Record<string, unknown>): void => {
      if (fields && Object.keys(fields).length > 0) scoped[level](msg, fields);
      else scoped[level](msg);
    };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
