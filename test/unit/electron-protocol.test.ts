// The app:// protocol that serves the UI bundle: GET and HEAD only, files inside the bundle only
// (plain, dot-encoded and slash-encoded traversal all refused), with the UI's CSP on every answer.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UI_CSP } from '../../electron/core/http/local-server.js';
import {
  APP_SCHEME_PRIVILEGES,
  createBundleHandler,
  resolveBundlePath,
} from '../../electron/main/protocol.js';
import { scratchDir } from '../support/scratch.js';

let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  const base = scratchDir('electron-protocol-');
  root = path.join(base, 'renderer', 'dist');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>board</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'chime.wav'), Buffer.from([82, 73, 70, 70]));
  // A file beside the bundle that no URL may reach.
  writeFileSync(path.join(base, 'renderer', 'secret.txt'), 'outside the bundle');
  writeFileSync(path.join(base, 'config.json'), '{"stream":{"webhookSecret":"x"}}');
  handler = createBundleHandler(root);
});

const get = (url: string, init?: RequestInit) => handler(new Request(url, init));

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme with fetch support', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  it('serves index.html for / and for /index.html with the CSP and nosniff', async () => {
    for (const url of ['app://bundle/', 'app://bundle/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(UI_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<title>board</title>');
    }
  });

  it('serves assets with their content types, and HEAD without a body', async () => {
    expect((await get('app://bundle/assets/app.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await get('app://bundle/assets/chime.wav')).headers.get('content-type')).toBe(
      'audio/wav',
    );
    const head = await get('app://bundle/assets/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('14');
    expect(await head.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const res = await get('app://bundle/index.html', {
      method,
      ...(method === 'POST' || method === 'PUT' ? { body: 'x' } : {}),
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/..%2f..%2fconfig.json',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/%2e%2e%5c%2e%2e%5cconfig.json',
    'app://bundle/index.html%00.js',
    'app://bundle/%E0%A4%A',
  ])('never serves anything outside the bundle: %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain('outside the bundle');
    expect(text).not.toContain('webhookSecret');
  });

  it('answers 404 for another host, a directory and a missing file', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://bundle/assets')).status).toBe(404);
    expect((await get('app://bundle/nope.js')).status).toBe(404);
  });

  it('resolves paths only below the root', () => {
    expect(resolveBundlePath(root, 'app://bundle/assets/app.js')).toBe(
      path.join(root, 'assets', 'app.js'),
    );
    expect(resolveBundlePath(root, 'app://bundle/..%2f')).toBeNull();
    expect(resolveBundlePath(root, 'https://bundle/index.html')).toBeNull();
  });
});
