// The one obvious next status for an order in progress, and what its button says.
import type { StaffStatus } from '../../../../shared/domain.js';
import type { OrderSummary } from '../../../../shared/order.js';

export interface NextStep {
  status: StaffStatus;
  label: string;
}

export function nextStep(order: Pick<OrderSummary, 'status' | 'fulfillmentType'>): NextStep | null {
  switch (order.status) {
    case 'accepted':
      return { status: 'preparing', label: 'Start preparing' };
    case 'preparing':
      return { status: 'ready', label: 'Mark ready' };
    case 'ready':
      if (order.fulfillmentType === 'merchant_managed_delivery')
        return { status: 'out_for_delivery', label: 'Out for delivery' };
      if (order.fulfillmentType === 'dine_in') return { status: 'completed', label: 'Served' };
      if (order.fulfillmentType === 'delivery')
        return { status: 'completed', label: 'Handed to driver' };
      return { status: 'completed', label: 'Picked up' };
    case 'out_for_delivery':
      return { status: 'completed', label: 'Delivered' };
    default:
      return null;
  }
}
