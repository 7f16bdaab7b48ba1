// The Local API: every call the cashier UI and in-store systems can make, and every push event.
// Each domain declares its calls in `contract/<domain>.ts`; this index combines them into one
// map (as Actual Budget combines per-domain handler types). HTTP routes, IPC dispatch, the
// preload bridge, the renderer client and the catalog CLI are all derived from `localApi`, with
// the call-spec type, request splitter, header names, error mapping and bridge types exported
// from `contract/` once, so a call cannot exist in one place and not in another.
import type { z } from 'zod';
import type { CallSpec } from './contract/call.js';
import { catalogCalls } from './contract/catalog.js';
import { healthCalls } from './contract/health.js';
import { historyCalls } from './contract/history.js';
import { inStoreCalls } from './contract/instore.js';
import { managerCalls } from './contract/manager.js';
import { orderCalls } from './contract/orders.js';
import { outboxCalls } from './contract/outbox.js';
import { posCalls } from './contract/pos.js';
import { storeCalls } from './contract/store.js';
import { streamConnectionCalls } from './contract/stream-connection.js';

export { call, type CallMethod, type CallSpec } from './contract/call.js';
export { BackupInfo, Health } from './contract/health.js';
export { CatalogBody } from './contract/catalog.js';
export { OrderIdParams } from './contract/orders.js';
export * from './contract/push.js';
export * from './contract/errors.js';
export * from './contract/headers.js';
export * from './contract/request.js';
export type * from './contract/bridge.js';

export const localApi = {
  ...orderCalls,
  ...healthCalls,
  ...historyCalls,
  ...storeCalls,
  ...managerCalls,
  ...catalogCalls,
  ...inStoreCalls,
  ...outboxCalls,
  ...posCalls,
  ...streamConnectionCalls,
} as const;

export type LocalApi = typeof localApi;
export type CallName = keyof LocalApi;

/** Every call's name, in the contract's order. */
export const callNames = Object.keys(localApi) as CallName[];

/** One call's spec, seen through the common type (for edges that treat every call alike). */
export function callSpec(name: CallName): CallSpec {
  return localApi[name];
}

/** True for calls that need the manager PIN. */
export function isManagerCall(name: CallName): boolean {
  return callSpec(name).manager === true;
}

/** True for calls only the desktop bridge offers (no HTTP route). */
export function isCounterOnly(name: CallName): boolean {
  return callSpec(name).counterOnly === true;
}

/** True for calls whose response may be a `FileDownload`. */
export function mayDownload(name: CallName): boolean {
  return callSpec(name).downloads === true;
}

type Part<K extends CallName, F extends 'params' | 'query' | 'body', Side extends 'in' | 'out'> =
  LocalApi[K] extends Record<F, infer S extends z.ZodType>
    ? Side extends 'in'
      ? z.input<S>
      : z.output<S>
    : unknown;
/** What a handler receives: params, query and body merged, already validated. */
export type CallInput<K extends CallName> = Part<K, 'params', 'out'> &
  Part<K, 'query', 'out'> &
  Part<K, 'body', 'out'>;
/** What a client sends: the raw (pre-transform) shapes. */
export type CallRequest<K extends CallName> = Part<K, 'params', 'in'> &
  Part<K, 'query', 'in'> &
  Part<K, 'body', 'in'>;
export type CallOutput<K extends CallName> = z.output<LocalApi[K]['response']>;
