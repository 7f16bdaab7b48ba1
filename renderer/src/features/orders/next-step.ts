// The one obvious next status for an order in progress, and what its button says: one tap bumps
// an order to it (the progress row's button, the Scheduled list's, the details').
import type { StaffStatus } from '../../../../shared/domain.js';
import type { OrderSummary } from '../../../../shared/order.js';
import type { Language } from '../../i18n/language.js';
import { texts } from '../../i18n/texts.js';
import { NEXT_STEP } from './texts.js';

export interface NextStep {
  status: StaffStatus;
  label: string;
}

/** `skipPreparing`: the counter's flow setting (settings.ts): accepted goes straight to ready, a
 * step the core allows (shared/domain.ts STATUS_STEPS). */
export function nextStep(
  order: Pick<OrderSummary, 'status' | 'fulfillmentType'>,
  language: Language,
  skipPreparing = false,
): NextStep | null {
  const t = texts(NEXT_STEP, language);
  switch (order.status) {
    case 'accepted':
      return skipPreparing
        ? { status: 'ready', label: t.markReady }
        : { status: 'preparing', label: t.startPreparing };
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
