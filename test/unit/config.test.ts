// Configuration: defaults, the CONNECTOR_* naming rule, one-line errors naming the key, and
// secrets that never appear in an error or a log line.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  configLeaves,
  envNameFor,
  loadConfig,
} from '../../electron/core/config/load.js';
import { createLogger } from '../../electron/core/util/log.js';
import { scratchDir } from '../support/scratch.js';

function configFile(content: unknown): string {
  const dir = scratchDir('connector-config-');
  const file = path.join(dir, 'config.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('config', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({ env: {} });
    expect(c.stream.host).toBe('127.0.0.1');
    expect(c.stream.port).toBe(8787);
    expect(c.local.host).toBe('127.0.0.1');
    expect(c.local.port).toBe(8788);
    expect(c.acceptance).toEqual({
      mode: 'manual',
      staffWindowSeconds: 45,
      onTimeout: 'reject',
      missedOfferPauseAfter: 2,
      missedOfferPauseWithinMinutes: 10,
    });
    expect(c.location.prepTimeMinutes).toBe(15);
  });

  it('names environment variables CONNECTOR_ + the key path in upper snake case', () => {
    expect(envNameFor('stream.webhookSecret')).toBe('CONNECTOR_STREAM_WEBHOOK_SECRET');
    expect(envNameFor('dataDir')).toBe('CONNECTOR_DATA_DIR');
    expect(envNameFor('acceptance.staffWindowSeconds')).toBe(
      'CONNECTOR_ACCEPTANCE_STAFF_WINDOW_SECONDS',
    );
    for (const key of [
      'dataDir',
      'stream.apiUrl',
      'stream.partnerSlug',
      'stream.inboundToken',
      'location.timezone',
      'local.token',
    ])
      expect(configLeaves().has(key), key).toBe(true);
  });

  it('lays environment overrides over the file, converting numbers', () => {
    const file = configFile({ stream: { port: 9000 }, location: { name: 'From file' } });
    const c = loadConfig({
      file,
      env: {
        CONNECTOR_STREAM_PORT: '9100',
        CONNECTOR_ACCEPTANCE_MODE: 'auto',
        CONNECTOR_DATA_DIR: '/tmp/x',
      },
    });
    expect(c.stream.port).toBe(9100);
    expect(c.location.name).toBe('From file');
    expect(c.acceptance.mode).toBe('auto');
    expect(c.dataDir).toBe('/tmp/x');
  });

  it('stops with one line naming the key and the problem', () => {
    expect(errorOf(() => loadConfig({ env: { CONNECTOR_STREAM_PORT: 'eighty' } }))).toBe(
      'stream.port: expected a number, got "eighty" (from CONNECTOR_STREAM_PORT)',
    );
    expect(errorOf(() => loadConfig({ env: { CONNECTOR_STREAM_PORT: '70000' } }))).toMatch(
      /^stream\.port: /,
    );
    expect(
      errorOf(() => loadConfig({ env: { CONNECTOR_ACCEPTANCE_ON_TIMEOUT: 'shrug' } })),
    ).toMatch(/^acceptance\.onTimeout: /);
    expect(
      errorOf(() => loadConfig({ env: { CONNECTOR_LOCATION_TIMEZONE: 'Mars/Olympus' } })),
    ).toMatch(/^location\.timezone: must be an IANA time zone/);
    expect(errorOf(() => loadConfig({ env: { CONNECTOR_STREM_PORT: '1' } }))).toMatch(
      /^CONNECTOR_STREM_PORT: not a configuration key/,
    );
    expect(
      errorOf(() => loadConfig({ file: configFile({ stream: { prot: 1 } }), env: {} })),
    ).toMatch(/^stream\.prot: not a configuration key/);
    expect(errorOf(() => loadConfig({ file: configFile('{nope'), env: {} }))).toMatch(
      /not valid JSON/,
    );
    expect(errorOf(() => loadConfig({ env: {}, file: '/nonexistent/config.json' }))).toBe(
      'config file /nonexistent/config.json: ENOENT',
    );
  });

  it('never echoes a secret in an error', () => {
    const message = errorOf(() =>
      loadConfig({ env: { CONNECTOR_STREAM_WEBHOOK_SECRET: 'short' } }),
    );
    expect(message).toBe('stream.webhookSecret: must be at least 16 characters');
    expect(message).not.toContain('short"');
  });

  it('redacts every configured secret from log lines, wherever it hides', () => {
    const lines: string[] = [];
    const secret = 'super-secret-webhook-value-1234';
    const log = createLogger({ secrets: [secret, undefined], sink: (l) => lines.push(l) });
    log.info('auth header', { authorization: `Bearer ${secret}`, nested: { deep: [secret] } });
    log.error('failed', { err: new Error(`bad secret ${secret}`) });
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).toContain('[redacted]');
  });
});

describe('config lists from the environment', () => {
  it('reads a list key as comma-separated values', () => {
    const c = loadConfig({ env: { CONNECTOR_STORE_CLOSED_DAYS: '2026-12-25, 2027-01-01' } });
    expect(c.store.closedDays).toEqual(['2026-12-25', '2027-01-01']);
    expect(configLeaves().get('store.closedDays')).toBe('list');
  });
});
