// The Local API: every call the cashier UI and in-store systems can make, and every push event.
// HTTP routes, IPC handlers, the preload bridge and the renderer client are all derived from this
// one object, so a call cannot exist in one place and not in another.
import { z } from 'zod';
import { OrderStatus, RejectCode, StaffStatus } from './domain.js';
import { MissedSummary, OrderDetail, OrderSummary } from './order.js';
import { SettingsUpdate, SettingsView } from './settings.js';
import { DayTotals, HistoryPage, HistoryQuery, TotalsQuery } from './history.js';
import { AuditEntry, AuditQuery, FileDownload, ManagerPinStatus, PinRequest } from './manager.js';
import {
  AvailabilityRequest,
  AvailabilityState,
  BusyRequest,
  CatalogObjectHit,
  CatalogSearchQuery,
  PauseRequest,
  RestoredEntry,
  ResumeRequest,
  StoreStatus,
} from './store.js';
import { CancelOrderRequest, InStoreOrderRequest, InStoreTerms } from './instore.js';
import { HealthProblem } from './health.js';
import { OutboxDeadAlert, OutboxEvent, OutboxListQuery } from './outbox.js';
import {
  EnteredByHandBody,
  ImportCatalogRequest,
  ImportCatalogResult,
  PosLeg,
  PosLegs,
  PosStatus,
  PosTargetBody,
  PrinterStatus,
} from './pos.js';

const OrderIdParams = z.object({ id: z.string().min(1).max(64) });

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  startedAt: z.number().int(),
  location: z.object({ id: z.string(), name: z.string() }),
  acceptanceMode: z.enum(['manual', 'auto']),
  streamAuth: z.object({ bearer: z.boolean(), signature: z.boolean() }),
  orders: z.object({ pending: z.number().int(), open: z.number().int() }),
  catalog: z.object({
    loaded: z.boolean(),
    loadedAt: z.number().int().nullable(),
    objects: z.number().int(),
  }),
  outbox: z.object({
    pending: z.number().int(),
    dead: z.number().int(),
    lastStreamContactAt: z.number().int().nullable(),
  }),
  /** The POS leg (electron/core/pos): orders on their way, and those staff must act on. */
  pos: z.object({
    driver: z.enum(['none', 'http', 'folder']),
    printerEnabled: z.boolean(),
    queued: z.number().int(),
    /** Orders flagged "not in POS" (retry, or mark entered by hand). */
    notInPos: z.number().int(),
    /** Canceled orders whose void did not reach the POS. */
    voidsFailed: z.number().int(),
  }),
  /** Named problems with since-when and what to do (shared/health.ts); empty when `ok`. */
  problems: z.array(HealthProblem),
});
export type Health = z.infer<typeof Health>;

export const BackupInfo = z.object({
  file: z.string(),
  bytes: z.number().int(),
  createdAt: z.number(),
});

export const CatalogBody = z.object({
  category: z.array(z.unknown()).default([]),
  item_family: z.array(z.unknown()).default([]),
  item: z.array(z.unknown()).default([]),
  modifier_group: z.array(z.unknown()).default([]),
  modifier: z.array(z.unknown()).default([]),
  menu: z.array(z.unknown()).default([]),
});

interface CallSpec {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Manager-only: the caller sends the manager PIN (`X-Manager-Pin`); missing or wrong → 403. */
  manager?: boolean;
  /** The response may be a `FileDownload`, sent over HTTP as the file itself (e.g. CSV). */
  downloads?: boolean;
}

function call<const S extends CallSpec>(spec: S): S {
  return spec;
}

export const localApi = {
  listOrders: call({
    method: 'GET',
    path: '/api/orders',
    query: z.object({
      status: z
        .string()
        .transform((s) => s.split(',').filter(Boolean))
        .pipe(z.array(OrderStatus))
        .optional(),
      limit: z.coerce.number().int().min(1).max(500).default(200),
    }),
    response: z.object({ orders: z.array(OrderSummary) }),
  }),
  getOrder: call({
    method: 'GET',
    path: '/api/orders/:id',
    params: OrderIdParams,
    response: OrderDetail,
  }),
  acceptOrder: call({
    method: 'POST',
    path: '/api/orders/:id/accept',
    params: OrderIdParams,
    body: z.object({ prepTimeMinutes: z.number().int().min(1).max(240).optional() }).strict(),
    response: OrderDetail,
  }),
  rejectOrder: call({
    method: 'POST',
    path: '/api/orders/:id/reject',
    params: OrderIdParams,
    body: z
      .object({
        code: RejectCode,
        reason: z.string().max(500).optional(),
        /** Provider ids of the items or modifiers that are out, for `items_unavailable`. */
        unavailable: z
          .array(z.object({ type: z.enum(['item', 'modifier']), providerId: z.string().min(1) }))
          .max(100)
          .optional(),
      })
      .strict(),
    response: OrderDetail,
  }),
  setOrderStatus: call({
    method: 'POST',
    path: '/api/orders/:id/status',
    params: OrderIdParams,
    body: z.object({ status: StaffStatus }).strict(),
    response: OrderDetail,
  }),
  /** Missed orders: today's count, unseen ones, and whether to offer a pause (issue 14). */
  getMissed: call({ method: 'GET', path: '/api/missed', response: MissedSummary }),
  /** A person has seen a missed order: it leaves the Missed group; who, on its timeline. */
  markMissedSeen: call({
    method: 'POST',
    path: '/api/orders/:id/missed/seen',
    params: OrderIdParams,
    response: OrderDetail,
  }),
  getHealth: call({ method: 'GET', path: '/api/health', response: Health }),
  /** Acceptance mode, timeout policy, staff window and default prep time in force now. */
  getSettings: call({ method: 'GET', path: '/api/settings', response: SettingsView }),
  /** Change some of them at the counter (manager PIN); kept across restarts, audited. */
  updateSettings: call({
    method: 'PUT',
    path: '/api/settings',
    body: SettingsUpdate,
    response: SettingsView,
    manager: true,
  }),
  /** Every order kept, newest first, by words (number, customer, item), day, source and status. */
  searchHistory: call({
    method: 'GET',
    path: '/api/history',
    query: HistoryQuery,
    response: HistoryPage,
  }),
  /** Orders, sales, cancels and refusals per store-local day and source. */
  historyTotals: call({
    method: 'GET',
    path: '/api/history/totals',
    query: TotalsQuery,
    response: z.object({ days: z.array(DayTotals) }),
  }),
  /** The search as a CSV file. */
  exportHistory: call({
    method: 'GET',
    path: '/api/history/export',
    query: HistoryQuery.omit({ before: true, limit: true }),
    response: FileDownload,
    downloads: true,
  }),
  /** Online backups of the database, newest first. */
  listBackups: call({
    method: 'GET',
    path: '/api/backups',
    response: z.object({ backups: z.array(BackupInfo) }),
  }),
  /** Back up now (also runs on a schedule); answers once the copy passed its integrity check. */
  createBackup: call({ method: 'POST', path: '/api/backups', response: BackupInfo }),
  // Store controls (electron/core/store): pause / resume, busy mode, 86.
  getStore: call({ method: 'GET', path: '/api/store', response: StoreStatus }),
  /** `minutes`, `until` (epoch ms or local "HH:MM") or `restOfDay`; none of them: until resumed. */
  pauseStore: call({
    method: 'POST',
    path: '/api/store/pause',
    body: PauseRequest,
    response: StoreStatus,
    manager: true,
  }),
  resumeStore: call({
    method: 'POST',
    path: '/api/store/resume',
    body: ResumeRequest,
    response: StoreStatus,
    manager: true,
  }),
  /** Busy mode: `extraMinutes` on every order's prep time, until switched off (0) or a time passes. */
  setBusyMode: call({
    method: 'POST',
    path: '/api/store/busy',
    body: BusyRequest,
    response: StoreStatus,
  }),
  getAvailability: call({
    method: 'GET',
    path: '/api/catalog/availability',
    response: AvailabilityState,
  }),
  /** 86 several objects at once (`available: false`, for `hours`, `until`, `restOfDay` or until
   * turned back on), or turn them back on (`available: true`). */
  setAvailability: call({
    method: 'POST',
    path: '/api/catalog/availability',
    body: AvailabilityRequest,
    response: AvailabilityState,
    manager: true,
  }),
  /** Item families, items and modifiers by name, with whether each is 86'd: the 86 screen's search. */
  searchCatalogObjects: call({
    method: 'GET',
    path: '/api/catalog/objects',
    query: CatalogSearchQuery,
    response: z.object({ objects: z.array(CatalogObjectHit) }),
  }),
  // Manager PIN and audit log (electron/core/manager).
  getManagerPin: call({ method: 'GET', path: '/api/manager/pin', response: ManagerPinStatus }),
  /** First run only: sets the PIN when none is set (409 once one is). */
  setupManagerPin: call({
    method: 'POST',
    path: '/api/manager/pin',
    body: PinRequest,
    response: ManagerPinStatus,
  }),
  changeManagerPin: call({
    method: 'PUT',
    path: '/api/manager/pin',
    body: PinRequest,
    response: ManagerPinStatus,
    manager: true,
  }),
  /** Checks the PIN (counts toward the lockout) so the UI can open the manager screens. */
  verifyManagerPin: call({
    method: 'POST',
    path: '/api/manager/verify',
    response: z.object({ ok: z.literal(true) }),
    manager: true,
  }),
  /** Who did what, when and why; `format=csv` answers the CSV file itself. */
  getAudit: call({
    method: 'GET',
    path: '/api/audit',
    query: AuditQuery,
    response: z.union([z.object({ entries: z.array(AuditEntry) }), FileDownload]),
    downloads: true,
  }),
  getCatalog: call({ method: 'GET', path: '/api/catalog', response: CatalogBody }),
  putCatalog: call({
    method: 'PUT',
    path: '/api/catalog',
    body: CatalogBody,
    response: z.object({ objects: z.number().int(), loadedAt: z.number().int() }),
  }),
  /** Staff cancel an order already accepted (a pending one is rejected instead). */
  cancelOrder: call({
    method: 'POST',
    path: '/api/orders/:id/cancel',
    params: OrderIdParams,
    body: CancelOrderRequest,
    response: OrderDetail,
    /** Canceling an accepted order is a manager action (issue 5). */
    manager: true,
  }),
  createInStoreOrder: call({
    method: 'POST',
    path: '/api/in-store-orders',
    body: InStoreOrderRequest,
    response: OrderDetail,
  }),
  /** How the connector prices an in-store order: tax rate and currency, for the form's totals. */
  getInStoreTerms: call({
    method: 'GET',
    path: '/api/in-store-orders/terms',
    response: InStoreTerms,
  }),
  listOutboxEvents: call({
    method: 'GET',
    path: '/api/outbox',
    query: OutboxListQuery,
    response: z.object({ events: z.array(OutboxEvent) }),
  }),
  /** Send one event again now, with the same id (Idempotency-Key) and a fresh retry budget. */
  replayOutboxEvent: call({
    method: 'POST',
    path: '/api/outbox/:id/replay',
    params: z.object({ id: z.string().min(1).max(64) }),
    response: OutboxEvent,
  }),
  // The POS leg (electron/core/pos): accepted orders into the POS and onto the kitchen printer.
  /** Driver, printer, and every order that needs staff: "not in POS", or a void that failed. */
  getPosStatus: call({ method: 'GET', path: '/api/pos', response: PosStatus }),
  getOrderPos: call({
    method: 'GET',
    path: '/api/orders/:id/pos',
    params: OrderIdParams,
    response: PosLegs,
  }),
  /** Try again now, same order and Idempotency-Key, fresh retry budget. */
  retryOrderPos: call({
    method: 'POST',
    path: '/api/orders/:id/pos/retry',
    params: OrderIdParams,
    body: PosTargetBody,
    response: PosLegs,
  }),
  /** Staff typed the order into the POS themselves: stop trying (optionally with its reference). */
  markOrderEnteredByHand: call({
    method: 'POST',
    path: '/api/orders/:id/pos/entered-by-hand',
    params: OrderIdParams,
    body: EnteredByHandBody,
    response: PosLegs,
  }),
  /** Print the kitchen ticket again, marked REPRINT. */
  reprintOrder: call({
    method: 'POST',
    path: '/api/orders/:id/reprint',
    params: OrderIdParams,
    response: PosLegs,
  }),
  /** Ask the kitchen printer now (ESC/POS real-time status): offline, paper out, cover open. */
  getPrinterStatus: call({ method: 'GET', path: '/api/printer/status', response: PrinterStatus }),
  /** Replace the catalog with the POS's (`source: pos`) or a JSON file's (`source: file`). */
  importCatalog: call({
    method: 'POST',
    path: '/api/catalog/import',
    body: ImportCatalogRequest,
    response: ImportCatalogResult,
  }),
} as const;

export type LocalApi = typeof localApi;
export type CallName = keyof LocalApi;

/** True for calls that need the manager PIN. */
export function isManagerCall(name: CallName): boolean {
  return (localApi[name] as CallSpec).manager === true;
}

/** True for calls whose response may be a `FileDownload`. */
export function mayDownload(name: CallName): boolean {
  return (localApi[name] as CallSpec).downloads === true;
}
type Field<K extends CallName, F extends string> =
  LocalApi[K] extends Record<F, infer S extends z.ZodType> ? z.output<S> : unknown;
/** What a handler receives: params, query and body merged, already validated. */
export type CallInput<K extends CallName> = Field<K, 'params'> &
  Field<K, 'query'> &
  Field<K, 'body'>;
/** What a client sends: the raw (pre-transform) shapes. */
export type CallRequest<K extends CallName> = (LocalApi[K] extends Record<
  'params',
  infer S extends z.ZodType
>
  ? z.input<S>
  : unknown) &
  (LocalApi[K] extends Record<'query', infer S extends z.ZodType> ? z.input<S> : unknown) &
  (LocalApi[K] extends Record<'body', infer S extends z.ZodType> ? z.input<S> : unknown);
export type CallOutput<K extends CallName> = z.output<LocalApi[K]['response']>;

/** Every push event: name → payload schema. */
export const pushEvents = {
  'order.created': OrderSummary,
  'settings.updated': SettingsView,
  'order.updated': OrderSummary,
  /** Nobody answered an order in time (or Stream canceled it first): a distinct sound, once. */
  'order.missed': z.object({ order: OrderSummary, summary: MissedSummary }),
  /** A cancel that staff must not miss (from Stream, or from another terminal). */
  'order.canceled': OrderSummary.extend({
    canceledBy: z.string(),
    /** Who Stream says canceled (its `cancel_source`: the customer, the platform, the store). */
    cancelSource: z.string().nullable().optional(),
    cancelReason: z.string().nullable().optional(),
  }),
  'catalog.updated': z.object({ objects: z.number().int(), loadedAt: z.number().int() }),
  /** Pause, resume, opening hours, busy mode, or Stream confirming the store's status. */
  'store.updated': StoreStatus,
  /** Something was 86'd or turned back on. */
  'catalog.availability.updated': AvailabilityState,
  /** Timers turned these back on (rest of today, for N hours, until a time). */
  'catalog.availability.restored': z.object({
    at: z.number().int(),
    restored: z.array(RestoredEntry),
  }),
  'manager.pin.updated': ManagerPinStatus,
  /** An event to Stream failed for good: staff must see it and replay it. */
  'outbox.dead': OutboxDeadAlert,
  /** An order's POS or printer leg changed (sent, failed, retried, voided …). */
  'pos.updated': PosLeg,
  /** Loud: an order is not in the POS (or a void did not get there); staff retry or enter it. */
  'pos.attention': PosLeg,
  /** What is wrong with the kitchen printer changed (paper out, cover open, unreachable, all
   * well again), from the watch between orders or a check staff asked for. */
  'printer.status': PrinterStatus,
} as const;
export type PushEvents = typeof pushEvents;
export type PushEventName = keyof PushEvents;
export type PushPayload<N extends PushEventName> = z.output<PushEvents[N]>;
export interface PushMessage<N extends PushEventName = PushEventName> {
  event: N;
  data: PushPayload<N>;
}

/** The error body of every failed Local API call. */
export const ApiErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
