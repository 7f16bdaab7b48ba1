// A Local API client for store-control and manager tests: the manager PIN header, the acting
// person's name, and the raw text of non-JSON answers (the audit CSV).
import type { Connector } from '../../electron/core/app.js';
import type { EventBus } from '../../electron/core/events/bus.js';
import {
  ACTOR_HEADER,
  MANAGER_PIN_HEADER,
  type PushEventName,
  type PushMessage,
} from '../../shared/contract.js';
import { TEST_LOCAL_TOKEN } from './secrets.js';

export const TEST_PIN = '24681357';

export interface CallOptions {
  body?: unknown;
  /** Sent as X-Manager-Pin; omit for none. */
  pin?: string;
  /** Sent as X-Actor: who is acting, for the timeline and the audit log. */
  actor?: string;
}

export interface ApiResult<T> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export async function api<T = unknown>(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: CallOptions = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${TEST_LOCAL_TOKEN}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.pin !== undefined) headers[MANAGER_PIN_HEADER] = options.pin;
  if (options.actor !== undefined) headers[ACTOR_HEADER] = options.actor;
  const res = await fetch(baseUrl + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: body as T, text, headers: res.headers };
}

/** A running connector as the tests hold it: its Local API and the core itself. */
export interface PinTarget {
  localUrl: string;
  connector: Pick<Connector, 'pins'>;
}

/** Sets the manager PIN on a fresh connector the way staff at a browser do: over HTTP with the
 * token and the one-time setup code the counter screen shows (read here from the core). */
export async function setupPin(t: PinTarget, pin = TEST_PIN): Promise<void> {
  const setupCode = t.connector.pins.currentSetupCode();
  const res = await api(t.localUrl, 'POST', '/api/manager/pin', { body: { pin, setupCode } });
  if (res.status !== 200) throw new Error(`PIN setup failed: ${res.status} ${res.text}`);
}

/** Replaces the catalog (`PUT /api/catalog`, a manager call), setting the test PIN first on a
 * connector that has none. */
export async function putCatalog(t: PinTarget, catalog: unknown, pin = TEST_PIN): Promise<void> {
  if (t.connector.pins.currentSetupCode() !== null) await setupPin(t, pin);
  const res = await api(t.localUrl, 'PUT', '/api/catalog', { body: catalog, pin });
  if (res.status !== 200) throw new Error(`PUT /api/catalog answered ${res.status}: ${res.text}`);
}

/** Collects push events from the bus, for asserting what staff were told. */
export function recordPush(bus: EventBus): {
  events: PushMessage[];
  of<N extends PushEventName>(name: N): PushMessage<N>['data'][];
} {
  const events: PushMessage[] = [];
  bus.subscribe((m) => events.push(m));
  return {
    events,
    of: (name) => events.filter((e) => e.event === name).map((e) => e.data) as never,
  };
}
