// One counter terminal for an e2e test file: the UI built from the current source, a real
// connector serving it, and Debian's Chromium with sound allowed (as the desktop shell allows
// it). `close()` undoes all three, whatever got started.
import type { Browser } from '@playwright/test';
import { launchChromium } from './browser.js';
import { startE2eConnector, type E2eConnector } from './connector.js';
import { uiForTest, type BuiltUi } from './ui-build.js';

export interface Counter {
  app: E2eConnector;
  browser: Browser;
  close(): Promise<void>;
}

/** `config`: connector settings over the test defaults (deep-merged). */
export async function startCounter(
  config: Record<string, unknown> = {},
  options: { realLog?: boolean; soundAllowed?: boolean } = {},
): Promise<Counter> {
  let ui: BuiltUi | undefined;
  let app: E2eConnector | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await app?.dispose();
    ui?.remove();
  };
  try {
    ui = await uiForTest();
    app = await startE2eConnector(ui.dir, config, options);
    browser = await launchChromium({ soundAllowed: options.soundAllowed ?? true });
    return { app, browser, close };
  } catch (err) {
    await close();
    throw err;
  }
}
