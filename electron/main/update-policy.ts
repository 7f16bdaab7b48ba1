// When a downloaded update may restart the app. Never while an order is open (a restart drops
// the cashier's screen in the middle of a 60-second window) and never while the store is open
// by its opening hours. Where no opening hours are configured, the restart window from the
// config (store time, default 02:00–05:00) stands in for "closed". Otherwise the update waits
// and is installed when the app quits.
import { existsSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';

export interface RestartWindow {
  from: string;
  to: string;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Minutes since local midnight in `timeZone`. */
export function localMinutes(now: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/** Whether `now` falls in [from, to) in store time; a window may run past midnight (22:00–04:00). */
export function inRestartWindow(now: number, timeZone: string, window: RestartWindow): boolean {
  const m = localMinutes(now, timeZone);
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  if (from === to) return true;
  return from < to ? m >= from && m < to : m >= from || m < to;
}

export interface RestartInput {
  openOrders: number;
  /** From the store's opening hours; null when none are configured. */
  openByHours: boolean | null;
  inRestartWindow: boolean;
}

export type RestartDecision = { restart: true } | { restart: false; reason: string };

export function decideRestart(input: RestartInput): RestartDecision {
  if (input.openOrders > 0)
    return {
      restart: false,
      reason: `${input.openOrders} open order${input.openOrders === 1 ? '' : 's'}`,
    };
  if (input.openByHours === true)
    return { restart: false, reason: 'the store is open (opening hours)' };
  if (input.openByHours === null && !input.inRestartWindow)
    return { restart: false, reason: 'outside the restart window' };
  return { restart: true };
}

export type UpdateTrust = { ok: true } | { ok: false; reason: string };

/**
 * Whether updates can be verified on this install. electron-updater always checks the sha512 in
 * latest*.yml; on Windows it checks the installer's Authenticode publisher only when the
 * packaged app-update.yml names one, and silently skips the check otherwise (6.x). An install
 * without that name (an unsigned build) therefore gets no updates at all: fail closed.
 */
export function checkUpdateTrust(
  platform: NodeJS.Platform,
  isPackaged: boolean,
  appUpdateYml: string,
): UpdateTrust {
  if (!isPackaged) return { ok: false, reason: 'not a packaged build' };
  if (!existsSync(appUpdateYml))
    return { ok: false, reason: `${appUpdateYml} is missing (built without a publish feed)` };
  if (platform !== 'win32') return { ok: true };
  const doc = yaml.load(readFileSync(appUpdateYml, 'utf8')) as { publisherName?: unknown } | null;
  const names = doc?.publisherName;
  const named =
    typeof names === 'string' ? names.length > 0 : Array.isArray(names) && names.length > 0;
  return named
    ? { ok: true }
    : {
        ok: false,
        reason:
          'the installer was not code-signed (no publisherName in app-update.yml), so updates could not be verified',
      };
}
