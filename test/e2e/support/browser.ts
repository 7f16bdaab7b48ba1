// Debian's Chromium driven by Playwright. The browser is never downloaded: it must be installed
// with `apt-get install -y chromium`. Without it the e2e tests are skipped with the reason
// printed, except under CI (CI=true), where a missing browser fails the run loudly.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the e2e tests cannot run here, or null when they can. */
export function browserMissingReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const reason = `Chromium not found at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;
  if (process.env.CI) throw new Error(`e2e tests cannot run in CI: ${reason}`);
  console.warn(`SKIPPING e2e tests: ${reason}`);
  return reason;
}

export function launchChromium(options: { soundAllowed?: boolean } = {}): Promise<Browser> {
  const args = [...CHROMIUM_ARGS];
  // A counter terminal's shell allows sound without a tap; a plain browser does not.
  if (options.soundAllowed) args.push('--autoplay-policy=no-user-gesture-required');
  const launch: LaunchOptions = { executablePath: CHROMIUM_PATH, args, headless: true };
  return chromium.launch(launch);
}
