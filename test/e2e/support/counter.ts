// One counter terminal for an e2e test file: the UI built from the current source, a real
// connector serving it, and Debian's Chromium with sound allowed (as the desktop shell allows
// it). `close()` undoes all of it, whatever got started. `useCounter` is how a test file gets
// one: it registers the start and close hooks and returns the counter to read in the tests.
import type { Browser, Page } from '@playwright/test';
import { FakeStream } from '../../support/fake-stream.js';
import { launchChromium } from './browser.js';
import { startE2eConnector, type E2eConnector } from './connector.js';
import { uiForTest, type BuiltUi } from './ui-build.js';
import { useStarted } from './use-started.js';

export interface Counter {
  app: E2eConnector;
  browser: Browser;
  /** The Stream cloud the connector reports to, when started `withStream` (else absent). */
  stream?: FakeStream;
  close(): Promise<void>;
}

export interface CounterOptions {
  /** Write `<dataDir>/logs/connector.log` as the product does (tests read it). */
  realLog?: boolean;
  /** The browser plays sound without a tap, as the desktop shell does (default true). */
  soundAllowed?: boolean;
  /**
   * Start a fake Stream cloud (test/support/fake-stream.ts, real clock) first and point the
   * connector's `stream.apiUrl` at it; closed after the counter.
   */
  withStream?: boolean;
}

type Settings = Record<string, unknown>;

/** `config`: connector settings over the test defaults (deep-merged). */
export async function startCounter(
  config: Settings = {},
  options: CounterOptions = {},
): Promise<Counter> {
  let stream: FakeStream | undefined;
  let ui: BuiltUi | undefined;
  let app: E2eConnector | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await app?.dispose();
    ui?.remove();
    await stream?.close();
  };
  try {
    if (options.withStream) {
      stream = await FakeStream.start();
      const streamSettings = (config.stream ?? {}) as Settings;
      config = { ...config, stream: { ...streamSettings, apiUrl: stream.url } };
    }
    ui = await uiForTest();
    app = await startE2eConnector(ui.dir, config, options);
    browser = await launchChromium({ soundAllowed: options.soundAllowed ?? true });
    return { app, browser, stream, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The started counter as a test reads it. */
export interface CounterAccess {
  readonly app: E2eConnector;
  readonly browser: Browser;
  /** The fake Stream cloud; only with `withStream`. */
  readonly stream: FakeStream;
  /** A new page on the board (1366×768 unless told), once its push connection is open. */
  openBoard(page?: {
    viewport?: { width: number; height: number };
    locale?: string;
  }): Promise<Page>;
}

/**
 * Registers, in the calling `describe`, a `beforeAll` that starts a counter (then runs `seed`
 * on it) and an `afterAll` that closes it. `config` may be a function when it needs something
 * another hook registered before this one started (a fake POS's URL …).
 */
export function useCounter(
  config: Settings | (() => Settings) = {},
  seed?: (counter: Counter) => Promise<void>,
  options: CounterOptions = {},
): CounterAccess {
  const counter = useStarted(
    'counter',
    () => startCounter(typeof config === 'function' ? config() : config, options),
    seed,
  );
  return {
    get app() {
      return counter().app;
    },
    get browser() {
      return counter().browser;
    },
    get stream() {
      const { stream } = counter();
      if (!stream) throw new Error('this counter has no fake Stream: start it withStream');
      return stream;
    },
    async openBoard({ viewport = { width: 1366, height: 768 }, locale } = {}) {
      const { app, browser } = counter();
      const page = await browser.newPage({ viewport, ...(locale ? { locale } : {}) });
      await page.goto(app.boardUrl);
      await page.locator('.app[data-connection="open"]').waitFor();
      return page;
    },
  };
}
