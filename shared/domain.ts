// Domain vocabulary shared by the core, the Local API and the renderer.
import { z } from 'zod';

export const FULFILLMENT_TYPES = [
  'delivery',
  'merchant_managed_delivery',
  'pickup',
  'curbside',
  'drive_thru',
  'dine_in',
] as const;
export const FulfillmentType = z.enum(FULFILLMENT_TYPES);
export type FulfillmentType = z.infer<typeof FulfillmentType>;

/** The order's life (DESIGN.md "The order's life"). */
export const ORDER_STATUSES = [
  'pending',
  'accepted',
  'rejected',
  'expired',
  'preparing',
  'ready',
  'out_for_delivery',
  'completed',
  'canceled',
] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** States from which an order can still move; `canceled` is reachable from all of them. */
export const OPEN_STATUSES: readonly OrderStatus[] = [
  'pending',
  'accepted',
  'preparing',
  'ready',
  'out_for_delivery',
];

/** The statuses staff (or the POS / KDS) may set through `POST /api/orders/:id/status`. */
export const STAFF_STATUSES = ['preparing', 'ready', 'out_for_delivery', 'completed'] as const;
export const StaffStatus = z.enum(STAFF_STATUSES);
export type StaffStatus = z.infer<typeof StaffStatus>;

/** Which staff statuses may follow which: forward only, never back. */
export const STATUS_STEPS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: [],
  accepted: ['preparing', 'ready', 'out_for_delivery', 'completed'],
  preparing: ['ready', 'out_for_delivery', 'completed'],
  ready: ['out_for_delivery', 'completed'],
  out_for_delivery: ['completed'],
  completed: [],
  rejected: [],
  expired: [],
  canceled: [],
};

/** Fulfillment types that leave the store with a driver: only these go `out_for_delivery`
 * (the in-store document defines that status "for delivery orders"). */
export const DELIVERY_TYPES: readonly FulfillmentType[] = ['delivery', 'merchant_managed_delivery'];

/** Whether staff may set `status` on an order of this fulfillment type at all. */
export function staffStatusFits(status: StaffStatus, type: FulfillmentType): boolean {
  return status !== 'out_for_delivery' || DELIVERY_TYPES.includes(type);
}

/** Why staff reject an order; each maps to one of Stream's codes in the Stream protocol module. */
export const REJECT_CODES = [
  'store_busy',
  'store_closed',
  'items_unavailable',
  'pos_offline',
  'invalid_order',
  'other',
] as const;
export const RejectCode = z.enum(REJECT_CODES);
export type RejectCode = z.infer<typeof RejectCode>;

export const ORDER_ORIGINS = ['stream', 'in_store'] as const;
export const OrderOrigin = z.enum(ORDER_ORIGINS);
export type OrderOrigin = z.infer<typeof OrderOrigin>;
