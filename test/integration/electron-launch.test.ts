// Launches the real desktop app with Playwright's `_electron` and checks, from inside the real
// Chromium and Electron, what the other electron-* tests check against the test double, and the
// cashier's one job end to end: the board loads, a Stream order sent to the app's own Stream
// listener shows on it, a click accepts it, and the fake Stream receives `order.accepted`
// (test/e2e/desktop*.test.ts run the same path without the binary). Needs the
// Electron binary (release machines; it cannot be downloaded on development and CI machines, so
// there this file says why it skipped), a build (`npm run build`) and better-sqlite3 rebuilt for
// Electron (`npm run rebuild:electron`; `npm run rebuild:node` afterwards for the other tests).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOrder } from '../e2e/support/stream.js';
import { FakeStream } from '../support/fake-stream.js';
import { TEST_INBOUND_TOKEN, TEST_WEBHOOK_SECRET } from '../support/secrets.js';
import { freePort } from '../../electron/core/util/free-port.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The Electron executable, or why there is none. */
function findElectron(): { path: string } | { reason: string } {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile))
    return {
      reason:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing: its download is blocked on this machine)',
    };
  const binary = path.join(
    root,
    'node_modules',
    'electron',
    'dist',
    readFileSync(pathFile, 'utf8').trim(),
  );
  if (!existsSync(binary)) return { reason: `the Electron binary ${binary} is missing` };
  return { path: binary };
}

const electron = findElectron();
if ('reason' in electron)
  console.log(
    `[electron-launch] SKIPPED: ${electron.reason}. This test runs on a release machine with the Electron binary.`,
  );

describe.skipIf('reason' in electron)('the real app under Electron', () => {
  let app: ElectronApplication;
  let page: Page;
  let dir: string;
  let stream: FakeStream;
  let streamUrl: string;

  beforeAll(async () => {
    for (const built of [
      'dist/electron/main/main.js',
      'dist/electron/preload/preload.cjs',
      'renderer/dist/index.html',
    ])
      if (!existsSync(path.join(root, built)))
        throw new Error(`${built} is missing: run \`npm run build\` first`);
    dir = mkdtempSync(path.join(tmpdir(), 'electron-launch-'));
    stream = await FakeStream.start();
    const streamPort = await freePort();
    streamUrl = `http://127.0.0.1:${streamPort}`;
    const machineConfig = path.join(dir, 'machine.json');
    writeFileSync(
      machineConfig,
      JSON.stringify({
        location: { id: 'store-1', name: 'Launch test', timezone: 'UTC' },
        stream: {
          port: streamPort,
          webhookSecret: TEST_WEBHOOK_SECRET,
          inboundToken: TEST_INBOUND_TOKEN,
          apiUrl: stream.url,
          partnerSlug: 'test-pos',
        },
        local: { port: 0 },
        desktop: { startAtLogin: false, updates: { enabled: false } },
      }),
    );
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('CONNECTOR_')),
    ) as Record<string, string>;
    app = await _electron.launch({
      executablePath: (electron as { path: string }).path,
      args: [root, '--user-data', path.join(dir, 'user'), '--machine-config', machineConfig],
      env,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    await stream?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads the UI from the app:// bundle', () => {
    expect(page.url()).toBe('app://bundle/index.html');
  });

  it('gives the page no Node, and serves it with the CSP', async () => {
    const globals = await page.evaluate(() => [
      typeof (window as { require?: unknown }).require,
      typeof (window as { process?: unknown }).process,
    ]);
    expect(globals).toEqual(['undefined', 'undefined']);
    const csp = await page.evaluate(() =>
      fetch(location.href).then((r) => r.headers.get('content-security-policy')),
    );
    expect(csp).toContain("script-src 'self'");
  });

  it('exposes the bridge, and a call reaches the core over IPC', async () => {
    const result = await page.evaluate(() => window.connector!.call('getHealth'));
    expect(result).toMatchObject({ ok: true, data: { location: { id: 'store-1' } } });
  });

  it('shows a Stream order on the board, accepts it by a click, and Stream receives order.accepted', async () => {
    const id = await sendOrder(streamUrl, { source: 'uber', dspOrderNumber: 'E-1001' });
    const card = page.locator(`[data-testid="pending-card"][data-order-id="${id}"]`);
    await card.waitFor({ timeout: 10_000 });
    await card.getByRole('button', { name: 'Accept' }).click();
    await page.locator(`[data-testid="progress-card"][data-order-id="${id}"]`).waitFor();
    const accepted = () =>
      stream.effects.find((e) => {
        const json = JSON.stringify(e.json);
        return json.includes(id) && json.includes('order.accepted');
      });
    await stream.waitFor(() => accepted() !== undefined);
    expect(accepted()!.json).toMatchObject({
      type: 'order.accepted',
      object: { provider_id: id, location_id: 'store-1' },
    });
    expect(stream.requests.every((r) => r.signatureValid)).toBe(true);
  });

  it('opens no new window', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  it('keeps the page in the bundle when it tries to leave', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForLoadState();
    expect(page.url()).toBe('app://bundle/index.html');
  });
});
