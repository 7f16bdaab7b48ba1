// HTTPS on the Stream listener (issue 16): a signed order over TLS with a certificate made in the
// test, a renewed certificate on disk served without a restart, a plain non-loopback bind refused
// at start, and the intake path through a real Caddy (Debian's package) with its internal CA on
// loopback, the README's recipe for a store with a public name.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../electron/core/config/load.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { orderCreated } from '../support/orders.js';
import { freePort } from '../../electron/core/util/free-port.js';
import { scratchDir } from '../support/scratch.js';
import { TEST_INBOUND_TOKEN } from '../support/secrets.js';
import { sign } from '../support/stream-client.js';
import {
  fileFingerprint,
  httpsRequest,
  makeCertificate,
  servedFingerprint,
} from '../support/tls.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function signedOrder(): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(orderCreated());
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-stream-signature': sign(body),
      authorization: `Bearer ${TEST_INBOUND_TOKEN}`,
    },
  };
}

async function until<T>(what: string, fn: () => Promise<T | null>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v !== null) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}: ${String(last)}`);
}

async function connectorWithTls(dir: string): Promise<{ t: TestConnector; certFile: string }> {
  const first = makeCertificate(dir, 'first');
  const certFile = path.join(dir, 'live.crt');
  const keyFile = path.join(dir, 'live.key');
  copyFileSync(first.certFile, certFile);
  copyFileSync(first.keyFile, keyFile);
  const t = await startTestConnector({
    config: { stream: { tls: { certFile, keyFile } } },
    tlsPollMs: 100,
  });
  cleanups.push(() => t.dispose());
  return { t, certFile };
}

describe('Stream listener over HTTPS', () => {
  it('takes a signed order over TLS, and serves a renewed certificate without a restart', async () => {
    const dir = scratchDir('stream-tls-');
    const { t, certFile } = await connectorWithTls(dir);
    expect(t.streamUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(t.streamUrl).port);

    const order = signedOrder();
    const res = await httpsRequest(`${t.streamUrl}/stream/orders`, {
      method: 'POST',
      ca: readFileSync(certFile),
      headers: order.headers,
      body: order.body,
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toHaveProperty('order');

    // Plain HTTP to the TLS port is not served.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    // A renewal: new files written in place (key first, as renewals do: a moment of mismatch).
    const second = makeCertificate(dir, 'second');
    const oldFingerprint = await servedFingerprint(port);
    copyFileSync(second.keyFile, path.join(dir, 'live.key'));
    copyFileSync(second.certFile, certFile);
    const wanted = fileFingerprint(readFileSync(second.certFile));
    expect(wanted).not.toBe(oldFingerprint);
    await until('the renewed certificate', async () =>
      (await servedFingerprint(port)) === wanted ? true : null,
    );
    const again = signedOrder();
    const renewed = await httpsRequest(`${t.streamUrl}/stream/orders`, {
      method: 'POST',
      ca: readFileSync(second.certFile),
      headers: again.headers,
      body: again.body,
    });
    expect(renewed.status).toBe(200);
    expect(t.connector.ctx.orders.list(undefined, 10)).toHaveLength(2);
  });

  it('refuses plain HTTP on a non-loopback address unless allowPlainHttp or TLS is set', () => {
    const dir = scratchDir('stream-bind-');
    cleanups.push(() => undefined);
    const base = { dataDir: dir, stream: { host: '0.0.0.0' } };
    expect(() => loadConfig({ env: {}, overrides: base })).toThrow(
      /^stream\.host: is not a loopback address/,
    );
    expect(() =>
      loadConfig({
        env: {},
        overrides: { ...base, stream: { host: '0.0.0.0', allowPlainHttp: true } },
      }),
    ).not.toThrow();
    expect(() =>
      loadConfig({
        env: {},
        overrides: {
          ...base,
          stream: { host: '0.0.0.0', tls: { certFile: '/c.pem', keyFile: '/k.pem' } },
        },
      }),
    ).not.toThrow();
    expect(() =>
      loadConfig({
        env: {},
        overrides: { ...base, stream: { host: '127.0.0.1', tls: { certFile: '/c.pem' } } },
      }),
    ).toThrow(/stream\.tls\.keyFile/);
  });
});

describe('Stream listener behind Caddy', () => {
  it('takes a signed order through a real Caddy with its internal CA on loopback', async () => {
    const t = await startTestConnector();
    cleanups.push(() => t.dispose());
    const dir = scratchDir('caddy-');
    const httpsPort = await freePort();
    const httpPort = await freePort();
    const upstream = new URL(t.streamUrl).host;
    const caddyfile = path.join(dir, 'Caddyfile');
    writeFileSync(
      caddyfile,
      `{
\tadmin off
\tstorage file_system {
\t\troot ${path.join(dir, 'data')}
\t}
\tskip_install_trust
\thttp_port ${httpPort}
\thttps_port ${httpsPort}
\tdefault_bind 127.0.0.1
\tlocal_certs
}

localhost:${httpsPort} {
\ttls internal
\treverse_proxy ${upstream}
}
`,
    );
    const caddy: ChildProcess = spawn(
      'caddy',
      ['run', '--config', caddyfile, '--adapter', 'caddyfile'],
      {
        env: { PATH: process.env.PATH, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let log = '';
    caddy.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          if (caddy.exitCode !== null) return resolve();
          caddy.once('exit', () => resolve());
          caddy.kill('SIGTERM');
        }),
    );

    // Caddy's own root, read from its data folder and trusted for this one client.
    // The site's name: Caddy serves a request by its Host (the test connects to 127.0.0.1).
    const host = `localhost:${httpsPort}`;
    const rootFile = path.join(dir, 'data', 'pki', 'authorities', 'local', 'root.crt');
    const ca = await until('Caddy to issue its certificate', async () => {
      if (caddy.exitCode !== null) throw new Error(`caddy exited: ${log}`);
      if (!existsSync(rootFile)) return null;
      const root = readFileSync(rootFile);
      const probe = await httpsRequest(`https://127.0.0.1:${httpsPort}/healthz`, {
        ca: root,
        headers: { host },
      });
      return probe.status === 200 && probe.body.includes('ok') ? root : null;
    });

    const order = signedOrder();
    const res = await httpsRequest(`https://127.0.0.1:${httpsPort}/stream/orders`, {
      method: 'POST',
      ca,
      headers: { ...order.headers, host },
      body: order.body,
    });
    expect(res.status, log).toBe(200);
    expect(JSON.parse(res.body)).toHaveProperty('order');
    const stored = t.connector.ctx.orders.list(undefined, 10);
    expect(stored).toHaveLength(1);
    // An unsigned order through the proxy is still refused by the connector.
    const unsigned = await httpsRequest(`https://127.0.0.1:${httpsPort}/stream/orders`, {
      method: 'POST',
      ca,
      headers: { 'content-type': 'application/json', host },
      body: order.body,
    });
    expect(unsigned.status).toBe(401);
  });
});
