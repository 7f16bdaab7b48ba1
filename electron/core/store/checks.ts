// The store controls' order checks (validation/checks.ts `OrderCheck`): an order is refused while
// the store is paused or closed, and when it names an 86'd item or modifier (stream-api.md A2).
import type { NormalizedOrder } from '../stream/protocol/index.js';
import { orderProblem } from '../stream/protocol/index.js';
import type { OrderCheck } from '../validation/checks.js';
import type { ItemAvailability } from './availability.js';
import type { StoreControls } from './store-controls.js';

/** `store_unavailable` with the local reopening time ("Paused until 17:30"). A scheduled order is
 * judged at its requested time, so tonight's pre-order for tomorrow's lunch is not refused. */
export function storeOpenCheck(controls: StoreControls): OrderCheck {
  return ({ order, now }) => {
    const at = judgedAt(order, now);
    const availability = controls.availabilityAt(at);
    if (availability.state === 'open') return null;
    return orderProblem('store_unavailable', controls.unavailableReason(availability, now)!);
  };
}

/** `stockValidation` (`quantity: 0`) for every 86'd item or modifier in the order. */
export function stockCheck(availability: ItemAvailability): OrderCheck {
  return ({ order, now }) => {
    const problems = availability.stockProblems(order, now);
    return problems.length ? { stockValidation: problems } : null;
  };
}

function judgedAt(order: NormalizedOrder, now: number): number {
  if (!order.isFuture || !order.requestedFor) return now;
  const requested = Date.parse(order.requestedFor);
  return Number.isFinite(requested) && requested > now ? requested : now;
}
