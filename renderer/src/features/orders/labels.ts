// Words staff read on the board: one place for every label, so the board, the detail view and
// the alerts say the same thing for the same state.
import type { FulfillmentType, OrderStatus, RejectCode } from '../../../../shared/domain.js';

export const FULFILLMENT_LABEL: Record<FulfillmentType, string> = {
  delivery: 'Delivery',
  merchant_managed_delivery: 'Our driver',
  pickup: 'Pickup',
  curbside: 'Curbside',
  drive_thru: 'Drive-thru',
  dine_in: 'Dine-in',
};

export const STATUS_LABEL: Record<OrderStatus, string> = {
  pending: 'New',
  accepted: 'Accepted',
  rejected: 'Rejected',
  expired: 'Expired',
  preparing: 'Preparing',
  ready: 'Ready',
  out_for_delivery: 'Out for delivery',
  completed: 'Completed',
  canceled: 'Canceled',
};

export const REJECT_LABEL: Record<RejectCode, { title: string; hint: string }> = {
  store_busy: { title: 'Too busy', hint: 'Kitchen cannot take more right now' },
  items_unavailable: { title: 'Item sold out', hint: 'Something in the order is out of stock' },
  store_closed: { title: 'Store closed', hint: 'Closing or closed for the day' },
  pos_offline: { title: 'POS down', hint: 'The till or printer is not working' },
  invalid_order: { title: 'Order looks wrong', hint: 'Prices, items or address do not make sense' },
  other: { title: 'Other reason', hint: 'Type a short reason below' },
};

const SOURCE_NAMES: Record<string, string> = {
  uber: 'Uber Eats',
  ubereats: 'Uber Eats',
  doordash: 'DoorDash',
  grubhub: 'Grubhub',
  deliveroo: 'Deliveroo',
  postmates: 'Postmates',
  just_eat: 'Just Eat',
};

/** What staff call an order: the delivery service's number, else the end of our id in capitals
 * (in-store orders have no other number), e.g. "MVXPZR". */
export function orderNumber(order: { dspOrderNumber: string | null; id: string }): string {
  return order.dspOrderNumber ?? order.id.slice(-6).toUpperCase();
}

export function itemCount(n: number): string {
  return `${n} ${n === 1 ? 'item' : 'items'}`;
}

/** In-store sources the new-order form sets (and other first-party ones), by what staff say. */
export const IN_STORE_SOURCE_NAMES: Record<string, string> = {
  phone: 'Phone',
  walk_in: 'Walk-in',
  in_store: 'In-store',
  website: 'Website',
};

export function sourceName(source: string | null, origin: 'stream' | 'in_store'): string {
  if (origin === 'in_store') return IN_STORE_SOURCE_NAMES[source ?? 'in_store'] ?? 'In-store';
  if (!source) return 'Stream';
  return (
    SOURCE_NAMES[source.toLowerCase()] ??
    source.replace(/[_-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())
  );
}
