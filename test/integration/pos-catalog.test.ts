// The catalog: imported from the POS driver or a JSON file (Local API and the CLI, with the
// connector running or stopped), checked (a wrong field named, duplicate ids refused), stored,
// served to Stream with 86'd objects inactive, and used to check orders: unknown ids, and a
// subtotal below the POS prices under the totals policy (reject, warn, off).
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestConnector, tempDataDir, type TestConnector } from '../support/connector.js';
import { startPosRig, type PosRig } from '../support/fake-pos.js';
import { api, TEST_PIN } from '../support/manager-client.js';
import { orderCreated } from '../support/orders.js';
import { TEST_INBOUND_TOKEN, TEST_LOCAL_TOKEN, TEST_WEBHOOK_SECRET } from '../support/secrets.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEV_CATALOG = JSON.parse(
  readFileSync(path.join(ROOT, 'config', 'dev-catalog.json'), 'utf8'),
) as {
  item_family: { provider_id: string; is_active: boolean; price_amount: number }[];
  [key: string]: unknown;
};

type ImportResult = { objects: number; loadedAt: number; source: string; warnings: string[] };
type Rejection = {
  posValidation: {
    orderTotalsValidation?: { posTotal: number; streamTotal: number }[];
    orderValidation?: { order_error: string; order_error_reason: string }[];
  };
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A connector with a POS, and the manager PIN IT provisioned (replacing the catalog needs it). */
async function rig(config: Record<string, unknown> = {}): Promise<PosRig> {
  const r = await startPosRig({ config: { manager: { initialPin: TEST_PIN }, ...config } });
  cleanups.push(() => r.dispose());
  return r;
}

/** `POST /api/catalog/import` as a manager: with the PIN. */
function importCatalog<T = unknown>(t: TestConnector, body: unknown, pin = TEST_PIN) {
  return api<T>(t.localUrl, 'POST', '/api/catalog/import', { body, ...(pin ? { pin } : {}) });
}

async function streamCatalog(
  t: TestConnector,
): Promise<{ status: number; body: typeof DEV_CATALOG }> {
  const res = await fetch(`${t.streamUrl}/stream/catalog`, {
    headers: { authorization: `Bearer ${TEST_INBOUND_TOKEN}`, 'x-provider-location-id': 'store-1' },
  });
  return { status: res.status, body: (await res.json()) as typeof DEV_CATALOG };
}

/** Two milkshakes at 5.00 where the POS asks 5.49. */
const cheapShakes = () =>
  orderCreated({
    lineItems: [
      {
        provider_id: 'fam-shake',
        name: 'Milkshake',
        quantity: 2,
        price_amount: 500,
        price_currency: 'USD',
      },
    ],
  });

function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'electron', 'core', 'catalog', 'cli.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, CONNECTOR_CONFIG: '', MANAGER_PIN: '', ...env },
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function cliConfig(dataDir: string, localPort: number): string {
  const file = path.join(dataDir, 'cli-config.json');
  writeFileSync(
    file,
    JSON.stringify({
      dataDir,
      stream: { webhookSecret: TEST_WEBHOOK_SECRET, inboundToken: TEST_INBOUND_TOKEN },
      local: { port: localPort, token: TEST_LOCAL_TOKEN },
    }),
  );
  return file;
}

describe('catalog import', () => {
  it('replacing or importing the whole catalog needs the manager PIN, like 86ing one item', async () => {
    const r = await rig();
    const noPin = await importCatalog<{ error: { code: string } }>(
      r.t,
      { source: 'file', catalog: DEV_CATALOG },
      '',
    );
    expect(noPin.status).toBe(403);
    expect(noPin.body.error.code).toBe('manager_pin_required');
    const emptied = await api<{ error: { code: string } }>(r.t.localUrl, 'PUT', '/api/catalog', {
      body: {},
      pin: '00000000',
    });
    expect(emptied.status).toBe(403);
    expect(emptied.body.error.code).toBe('manager_pin_wrong');
    expect((await local(r.t.localUrl, 'GET', '/api/catalog')).status).toBe(404); // nothing stored
    const put = await api(r.t.localUrl, 'PUT', '/api/catalog', {
      body: DEV_CATALOG,
      pin: TEST_PIN,
    });
    expect(put.status).toBe(200);
    const audit = await api<{ entries: { action: string; managerPin: boolean }[] }>(
      r.t.localUrl,
      'GET',
      '/api/audit',
    );
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ action: 'api.putCatalog', managerPin: true }),
    );
  });

  it('imports the POS catalog through the driver and serves it to Stream, with 86s shown inactive', async () => {
    const r = await rig();
    r.pos.catalog = DEV_CATALOG;
    const res = await importCatalog<ImportResult>(r.t, {
      source: 'pos',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ objects: 47, source: 'pos:http', warnings: [] });
    expect(r.pos.requests.filter((q) => q.kind === 'catalog')).toHaveLength(1);

    const off = await api(r.t.localUrl, 'POST', '/api/catalog/availability', {
      pin: TEST_PIN,
      body: { providerIds: ['fam-shake'], available: false },
    });
    expect(off.status).toBe(200);
    const served = await streamCatalog(r.t);
    expect(served.status).toBe(200);
    const active = Object.fromEntries(
      served.body.item_family.map((f) => [f.provider_id, f.is_active]),
    );
    expect(active).toMatchObject({ 'fam-shake': false, 'fam-cheeseburger': true });
    // The UI gets the catalog as imported.
    const ui = await local<typeof DEV_CATALOG>(r.t.localUrl, 'GET', '/api/catalog');
    expect(ui.body.item_family.find((f) => f.provider_id === 'fam-shake')?.is_active).toBe(true);
  });

  it('a POS that cannot give its catalog answers 502; without a POS driver the call is refused (409)', async () => {
    const r = await rig();
    const missing = await importCatalog<{ error: { code: string } }>(r.t, { source: 'pos' });
    expect(missing.status).toBe(502);
    expect(missing.body.error.code).toBe('pos_unavailable');
    const none = await rig({ pos: { driver: 'none' } });
    expect((await importCatalog(none.t, { source: 'pos' })).status).toBe(409);
  });

  it('imports a JSON file through the Local API: a wrong field is named, a reused provider_id refused, dangling references warned about', async () => {
    const r = await rig();
    const bad = structuredClone(DEV_CATALOG);
    (bad.item_family[2] as Record<string, unknown>).price_amount = 'cheap';
    const wrong = await importCatalog<{ error: { field: string; message: string } }>(r.t, {
      source: 'file',
      catalog: bad,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('body.catalog.item_family.2.price_amount');
    const dup = structuredClone(DEV_CATALOG) as Record<string, { provider_id: string }[]>;
    dup.item![0]!.provider_id = 'fam-cheeseburger';
    const reused = await importCatalog<{ error: { message: string } }>(r.t, {
      source: 'file',
      catalog: dup,
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error.message).toMatch(
      /item\.0\.provider_id: fam-cheeseburger is already used by item_family\.0/,
    );
    expect((await local(r.t.localUrl, 'GET', '/api/catalog')).status).toBe(404); // nothing stored

    // PUT /api/catalog is checked the same way (one schema, one check on every way in).
    const putWrong = await api<{ error: { field: string } }>(r.t.localUrl, 'PUT', '/api/catalog', {
      body: bad,
      pin: TEST_PIN,
    });
    expect(putWrong.status).toBe(400);
    expect(putWrong.body.error.field).toBe('body.item_family.2.price_amount');
    const putReused = await api<{ error: { message: string } }>(
      r.t.localUrl,
      'PUT',
      '/api/catalog',
      { body: dup, pin: TEST_PIN },
    );
    expect(putReused.status).toBe(400);
    expect(putReused.body.error.message).toMatch(/fam-cheeseburger is already used by/);
    expect((await local(r.t.localUrl, 'GET', '/api/catalog')).status).toBe(404);

    const dangling = structuredClone(DEV_CATALOG) as Record<string, { item_ids?: string[] }[]>;
    dangling.item_family![2]!.item_ids = ['item-fries-small', 'item-fries-huge'];
    const ok = await importCatalog<ImportResult>(r.t, {
      source: 'file',
      fileName: 'menu.json',
      catalog: dangling,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.source).toBe('file:menu.json');
    expect(ok.body.warnings).toEqual([
      'item family fam-fries names items that are not in the catalog: item-fries-huge',
    ]);
    expect((await streamCatalog(r.t)).status).toBe(200);
  });

  it('checks orders against it: unknown ids are invalid_cart; a subtotal below POS prices is rejected, noted or ignored per catalog.totalsPolicy', async () => {
    const rejecting = await rig({ catalog: { totalsPolicy: 'reject' } });
    await importCatalog(rejecting.t, {
      source: 'file',
      catalog: DEV_CATALOG,
    });
    const unknown = await sendToStreamListener<Rejection>(
      rejecting.t.streamUrl,
      orderCreated({
        lineItems: [
          { provider_id: 'fam-lobster', name: 'Lobster', quantity: 1, price_amount: 3000 },
        ],
      }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.posValidation.orderValidation?.[0]?.order_error).toBe('invalid_cart');
    const cheap = await sendToStreamListener<Rejection>(rejecting.t.streamUrl, cheapShakes());
    expect(cheap.status).toBe(400);
    expect(cheap.body.posValidation).toEqual({
      orderTotalsValidation: [{ posTotal: 1098, streamTotal: 1000 }],
    });
    // At the POS's prices (markups are fine), the order is taken.
    const fair = await sendToStreamListener(rejecting.t.streamUrl, orderCreated());
    expect(fair.status).toBe(200);

    const warning = await rig();
    await importCatalog(warning.t, {
      source: 'file',
      catalog: DEV_CATALOG,
    });
    const warned = await sendToStreamListener<{ order: { provider_id: string } }>(
      warning.t.streamUrl,
      cheapShakes(),
    );
    expect(warned.status).toBe(200);
    const detail = await local<{ timeline: { kind: string; detail: string | null }[] }>(
      warning.t.localUrl,
      'GET',
      `/api/orders/${warned.body.order.provider_id}`,
    );
    expect(detail.body.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'warning',
        detail: 'subtotal 1000 is below the POS prices (1098)',
      }),
    );

    const off = await rig({ catalog: { totalsPolicy: 'off' } });
    await importCatalog(off.t, {
      source: 'file',
      catalog: DEV_CATALOG,
    });
    const taken = await sendToStreamListener<{ order: { provider_id: string } }>(
      off.t.streamUrl,
      cheapShakes(),
    );
    expect(taken.status).toBe(200);
    const quiet = await local<{ timeline: { kind: string }[] }>(
      off.t.localUrl,
      'GET',
      `/api/orders/${taken.body.order.provider_id}`,
    );
    expect(quiet.body.timeline.map((e) => e.kind)).not.toContain('warning');
  });

  it('npm run catalog:import: into the running connector through its Local API, or into the database while it is stopped', async () => {
    const file = path.join(tempDataDir(), 'catalog.json');
    cleanups.push(() => rmSync(path.dirname(file), { recursive: true, force: true }));
    writeFileSync(file, JSON.stringify(DEV_CATALOG));

    // Running: the connector takes it at once (and tells every screen), with the manager PIN.
    const running = await startTestConnector({ config: { manager: { initialPin: TEST_PIN } } });
    cleanups.push(() => running.dispose());
    const port = Number(new URL(running.localUrl).port);
    const noPin = await runCli([file, '--config', cliConfig(running.dataDir, port)]);
    expect(noPin.stderr).toContain('HTTP 403');
    expect(noPin.code).toBe(1);
    expect(noPin.stderr).toContain('MANAGER_PIN');
    const live = await runCli([file, '--config', cliConfig(running.dataDir, port)], {
      MANAGER_PIN: TEST_PIN,
    });
    expect(live.stderr).toBe('');
    expect(live).toMatchObject({ code: 0 });
    expect(live.stdout).toContain('47 catalog objects imported into the running connector');
    expect((await streamCatalog(running)).status).toBe(200);

    // Stopped: straight into its database, served from the next start.
    const dataDir = tempDataDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const stopped = await runCli([file, '--config', cliConfig(dataDir, 1)]);
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('47 catalog objects stored');
    const next = await startTestConnector({ dataDir });
    cleanups.push(() => next.stop());
    expect((await streamCatalog(next)).body.item_family).toHaveLength(6);

    // A bad file names the field and stores nothing.
    writeFileSync(file, JSON.stringify({ item: [{ name: 'no id' }] }));
    const bad = await runCli([file, '--config', cliConfig(dataDir, 1)]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('catalog.item.0.provider_id');
  }, 30_000);
});
