// The Local API over IPC against a real connector (real SQLite, real handlers): every contract
// call is reachable, payloads are validated with the contract's schemas and answered with the
// same error codes as HTTP, and messages from any frame but our window's top frame showing our
// bundle are refused before they reach a handler.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localApi } from '../../shared/contract.js';
import {
  dispatchCall,
  IPC_CHANNELS,
  isTrustedSender,
  registerIpc,
} from '../../electron/main/ipc.js';
import { silentLogger, type Logger } from '../../electron/core/util/log.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { FakeFrame, FakeIpcMain, FakeWebContents } from '../support/fake-electron.js';
import { orderCreated } from '../support/orders.js';
import { sendToStreamListener } from '../support/stream-client.js';

let t: TestConnector;
let ipcMain: FakeIpcMain;
let page: FakeWebContents;
let rendererLines: string[];

beforeEach(async () => {
  t = await startTestConnector();
  ipcMain = new FakeIpcMain();
  page = new FakeWebContents();
  page.mainFrame.url = 'app://bundle/index.html';
  rendererLines = [];
  const line = (level: string) => (msg: string) => rendererLines.push(`${level}: ${msg}`);
  const rendererLog = { info: line('info'), warn: line('warn'), error: line('error') } as Pick<
    Logger,
    'info' | 'warn' | 'error'
  >;
  registerIpc({
    ipcMain: ipcMain as never,
    handlers: t.connector.handlers,
    windowContentsId: () => page.id,
    log: silentLogger,
    rendererLog,
  });
});
afterEach(async () => {
  await t.dispose();
});

const call = (name: unknown, request?: unknown, options?: unknown, event = page.ipcEvent()) =>
  ipcMain.invoke(IPC_CHANNELS.call, event, name, request, options) as Promise<
    | { ok: true; data: Record<string, unknown> }
    | { ok: false; error: { status: number; code: string; message: string; field?: string } }
  >;

async function pendingOrderId(): Promise<string> {
  const res = await sendToStreamListener<{ order: { provider_id: string } }>(
    t.streamUrl,
    orderCreated(),
  );
  expect(res.status).toBe(200);
  return res.body.order.provider_id;
}

describe('sender check', () => {
  it('accepts only the top frame of our window showing our bundle', () => {
    const other = new FakeWebContents();
    other.mainFrame.url = 'app://bundle/index.html';
    expect(isTrustedSender(page.ipcEvent() as never, page.id)).toBe(true);
    expect(
      isTrustedSender(
        page.ipcEvent(new FakeFrame('app://bundle/x.html', page.mainFrame)) as never,
        page.id,
      ),
    ).toBe(false);
    expect(isTrustedSender(other.ipcEvent() as never, page.id)).toBe(false);
    expect(isTrustedSender(page.ipcEvent(null) as never, page.id)).toBe(false);
    expect(isTrustedSender(page.ipcEvent() as never, null)).toBe(false);
    page.mainFrame.url = 'https://example.com/';
    expect(isTrustedSender(page.ipcEvent() as never, page.id)).toBe(false);
  });

  it.each([
    [
      'an iframe inside our page',
      () => page.ipcEvent(new FakeFrame('app://bundle/index.html', page.mainFrame)),
    ],
    [
      'a page that navigated elsewhere',
      () => page.ipcEvent(new FakeFrame('https://bundle.example/')),
    ],
    ['a look-alike origin', () => page.ipcEvent(new FakeFrame('app://bundle.evil/'))],
    ['a frame that is gone', () => page.ipcEvent(null)],
  ])('refuses a call from %s with 403 and reaches no handler', async (_name, event) => {
    const id = await pendingOrderId();
    const res = await call('acceptOrder', { id }, undefined, event());
    expect(res).toMatchObject({ ok: false, error: { status: 403, code: 'forbidden' } });
    expect(t.connector.ctx.orders.detail(id)?.status).toBe('pending');
  });
});

describe('calls', () => {
  it('registers one channel that reaches every call of the contract', async () => {
    // (and the save-file channel, the one thing the page asks of the shell itself)
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CHANNELS.call, IPC_CHANNELS.saveFile]);
    for (const name of Object.keys(localApi)) {
      // A malformed request stops at validation, so no handler runs; the answer still shows the
      // call was found (400, not "unknown call").
      const res = await call(name, 'not an object');
      expect(res, name).toMatchObject({
        ok: false,
        error: { status: 400, code: 'invalid_request' },
      });
    }
  });

  it('answers getHealth with the same data as the handler', async () => {
    const res = await call('getHealth');
    expect(res.ok).toBe(true);
    if (res.ok)
      expect(res.data).toEqual(await t.connector.handlers.getHealth({}, { actor: 'test' }));
  });

  it('accepts an order with params and body split from one request, and records the actor', async () => {
    const id = await pendingOrderId();
    const res = await call('acceptOrder', { id, prepTimeMinutes: 20 }, { actor: 'Ana <script>' });
    expect(res.ok).toBe(true);
    const detail = t.connector.ctx.orders.detail(id)!;
    expect(detail.status).toBe('accepted');
    expect(detail.prepTimeMinutes).toBe(20);
    expect(JSON.stringify(detail.timeline)).toContain('staff:Ana script');
  });

  it('parses query fields the way HTTP does', async () => {
    await pendingOrderId();
    const res = await call('listOrders', { status: 'pending', limit: 5 });
    expect(res.ok && (res.data.orders as unknown[]).length).toBe(1);
  });

  it.each([
    ['an unknown call', 'dropTables', {}, undefined, 404, 'unknown_call', undefined],
    ['a prototype key as name', '__proto__', {}, undefined, 404, 'unknown_call', undefined],
    [
      'a request that is not an object',
      'getHealth',
      'x',
      undefined,
      400,
      'invalid_request',
      'request',
    ],
    ['a request that is an array', 'getHealth', [], undefined, 400, 'invalid_request', 'request'],
    ['a missing path param', 'getOrder', {}, undefined, 400, 'invalid_request', 'params.id'],
    [
      'a body field of the wrong type',
      'acceptOrder',
      { id: 'ord_x', prepTimeMinutes: 'soon' },
      undefined,
      400,
      'invalid_request',
      'body.prepTimeMinutes',
    ],
    [
      'an unknown body field',
      'acceptOrder',
      { id: 'ord_x', tip: 5 },
      undefined,
      400,
      'invalid_request',
      'body',
    ],
    [
      'an unknown field on a call without body',
      'getHealth',
      { drop: true },
      undefined,
      400,
      'invalid_request',
      'body',
    ],
    [
      'a bad query value',
      'listOrders',
      { status: 'eaten' },
      undefined,
      400,
      'invalid_request',
      'query.status.0',
    ],
    ['unknown options', 'getHealth', {}, { sudo: true }, 400, 'invalid_request', 'options'],
    [
      'an over-long actor',
      'getHealth',
      {},
      { actor: 'x'.repeat(65) },
      400,
      'invalid_request',
      'options.actor',
    ],
  ])(
    'refuses %s with the field named',
    async (_what, name, request, options, status, code, field) => {
      const res = await call(name, request, options);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.status).toBe(status);
        expect(res.error.code).toBe(code);
        expect(res.error.field).toBe(field);
      }
    },
  );

  it('passes the handler’s own errors through with their status and code', async () => {
    const res = await call('getOrder', { id: 'ord_missing' });
    expect(res).toEqual({
      ok: false,
      error: { status: 404, code: 'not_found', message: 'order ord_missing does not exist' },
    });
    const id = await pendingOrderId();
    expect((await call('acceptOrder', { id })).ok).toBe(true);
    const again = await call('rejectOrder', { id, code: 'store_busy' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.status).toBe(409);
  });

  it('answers an unexpected failure as a 500 without detail', async () => {
    const res = await dispatchCall(
      {
        ...t.connector.handlers,
        getHealth: () => {
          throw new Error('disk table xyz corrupt');
        },
      },
      'getHealth',
      {},
      undefined,
      silentLogger,
    );
    expect(res).toEqual({
      ok: false,
      error: { status: 500, code: 'internal', message: 'internal error' },
    });
  });
});

describe('renderer log lines', () => {
  it('writes valid lines from our page, truncated, and ignores the rest', () => {
    ipcMain.emit(IPC_CHANNELS.log, page.ipcEvent(), 'warn', 'sound is muted');
    ipcMain.emit(IPC_CHANNELS.log, page.ipcEvent(), 'error', 'x'.repeat(5000));
    ipcMain.emit(IPC_CHANNELS.log, page.ipcEvent(), 'debug', 'no such level');
    ipcMain.emit(IPC_CHANNELS.log, page.ipcEvent(), 'info', { not: 'a string' });
    ipcMain.emit(IPC_CHANNELS.log, page.ipcEvent(new FakeFrame('https://evil/')), 'info', 'forged');
    expect(rendererLines).toEqual(['warn: sound is muted', `error: ${'x'.repeat(2000)}`]);
  });
});

describe('saving a file for the page (the history CSV in the desktop app)', () => {
  let dir: string;
  let saveIpc: FakeIpcMain;
  let asked: { suggestedPath: string; extension: string | null }[];
  let answer: string | null;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'save-file-'));
    saveIpc = new FakeIpcMain();
    asked = [];
    answer = null;
    registerIpc({
      ipcMain: saveIpc as never,
      handlers: t.connector.handlers,
      windowContentsId: () => page.id,
      log: silentLogger,
      rendererLog: silentLogger,
      saveFile: {
        defaultDir: () => path.join(dir, 'Downloads'),
        choosePath: (suggestedPath, extension) => {
          asked.push({ suggestedPath, extension });
          return Promise.resolve(answer);
        },
      },
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const save = (file: unknown, event = page.ipcEvent()) =>
    saveIpc.invoke(IPC_CHANNELS.saveFile, event, file) as Promise<
      | { ok: true; path: string | null }
      | { ok: false; error: { status: number; code: string; message: string } }
    >;

  it('asks where with the system dialog and writes exactly the CSV the Local API exported', async () => {
    await pendingOrderId();
    const exported = await saveIpc.invoke(IPC_CHANNELS.call, page.ipcEvent(), 'exportHistory', {});
    const { file } = (
      exported as {
        ok: true;
        data: { file: { name: string; contentType: string; content: string } };
      }
    ).data;
    expect(file.content.split('\n').length).toBeGreaterThan(1);
    answer = path.join(dir, 'chosen.csv');
    expect(await save(file)).toEqual({ ok: true, path: answer });
    expect(readFileSync(answer, 'utf8')).toBe(file.content);
    expect(asked).toEqual([
      { suggestedPath: path.join(dir, 'Downloads', file.name), extension: 'csv' },
    ]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('writes nothing when staff cancel the dialog', async () => {
    answer = null;
    expect(await save({ name: 'x.csv', contentType: 'text/csv', content: 'a' })).toEqual({
      ok: true,
      path: null,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never lets the page choose a folder: only a cleaned file name reaches the dialog', async () => {
    answer = null;
    for (const name of ['../../etc/passwd', 'C:\\Windows\\system32\\evil.csv', 'con.csv', '  ..  '])
      await save({ name, contentType: 'text/csv', content: 'a' });
    expect(asked.map((a) => path.basename(a.suggestedPath))).toEqual([
      'passwd.csv',
      'evil.csv',
      '_con.csv',
      'export.csv',
    ]);
    for (const a of asked) expect(path.dirname(a.suggestedPath)).toBe(path.join(dir, 'Downloads'));
  });

  it('refuses a bad payload, an untrusted sender, and reports a write that failed', async () => {
    const bad = await save({ name: 'x.csv', contentType: 'text/csv', content: 5 });
    expect(bad).toMatchObject({ ok: false, error: { status: 400, code: 'invalid_request' } });
    const forged = await save(
      { name: 'x.csv', contentType: 'text/csv', content: 'a' },
      page.ipcEvent(new FakeFrame('https://evil/')),
    );
    expect(forged).toMatchObject({ ok: false, error: { status: 403 } });
    expect(asked).toEqual([]);
    answer = path.join(dir, 'no-such-folder', 'x.csv');
    const failed = await save({ name: 'x.csv', contentType: 'text/csv', content: 'a' });
    expect(failed).toMatchObject({ ok: false, error: { status: 500, code: 'save_failed' } });
    expect((failed as { error: { message: string } }).error.message).toContain('ENOENT');
  });

  it('is refused by a shell that cannot save files', async () => {
    // The default registration in this file has no saveFile.
    const res = (await ipcMain.invoke(IPC_CHANNELS.saveFile, page.ipcEvent(), {
      name: 'x.csv',
      contentType: 'text/csv',
      content: 'a',
    })) as { ok: false; error: { status: number } };
    expect(res.error.status).toBe(501);
  });
});
