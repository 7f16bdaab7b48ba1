// The one electron-log setup, written to real files with electron-log's Node build (the same
// transports as in Electron): secrets scrubbed from every argument, scopes on every line, and
// size-based rotation that keeps a fixed number of files. Then the diagnostics archive built
// from those logs, opened again with a zip reader.
import baseLog from 'electron-log/node';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../electron/core/config/load.js';
import {
  diagnosticsFileName,
  REDACTED,
  redactConfig,
  writeDiagnosticsArchive,
} from '../../electron/main/diagnostics.js';
import { readZip } from '../support/zip.js';
import {
  configureLogging,
  LOG_FILE_NAME,
  redactValue,
  rotateLogFiles,
  scopedLogger,
} from '../../electron/main/logging.js';
import { scratchDir } from '../support/scratch.js';

const SECRET = 'webhook-secret-value-0123456789';
const TOKEN = 'local-token-value-0123456789';

let instance = 0;
function freshLogger(options: { maxFileBytes?: number; keepFiles?: number } = {}) {
  const logsDir = scratchDir('electron-logging-');
  const log = baseLog.create({ logId: `test-${process.pid}-${instance++}` });
  const secrets = [SECRET];
  configureLogging(log, { logsDir, secrets: () => secrets, consoleLevel: false, ...options });
  return {
    log,
    logsDir,
    secrets,
    read: () => readFileSync(path.join(logsDir, LOG_FILE_NAME), 'utf8'),
  };
}

describe('logging', () => {
  it('scrubs secrets from messages, fields, nested objects and errors', () => {
    const { log, read } = freshLogger();
    const core = scopedLogger(log, 'core');
    core.info(`signature check with ${SECRET}`);
    core.warn('rejected', { header: `Bearer ${SECRET}`, nested: { deep: [SECRET] } });
    core.error('failed', { err: new Error(`bad secret ${SECRET}`) });
    log.info(new Error(`thrown with ${SECRET}`));
    const text = read();
    expect(text).not.toContain(SECRET);
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(5);
    expect(text).toMatch(/\[info\]\s*\(core\)\s*signature check with \[redacted\]/);
  });

  it('scrubs secrets learnt after start-up (the local token is created by the core)', () => {
    const { log, read, secrets } = freshLogger();
    log.info(`token ${TOKEN}`);
    secrets.push(TOKEN);
    log.info(`token ${TOKEN}`);
    const lines = read().trim().split('\n');
    expect(lines[0]).toContain(TOKEN); // before it was known: nothing could have hidden it
    expect(lines[1]).not.toContain(TOKEN);
  });

  it('rotates by size and keeps a fixed number of files', () => {
    const { log, logsDir } = freshLogger({ maxFileBytes: 2000, keepFiles: 3 });
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(80)}`);
    const files = readdirSync(logsDir).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    const newest = readFileSync(path.join(logsDir, 'main.log'), 'utf8');
    expect(newest).toContain('line 199');
    expect(readFileSync(path.join(logsDir, 'main.3.log'), 'utf8')).not.toContain('line 199');
  });

  it('rotation shifts numbered files and drops the oldest', () => {
    const dir = scratchDir('electron-rotate-');
    for (const [name, text] of [
      ['main.log', 'now'],
      ['main.1.log', 'one'],
      ['main.2.log', 'two'],
    ])
      writeFileSync(path.join(dir, name!), text!);
    rotateLogFiles(path.join(dir, 'main.log'), 2);
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log']);
    expect(readFileSync(path.join(dir, 'main.1.log'), 'utf8')).toBe('now');
    expect(readFileSync(path.join(dir, 'main.2.log'), 'utf8')).toBe('one');
  });

  it('redacts values of every kind', () => {
    expect(redactValue(`a ${SECRET}`, [SECRET])).toBe('a [redacted]');
    expect(redactValue({ a: { b: SECRET } }, [SECRET])).toEqual({ a: { b: '[redacted]' } });
    expect(redactValue(42, [SECRET])).toBe(42);
    const circular: Record<string, unknown> = { s: SECRET };
    circular.self = circular;
    expect(String(redactValue(circular, [SECRET]))).not.toContain(SECRET);
  });
});

describe('diagnostics archive', () => {
  it('holds logs, redacted config, versions, health and the integrity check, and no secret', async () => {
    const { log, logsDir } = freshLogger();
    log.info('order received');
    // An old line written before the secret was known still must not leave the machine.
    writeFileSync(path.join(logsDir, 'main.1.log'), `old line ${TOKEN}\n`);
    const config = loadConfig({
      env: {},
      overrides: { dataDir: logsDir, stream: { webhookSecret: SECRET }, local: { token: TOKEN } },
    });
    const target = path.join(logsDir, diagnosticsFileName(new Date(Date.UTC(2026, 10, 23, 14, 5))));
    expect(path.basename(target)).toBe('stream-connector-diagnostics-20261123-1405.zip');
    const names = await writeDiagnosticsArchive(target, {
      logsDir,
      config,
      configFiles: ['/etc/stream-connector/config.json'],
      versions: { app: '0.1.0', electron: '45.4.1' },
      integrityCheck: 'ok',
      health: { status: 'ok', note: `token ${TOKEN}` },
      secrets: [SECRET, TOKEN],
      now: new Date(),
    });
    expect(readdirSync(logsDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const entries = await readZip(target);
    expect([...entries.keys()].sort()).toEqual([...names].sort());
    expect([...entries.keys()].sort()).toEqual(
      [
        'README.txt',
        'config.json',
        'health.json',
        'integrity-check.txt',
        'logs/main.1.log',
        'logs/main.log',
        'versions.json',
      ].sort(),
    );
    for (const [name, text] of entries) {
      expect(text, name).not.toContain(SECRET);
      expect(text, name).not.toContain(TOKEN);
    }
    const exported = JSON.parse(entries.get('config.json')!) as {
      files: string[];
      config: { stream: Record<string, unknown>; local: Record<string, unknown> };
    };
    expect(exported.files).toEqual(['/etc/stream-connector/config.json']);
    expect(exported.config.stream.webhookSecret).toBe(REDACTED);
    expect(exported.config.stream.inboundToken).toBeNull();
    expect(exported.config.local.token).toBe(REDACTED);
    expect(entries.get('integrity-check.txt')).toBe('ok\n');
    expect(JSON.parse(entries.get('versions.json')!)).toEqual({ app: '0.1.0', electron: '45.4.1' });
    expect(entries.get('logs/main.log')).toContain('order received');
  });

  it('redactConfig leaves the config it was given untouched', () => {
    const config = loadConfig({ env: {}, overrides: { stream: { webhookSecret: SECRET } } });
    redactConfig(config);
    expect(config.stream.webhookSecret).toBe(SECRET);
  });
});
