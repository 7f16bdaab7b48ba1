// Desktop mode without the Electron binary: the built renderer served from a plain static origin
// (no Local API there, as `app://bundle` inside the shell), `window.connector` built by the REAL
// preload (electron/preload/preload.cts, transpiled as Electron loads it) over a minimal
// `ipcRenderer` / `contextBridge` stand-in, whose messages go through Playwright bindings to the
// REAL main-process IPC (electron/main/ipc.ts `registerIpc`, push.ts `forwardPushEvents`)
// running against a real connector. What only Electron itself does (the sandbox, the real
// context isolation, the app:// protocol) is checked on a release machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { FakeStream } from '../../support/fake-stream.js';
import { registerIpc } from '../../../electron/main/ipc.js';
import { APP_ORIGIN } from '../../../electron/main/protocol.js';
import { forwardPushEvents } from '../../../electron/main/push.js';
import { silentLogger } from '../../../electron/core/util/log.js';
import type { Connector } from '../../../electron/core/app.js';
import { FakeIpcMain } from '../../support/fake-electron.js';
import { preloadJs } from '../../support/preload.js';
import { launchChromium } from './browser.js';
import { startE2eConnector, type E2eConnector } from './connector.js';
import { uiForTest, type BuiltUi } from './ui-build.js';
import { useStarted } from './use-started.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wav': 'audio/wav',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A plain static server for the built UI: files only, no `/api/` of any kind. */
export async function serveStatic(
  dir: string,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Records which alert sound the page starts: each decoded buffer is tagged with the URL its bytes
 * came from, and `AudioBufferSourceNode.start` logs the tag. The page's own code is untouched;
 * only the browser APIs it calls are watched.
 */
const SOUND_RECORDER = `(() => {
  const started = [];
  Object.defineProperty(window, '__soundsStarted', { value: started });
  const urlOf = new WeakMap();
  const arrayBuffer = Response.prototype.arrayBuffer;
  Response.prototype.arrayBuffer = async function () {
    const bytes = await arrayBuffer.call(this);
    urlOf.set(bytes, this.url);
    return bytes;
  };
  const decode = BaseAudioContext.prototype.decodeAudioData;
  BaseAudioContext.prototype.decodeAudioData = async function (bytes, ...rest) {
    const url = urlOf.get(bytes);
    const buffer = await decode.call(this, bytes, ...rest);
    if (url) urlOf.set(buffer, url);
    return buffer;
  };
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (...args) {
    started.push(String(urlOf.get(this.buffer) ?? 'unknown').split('/').pop());
    return start.apply(this, args);
  };
})();`;

/** The preload as Electron runs it: CommonJS whose `require` knows only 'electron'. */
function preloadInitScript(): string {
  const js = preloadJs();
  return `(() => {
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, ...args) => window.__desktopInvoke(channel, ...args),
    send: (channel, ...args) => { void window.__desktopSend(channel, ...args); },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
    },
    removeListener: (channel, listener) => { listeners.get(channel)?.delete(listener); },
  };
  const contextBridge = {
    exposeInMainWorld: (key, api) =>
      Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: false }),
  };
  // main → renderer (webContents.send): the harness calls this with the channel and the value.
  Object.defineProperty(window, '__desktopEmit', {
    value: (channel, value) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc internals' }, value);
    },
  });
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('module not found: ' + name);
  };
  const module = { exports: {} };
  (function (require, module, exports) {\n${js}\n})(require, module, module.exports);
})();`;
}

export interface DesktopPage {
  page: Page;
  context: BrowserContext;
  /** Calls that went over the bridge, by name, in order. */
  bridgeCalls: string[];
  /** Requests the page made to its own origin's `/api/` (must stay empty). */
  ownOriginApi: string[];
  /** Where `saveFile` wrote (the save dialog answered with a path in here). */
  saveDir: string;
  /** What the shell's save dialog was asked for, and the path it answered, in order. */
  saves: { suggestedPath: string; path: string }[];
  /** The alert sound files the page started, in order (`cancel-<hash>.wav` …). */
  soundsStarted(): Promise<string[]>;
  close(): Promise<void>;
}

const CONTENTS_ID = 1;

/** Opens the board as the desktop shell would, wired to `connector` through the real IPC code. */
export async function openDesktopPage(
  browser: Browser,
  connector: Connector,
  origin: string,
  viewport = { width: 1366, height: 768 },
): Promise<DesktopPage> {
  const context = await browser.newContext({ viewport });
  const ipcMain = new FakeIpcMain();
  const saveDir = mkdtempSync(path.join(tmpdir(), 'connector-save-'));
  const bridgeCalls: string[] = [];
  const ownOriginApi: string[] = [];
  const saves: DesktopPage['saves'] = [];
  let page: Page | null = null;
  // The sender as Electron reports it: our one window, its frame, showing the bundle (the static
  // origin stands in for app://bundle; any other origin stays itself and is refused).
  const senderEvent = (frame: { url(): string; parentFrame(): unknown }) => {
    const url = new URL(frame.url());
    const shown = url.origin === origin ? APP_ORIGIN + url.pathname : url.href;
    return {
      sender: { id: CONTENTS_ID },
      senderFrame: { url: shown, parent: frame.parentFrame() ? {} : null },
    };
  };
  await context.exposeBinding(
    '__desktopInvoke',
    async (source, channel: string, ...args: unknown[]) => {
      if (channel === 'connector:call') bridgeCalls.push(String(args[0]));
      return ipcMain.invoke(channel, senderEvent(source.frame), ...args);
    },
  );
  await context.exposeBinding('__desktopSend', (source, channel: string, ...args: unknown[]) => {
    ipcMain.emit(channel, senderEvent(source.frame), ...args);
  });
  await context.addInitScript({ content: SOUND_RECORDER });
  await context.addInitScript({ content: preloadInitScript() });
  const unregister = registerIpc({
    ipcMain: ipcMain as never,
    handlers: connector.handlers,
    windowContentsId: () => CONTENTS_ID,
    log: silentLogger,
    rendererLog: silentLogger,
    saveFile: {
      defaultDir: () => saveDir,
      choosePath: async (suggestedPath) => {
        const chosen = path.join(saveDir, path.basename(suggestedPath));
        saves.push({ suggestedPath, path: chosen });
        return chosen;
      },
    },
  });
  const stopPush = forwardPushEvents(connector.ctx.bus, () =>
    page
      ? {
          send: (channel: string, value: unknown) => {
            void page!
              .evaluate(
                ([c, v]) =>
                  (
                    window as unknown as { __desktopEmit(c: string, v: unknown): void }
                  ).__desktopEmit(c, v),
                [channel, value] as const,
              )
              .catch(() => undefined); // the page is closing
          },
          isDestroyed: () => page!.isClosed(),
        }
      : null,
  );
  page = await context.newPage();
  page.on('request', (request) => {
    if (request.url().startsWith(`${origin}/api/`)) ownOriginApi.push(request.url());
  });
  await page.goto(`${origin}/index.html`);
  return {
    page,
    context,
    bridgeCalls,
    ownOriginApi,
    saveDir,
    saves,
    soundsStarted: () =>
      page.evaluate(() => [
        ...(window as unknown as { __soundsStarted: string[] }).__soundsStarted,
      ]),
    async close() {
      stopPush();
      unregister();
      await context.close();
      rmSync(saveDir, { recursive: true, force: true });
    },
  };
}

export interface DesktopCounter {
  app: E2eConnector;
  /** The Stream cloud the connector reports to (test/support/fake-stream.ts). */
  stream: FakeStream;
  /** What Stream applied that mentions `text` (an order id …), as wire JSON, in order. */
  heardByStream(text: string): string[];
  /** Opens a desktop-mode page on this connector (closed with the counter if not before). */
  open(viewport?: { width: number; height: number }): Promise<DesktopPage>;
  close(): Promise<void>;
}

/**
 * One desktop-mode counter for an e2e file: the run's UI build served from a plain static
 * origin, a real connector reporting to a fake Stream, and Chromium with sound allowed (as the
 * shell allows it). `close()` undoes all of it, whatever got started.
 */
export async function startDesktopCounter(
  config: Record<string, unknown> = {},
): Promise<DesktopCounter> {
  let ui: BuiltUi | undefined;
  let stream: FakeStream | undefined;
  let app: E2eConnector | undefined;
  let site: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let browser: Browser | undefined;
  const pages = new Set<DesktopPage>();
  const close = async (): Promise<void> => {
    for (const page of pages) await page.close();
    await browser?.close();
    await site?.close();
    await app?.dispose();
    await stream?.close();
    ui?.remove();
  };
  try {
    ui = await uiForTest();
    stream = await FakeStream.start();
    const streamConfig = { ...(config.stream as object), apiUrl: stream.url };
    app = await startE2eConnector(ui.dir, { ...config, stream: streamConfig });
    site = await serveStatic(ui.dir);
    browser = await launchChromium({ soundAllowed: true });
  } catch (err) {
    await close();
    throw err;
  }
  const ready = { app, stream, site, browser };
  return {
    app: ready.app,
    stream: ready.stream,
    heardByStream: (text) =>
      ready.stream.effects.map((e) => JSON.stringify(e.json)).filter((json) => json.includes(text)),
    async open(viewport) {
      const desktop = await openDesktopPage(
        ready.browser,
        ready.app.connector,
        ready.site.origin,
        viewport,
      );
      pages.add(desktop);
      const close = desktop.close.bind(desktop);
      return Object.assign(desktop, {
        close: async () => {
          if (!pages.delete(desktop)) return;
          await close();
        },
      });
    },
    close,
  };
}

/** A desktop counter's start-up budget: the static origin and the bridge on top of a counter. */
const DESKTOP_SETUP_TIMEOUT_MS = 90_000;

/**
 * Registers, in the calling `describe`, a `beforeAll` that starts a desktop counter (then runs
 * `seed` on it) and an `afterAll` that closes it; returns the counter as a test reads it.
 */
export function useDesktopCounter(
  config: Record<string, unknown> = {},
  seed?: (counter: DesktopCounter) => Promise<void>,
): Omit<DesktopCounter, 'close'> {
  const counter = useStarted(
    'desktop counter',
    () => startDesktopCounter(config),
    seed,
    DESKTOP_SETUP_TIMEOUT_MS,
  );
  return {
    get app() {
      return counter().app;
    },
    get stream() {
      return counter().stream;
    },
    heardByStream: (text) => counter().heardByStream(text),
    open: (viewport) => counter().open(viewport),
  };
}
