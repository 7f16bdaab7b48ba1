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

export function sourceName(source: string | null, origin: 'stream' | 'in_store'): string {
  if (origin === 'in_store') return 'In-store';
  if (!source) return 'Stream';
  return (
    SOURCE_NAMES[source.toLowerCase()] ??
    source.replace(/[_-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())
  );
}
