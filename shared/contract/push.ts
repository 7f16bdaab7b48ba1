// Every push event the core sends (SSE on `/api/events` in a browser, IPC in the desktop shell):
// name → payload schema, and the one message type every edge uses.
import { z } from 'zod';
import { MissedSummary, OrderSummary } from '../order.js';
import { SettingsView } from '../settings.js';
import { ManagerPinStatus } from '../manager.js';
import { AvailabilityState, RestoredEntry, StoreStatus } from '../store.js';
import { OutboxDeadAlert } from '../outbox.js';
import { PosLeg, PrinterStatus } from '../pos.js';

export const pushEvents = {
  'order.created': OrderSummary,
  'settings.updated': SettingsView,
  'order.updated': OrderSummary,
  /** Only where Stream's copy of the order's answer stands moved (sent, retried, failed):
   * the board's cards show it; history's rows do not, so it does not refresh for it. */
  'order.delivery': OrderSummary,
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

/** One push message, a union over event names, so a `switch` on `event` narrows `data`;
 * `PushMessage<'order.created'>` is the message of one event. */
export type PushMessage<N extends PushEventName = PushEventName> = {
  [E in N]: { event: E; data: PushPayload<E> };
}[N];
