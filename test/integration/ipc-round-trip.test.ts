// Every Local API call, generated from `localApi`, answers the same over the desktop path as over
// HTTP. Two identical connectors (same config, same manual clock, the same steps in the same
// order): one is called with the renderer's client over real HTTP, the other with the same client
// over the bridge the REAL preload builds (test/support/preload.ts), its ipcRenderer handing each
// call to the REAL main-process IPC (`registerIpc` → `dispatchCall` → handler). For each call:
// - a request it accepts: both succeed with the same answer (ids, data folders and ports aside);
// - a request its schemas refuse: the same status, code, message and field on both;
// - that request with a field no part of the call names: refused on both alike (a bodiless call
//   refuses it as `body` on both edges, shared/contract/request.ts `NO_BODY`).
// `cases` is a Record over every call name, so a new call does not compile until it has its case.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callNames,
  callSpec,
  isCounterOnly,
  type CallName,
  type ConnectorBridge,
} from '../../shared/contract.js';
import { createLocalApiClient, LocalApiError } from '../../renderer/src/api/client.js';
import { ServerClock } from '../../renderer/src/api/server-clock.js';
import { IPC_CHANNELS, registerIpc } from '../../electron/main/ipc.js';
import { silentLogger } from '../../electron/core/util/log.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { FakeIpcMain, FakeWebContents } from '../support/fake-electron.js';
import { orderCreated } from '../support/orders.js';
import { loadPreloadInNode } from '../support/preload.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

const PIN = '2468';

type AnyCall = (
  request?: Record<string, unknown>,
  options?: { managerPin?: string },
) => Promise<unknown>;

interface Side {
  name: 'http' | 'ipc';
  t: TestConnector;
  /** Orders sent to it so far (their numbers match side to side). */
  orders: number;
  call(name: CallName, request?: Record<string, unknown>, managerPin?: string): Promise<Outcome>;
}

type Outcome =
  | { ok: true; data: unknown }
  | { ok: false; status: number; code: string; message: string; field: string | undefined };

interface Sent {
  request?: Record<string, unknown>;
  managerPin?: string;
}

interface CallCase {
  /** A request the call accepts, made against this side's own connector (a fresh order …). */
  valid(side: Side): Promise<Sent> | Sent;
  /** A request its schemas refuse; null for a call with no input (the unknown field covers it). */
  invalid: Record<string, unknown> | null;
  /** Why the accepted request still fails here (both sides alike), when it must. */
  failsBecause?: string;
}

async function pendingOrder(side: Side): Promise<string> {
  // A step of the shared clock first: ids and lists sort by time, the same on both sides.
  side.t.clock.advance(200);
  side.orders += 1;
  const res = await sendToStreamListener<{ order: { provider_id: string } }>(
    side.t.streamUrl,
    orderCreated({ dspOrderNumber: `RT-${side.orders}` }),
  );
  expect(res.status).toBe(200);
  return res.body.order.provider_id;
}

async function acceptedOrder(side: Side): Promise<string> {
  const id = await pendingOrder(side);
  const res = await side.call('acceptOrder', { id });
  expect(res.ok).toBe(true);
  return id;
}

/** The demo catalog: the test orders' items are in it (an item outside the catalog is refused). */
const catalog = JSON.parse(
  readFileSync(new URL('../../config/dev-catalog.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const manager = (request?: Record<string, unknown>): Sent => ({
  ...(request ? { request } : {}),
  managerPin: PIN,
});

const cases: Record<CallName, CallCase> = {
  listOrders: {
    valid: () => ({ request: { status: 'pending', limit: 5 } }),
    invalid: { limit: 0 },
  },
  getOrder: { valid: async (s) => ({ request: { id: await pendingOrder(s) } }), invalid: {} },
  acceptOrder: {
    valid: async (s) => ({ request: { id: await pendingOrder(s), prepTimeMinutes: 25 } }),
    invalid: { id: 'ord_x', prepTimeMinutes: 999 },
  },
  rejectOrder: {
    valid: async (s) => ({
      request: { id: await pendingOrder(s), code: 'store_busy', reason: 'rush' },
    }),
    invalid: { id: 'ord_x', code: 'because' },
  },
  setOrderStatus: {
    valid: async (s) => ({ request: { id: await acceptedOrder(s), status: 'preparing' } }),
    invalid: { id: 'ord_x', status: 'eaten' },
  },
  getMissed: { valid: () => ({}), invalid: null },
  markMissedSeen: {
    valid: async (s) => ({ request: { id: await pendingOrder(s) } }),
    invalid: { id: '' },
    failsBecause: 'a pending order is not missed',
  },
  cancelOrder: {
    valid: async (s) => manager({ id: await acceptedOrder(s), reason: 'Customer asked' }),
    invalid: { id: 'ord_x', reason: '' },
  },
  getHealth: { valid: () => ({}), invalid: null },
  getSettings: { valid: () => ({}), invalid: null },
  updateSettings: { valid: () => manager({ prepTimeMinutes: 18 }), invalid: {} },
  listBackups: { valid: () => ({}), invalid: null },
  createBackup: { valid: () => ({}), invalid: null },
  searchHistory: { valid: () => ({ request: { q: 'Jane', limit: 10 } }), invalid: { limit: -1 } },
  historyTotals: {
    valid: () => ({ request: { from: '2026-11-20', to: '2026-11-23' } }),
    invalid: { from: 'yesterday', to: '2026-11-23' },
  },
  exportHistory: { valid: () => ({ request: { q: 'Jane' } }), invalid: { status: 'eaten' } },
  getStore: { valid: () => ({}), invalid: null },
  pauseStore: {
    valid: () => manager({ minutes: 30, reason: 'Too busy' }),
    invalid: { minutes: 0 },
  },
  resumeStore: { valid: () => manager({}), invalid: { reason: 5 } },
  setBusyMode: { valid: () => ({ request: { extraMinutes: 10 } }), invalid: { extraMinutes: -1 } },
  getAvailability: { valid: () => ({}), invalid: null },
  setAvailability: {
    valid: () => manager({ providerIds: ['fam-cola'], available: false, hours: 1 }),
    invalid: { providerIds: [], available: false },
  },
  searchCatalogObjects: { valid: () => ({ request: { q: 'fries' } }), invalid: { limit: 0 } },
  getManagerPin: { valid: () => ({}), invalid: null },
  setupManagerPin: {
    valid: () => ({ request: { pin: '9999' } }),
    invalid: { pin: 'x' },
    failsBecause: 'the PIN was set up before the calls ran (a second setup is refused)',
  },
  getManagerPinSetupCode: { valid: () => ({}), invalid: null },
  changeManagerPin: { valid: () => manager({ pin: PIN }), invalid: { pin: 12 } },
  verifyManagerPin: { valid: () => manager(), invalid: null },
  getAudit: { valid: () => manager({ format: 'csv' }), invalid: { format: 'xml' } },
  getCatalog: { valid: () => ({}), invalid: null },
  putCatalog: { valid: () => manager(catalog), invalid: { item: 'soup' } },
  importCatalog: {
    valid: () => manager({ source: 'file', fileName: 'menu.json', catalog }),
    invalid: { source: 'fax' },
  },
  createInStoreOrder: {
    valid: () => ({
      request: {
        fulfillmentType: 'pickup',
        source: 'phone',
        clientKey: 'draft-ipc-1',
        customer: { name: 'Ana Ruiz', phone: '555-0100' },
        items: [{ name: 'Lemonade', priceCents: 300, quantity: 2 }],
      },
    }),
    invalid: { fulfillmentType: 'pickup', items: [] },
  },
  getInStoreTerms: { valid: () => ({}), invalid: null },
  lookUpCustomer: {
    // The in-store order above gave this number on both sides (or none has yet): the same answer.
    valid: () => ({ request: { phone: '555-0100' } }),
    invalid: { phone: '555' },
  },
  listOutboxEvents: { valid: () => ({ request: { state: 'backlog' } }), invalid: { state: 'all' } },
  replayOutboxEvent: {
    valid: () => ({ request: { id: 'evt_missing' } }),
    invalid: { id: '' },
    failsBecause: 'no event is dead here, so there is none to replay',
  },
  getPosStatus: { valid: () => ({}), invalid: null },
  getOrderPos: { valid: async (s) => ({ request: { id: await acceptedOrder(s) } }), invalid: {} },
  retryOrderPos: {
    valid: async (s) => ({ request: { id: await acceptedOrder(s) } }),
    invalid: { id: 'ord_x', target: 'fax' },
    failsBecause: 'no POS driver is configured, so there is nothing to retry',
  },
  markOrderEnteredByHand: {
    valid: async (s) => ({ request: { id: await acceptedOrder(s), posOrderId: 'T-12' } }),
    invalid: { id: 'ord_x', posOrderId: '' },
    failsBecause: 'no POS driver is configured, so the order is not waiting for one',
  },
  reprintOrder: {
    valid: async (s) => ({ request: { id: await acceptedOrder(s) } }),
    invalid: {},
    failsBecause: 'no kitchen printer is configured',
  },
  getPrinterStatus: {
    valid: () => ({}),
    invalid: null,
    failsBecause: 'no kitchen printer is configured',
  },
  createStreamConnectCode: {
    valid: () => manager(),
    invalid: null,
    failsBecause: 'onboarding is off without stream.authorize',
  },
  getStreamConnection: { valid: () => ({}), invalid: null },
  disconnectStream: { valid: () => manager(), invalid: null },
};

let sides: { http: Side; ipc: Side };

/** How far the background sender got with an event to Stream: it races the call, on both sides
 * alike, and says nothing about the transport the call came by. */
const SENDER_PROGRESS = new Set([
  'attempts',
  'lastError',
  'lastStatus',
  'lastResponse',
  'lastAttemptAt',
  'nextAttemptAt',
]);

/** The answer with what legitimately differs between two connectors taken out. */
function normalized(outcome: Outcome, side: Side): unknown {
  const text = JSON.stringify(outcome, (key, value: unknown) =>
    SENDER_PROGRESS.has(key) ? '<sender>' : value,
  )
    .replaceAll(side.t.dataDir, '<dataDir>')
    .replaceAll(new URL(side.t.localUrl).port, '<port>')
    .replaceAll(new URL(side.t.streamUrl).port, '<port>')
    // Ids: prefix, 10 characters of time, 12 random (electron/core/util/ids.ts).
    .replace(/\b([a-z]+)_[0-9a-z]{22}\b/g, '$1_<id>')
    // Stream's own order id in the test orders (a fresh UUID each).
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');
  return JSON.parse(text) as unknown;
}

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, data: await run() };
  } catch (err) {
    if (!(err instanceof LocalApiError)) throw err;
    return {
      ok: false,
      status: err.status,
      code: err.code,
      message: err.message,
      field: err.field,
    };
  }
}

async function httpSide(): Promise<Side> {
  const t = await startTestConnector();
  const client = createLocalApiClient({
    transport: { kind: 'http', baseUrl: t.localUrl, token: TEST_LOCAL_TOKEN },
    clock: new ServerClock(),
    language: () => 'en',
    actor: () => 'Maria',
  });
  return {
    name: 'http',
    t,
    orders: 0,
    call: (name, request, managerPin) =>
      outcomeOf(() => (client[name] as AnyCall)(request, managerPin ? { managerPin } : {})),
  };
}

/** client → bridge (the real preload) → ipcRenderer stand-in → registerIpc → dispatchCall. */
async function ipcSide(): Promise<Side> {
  const t = await startTestConnector();
  const ipcMain = new FakeIpcMain();
  const window = new FakeWebContents();
  window.mainFrame.url = 'app://bundle/index.html';
  registerIpc({
    ipcMain: ipcMain as never,
    handlers: t.connector.handlers,
    windowContentsId: () => window.id,
    log: silentLogger,
    rendererLog: silentLogger,
  });
  const exposed = loadPreloadInNode({
    invoke: (channel, ...args) => ipcMain.invoke(channel, window.ipcEvent(), ...args),
    send: (channel, ...args) => ipcMain.emit(channel, window.ipcEvent(), ...args),
    on: () => undefined,
    removeListener: () => undefined,
  });
  const bridge = exposed.get('connector') as ConnectorBridge;
  expect(bridge.transport).toBe('ipc');
  const client = createLocalApiClient({
    transport: { kind: 'ipc', bridge },
    clock: new ServerClock(),
    language: () => 'en',
    actor: () => 'Maria',
  });
  return {
    name: 'ipc',
    t,
    orders: 0,
    call: (name, request, managerPin) =>
      outcomeOf(() => (client[name] as AnyCall)(request, managerPin ? { managerPin } : {})),
  };
}

/** The same step on both sides, HTTP first; the two outcomes. */
async function both(step: (side: Side) => Promise<Outcome>): Promise<[Outcome, Outcome]> {
  const overHttp = await step(sides.http);
  const overIpc = await step(sides.ipc);
  return [overHttp, overIpc];
}

beforeAll(async () => {
  sides = { http: await httpSide(), ipc: await ipcSide() };
  expect(IPC_CHANNELS.call).toBe('connector:call');
  // The first PIN: over HTTP with the one-time code the counter shows, over the bridge (the
  // counter's own window) without. The one designed difference; from here on the two agree.
  const setupCode = sides.http.t.connector.pins.currentSetupCode();
  expect((await sides.http.call('setupManagerPin', { pin: PIN, setupCode })).ok).toBe(true);
  expect((await sides.ipc.call('setupManagerPin', { pin: PIN })).ok).toBe(true);
  for (const side of [sides.http, sides.ipc])
    expect((await side.call('putCatalog', catalog, PIN)).ok).toBe(true);
});
afterAll(async () => {
  await sides?.http.t.dispose();
  await sides?.ipc.t.dispose();
});

describe('every contract call over IPC answers as over HTTP', () => {
  it('has a case for every call in the contract, and no other', () => {
    expect(Object.keys(cases).sort()).toEqual([...callNames].sort());
  });

  it.each(callNames.filter((name) => isCounterOnly(name)))(
    '%s exists on the bridge only: the HTTP listener has no route for it',
    async (name) => {
      const { request, managerPin } = await cases[name].valid(sides.ipc);
      expect(await sides.ipc.call(name, request, managerPin)).toMatchObject({ ok: true });
      const overHttp = await sides.http.call(name, request, managerPin);
      expect(overHttp).toMatchObject({ ok: false, status: 404 });
    },
  );

  it.each(callNames.filter((name) => !isCounterOnly(name)))('%s', async (name) => {
    const spec = callSpec(name);
    const c = cases[name];
    // Accepted: the same answer. (Each side makes its own fresh order etc. for it.)
    const sent: Partial<Record<Side['name'], Sent>> = {};
    const [http, ipc] = await both(async (side) => {
      const request = await c.valid(side);
      sent[side.name] = request;
      return side.call(name, request.request, request.managerPin);
    });
    expect(normalized(ipc, sides.ipc), 'accepted request').toEqual(normalized(http, sides.http));
    if (c.failsBecause) expect(http.ok, c.failsBecause).toBe(false);
    else expect(http, 'the accepted request succeeds').toMatchObject({ ok: true });

    // Refused by the schemas: status, code, message and field alike.
    if (c.invalid) {
      const [badHttp, badIpc] = await both((side) =>
        side.call(name, c.invalid!, sent[side.name]?.managerPin),
      );
      expect(badHttp).toMatchObject({ ok: false, status: 400, code: 'invalid_request' });
      expect(badIpc, 'refused request').toEqual(badHttp);
    } else {
      expect(
        spec.params ?? spec.query ?? spec.body,
        'only a call without input has no invalid case',
      ).toBeUndefined();
    }

    // A field no part of the call names.
    const [oddHttp, oddIpc] = await both(async (side) => {
      const request = await c.valid(side);
      return side.call(name, { ...request.request, zzUnknown: 1 }, request.managerPin);
    });
    expect(normalized(oddIpc, sides.ipc), 'unknown field').toEqual(normalized(oddHttp, sides.http));
    if (!spec.body)
      expect(oddHttp).toEqual({
        ok: false,
        status: 400,
        code: 'invalid_request',
        message: 'body: unknown field(s) zzUnknown',
        field: 'body',
      });
  });
});

describe('a field a bodiless call does not know', () => {
  it('is refused by the HTTP route itself (not only by the client), as by the IPC dispatch', async () => {
    const raw = await local<{ error: Record<string, string> }>(
      sides.http.t.localUrl,
      'POST',
      '/api/backups',
      { zzUnknown: 1 },
    );
    expect(raw.status).toBe(400);
    expect(raw.body).toEqual({
      error: {
        code: 'invalid_request',
        message: 'body: unknown field(s) zzUnknown',
        field: 'body',
      },
    });
    // An empty body, or none, is what a bodiless call takes.
    expect((await local(sides.http.t.localUrl, 'POST', '/api/backups', {})).status).toBe(200);
    expect((await local(sides.http.t.localUrl, 'POST', '/api/backups')).status).toBe(200);
    const overIpc = await sides.ipc.call('createBackup', { zzUnknown: 1 });
    expect(overIpc).toEqual({ ok: false, status: 400, ...raw.body.error });
  });
});
