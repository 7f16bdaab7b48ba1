// Wire shapes of the store controls in the Local API: pause / resume, busy mode and 86 (item
// availability). Times are epoch milliseconds; a "local" string is the store's own clock.
import { z } from 'zod';
import { Delivery } from './delivery.js';

export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM (00:00–23:59)');
/** An end time: epoch milliseconds, or "HH:MM" meaning the next time the store's clock shows it. */
export const EndTime = z.union([z.number().int().positive(), ClockTime]);
const Reason = z.string().trim().max(200);

/** Only one way of saying how long: `minutes`, `until` or `restOfDay`; none means until resumed. */
export const PauseRequest = z
  .object({
    minutes: z.number().int().min(1).max(10_080).optional(),
    until: EndTime.optional(),
    restOfDay: z.literal(true).optional(),
    reason: Reason.optional(),
  })
  .strict();

export const ResumeRequest = z.object({ reason: Reason.optional() }).strict();

/** `extraMinutes: 0` switches busy mode off. Without `minutes`/`until` it lasts until switched off. */
export const BusyRequest = z
  .object({
    extraMinutes: z.number().int().min(0).max(120),
    minutes: z.number().int().min(1).max(1440).optional(),
    until: EndTime.optional(),
    reason: Reason.optional(),
  })
  .strict();

export const StreamDelivery = z.enum(['pending', 'delivered', 'failed']);
export type StreamDelivery = z.infer<typeof StreamDelivery>;

export const StoreStatus = z.object({
  /** Higher for a status read later: the screen gets the status both as a call's answer and as a
   * push event, which can arrive in either order, and keeps the newer. */
  revision: z.number().int(),
  /** Whether an order arriving now would be taken. */
  acceptingOrders: z.boolean(),
  /** `paused` by a manager, `closed` by opening hours / closed days, else `open`. */
  state: z.enum(['open', 'paused', 'closed']),
  /** When orders are taken again; null while open, or paused until resumed. */
  reopensAt: z.number().int().nullable(),
  /** The text Stream gets in `store_unavailable`, e.g. "Paused until 17:30"; null while open. */
  unavailableReason: z.string().nullable(),
  pause: z
    .object({
      since: z.number().int(),
      until: z.number().int().nullable(),
      reason: z.string().nullable(),
      by: z.string(),
    })
    .nullable(),
  schedule: z.object({
    timeZone: z.string(),
    configured: z.boolean(),
    openNow: z.boolean(),
    nextChangeAt: z.number().int().nullable(),
  }),
  busy: z
    .object({
      extraMinutes: z.number().int(),
      since: z.number().int(),
      until: z.number().int().nullable(),
      reason: z.string().nullable(),
      by: z.string(),
    })
    .nullable(),
  /** The prep time Stream is given for a new order now, busy minutes included. */
  prepTimeMinutes: z.number().int(),
  /** The last location status sent to Stream and whether Stream has confirmed it. */
  stream: z
    .object({
      status: z.enum(['active', 'inactive']),
      pausedUntil: z.number().int().nullable(),
      eventId: z.string(),
      queuedAt: z.number().int(),
      delivery: StreamDelivery,
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      /** The outbox row itself (shared/delivery.ts): sent ✓, sending, or not received. */
      outbox: Delivery.nullable(),
    })
    .nullable(),
  dayRolloverTime: z.string(),
  nextRolloverAt: z.number().int(),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

export const CatalogObjectType = z.enum(['item_family', 'item', 'modifier']);
export type CatalogObjectType = z.infer<typeof CatalogObjectType>;

/** 86 (`available: false`) or restore (`available: true`) several objects at once. */
export const AvailabilityRequest = z
  .object({
    providerIds: z.array(z.string().min(1).max(200)).min(1).max(500),
    available: z.boolean(),
    hours: z.number().min(0.25).max(336).optional(),
    until: EndTime.optional(),
    restOfDay: z.literal(true).optional(),
    reason: Reason.optional(),
  })
  .strict();

export const UnavailableEntry = z.object({
  providerId: z.string(),
  type: CatalogObjectType,
  name: z.string().nullable(),
  mode: z.enum(['rest_of_day', 'hours', 'until', 'indefinite']),
  since: z.number().int(),
  /** null: until turned back on. */
  until: z.number().int().nullable(),
  reason: z.string().nullable(),
  by: z.string(),
});
export type UnavailableEntry = z.infer<typeof UnavailableEntry>;

export const RestoredEntry = z.object({
  providerId: z.string(),
  type: CatalogObjectType,
  name: z.string().nullable(),
  unavailableSince: z.number().int(),
  dueAt: z.number().int().nullable(),
  restoredAt: z.number().int(),
  by: z.string(),
});
export type RestoredEntry = z.infer<typeof RestoredEntry>;

export const AvailabilityState = z.object({
  unavailable: z.array(UnavailableEntry),
  /** What timers turned back on in the last 24 hours, newest first. */
  restoredAutomatically: z.array(RestoredEntry),
  nextRolloverAt: z.number().int(),
});
export type AvailabilityState = z.infer<typeof AvailabilityState>;

export const CatalogSearchQuery = z.object({
  q: z.string().trim().max(100).default(''),
  type: CatalogObjectType.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const CatalogObjectHit = z.object({
  providerId: z.string(),
  type: CatalogObjectType,
  name: z.string(),
  /** The families an item belongs to, so "Large" can be told apart from another "Large". */
  parents: z.array(z.string()),
  available: z.boolean(),
  unavailableUntil: z.number().int().nullable(),
});
export type CatalogObjectHit = z.infer<typeof CatalogObjectHit>;
