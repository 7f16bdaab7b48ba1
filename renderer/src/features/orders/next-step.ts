// The one obvious next status for an order in progress, and what its button says.
import type { StaffStatus } from '../../../../shared/domain.js';
import type { OrderSummary } from '../../../../shared/order.js';
import { texts } from '../../i18n/texts.js';
import { NEXT_STEP } from './texts.js';

export interface NextStep {
  status: StaffStatus;
  label: string;
}

export function nextStep(order: Pick<OrderSummary, 'status' | 'fulfillmentType'>): NextStep | null {
  const t = texts(NEXT_STEP);
  switch (order.status) {
    case 'accepted':
      return { status: 'preparing', label: t.startPreparing };
    case 'preparing':
      return { status: 'ready', label: t.markReady };
    case 'ready':
      if (order.fulfillmentType === 'merchant_managed_delivery')
        return { status: 'out_for_delivery', label: t.outForDelivery };
      if (order.fulfillmentType === 'dine_in') return { status: 'completed', label: t.served };
      if (order.fulfillmentType === 'delivery')
        return { status: 'completed', label: t.handedToDriver };
      return { status: 'completed', label: t.pickedUp };
    case 'out_for_delivery':
      return { status: 'completed', label: t.delivered };
    default:
      return null;
  }
}
