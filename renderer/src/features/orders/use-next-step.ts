// The next step for an order in progress under this counter's flow setting (settings.ts).
import type { OrderSummary } from '../../../../shared/order.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { useLanguage } from '../../i18n/context.js';
import { nextStep, type NextStep } from './next-step.js';

export function useNextStep(): (
  order: Pick<OrderSummary, 'status' | 'fulfillmentType'>,
) => NextStep | null {
  const { settings } = useServices();
  const { skipPreparing } = useObservable(settings);
  const language = useLanguage();
  return (order) => nextStep(order, language, skipPreparing);
}
