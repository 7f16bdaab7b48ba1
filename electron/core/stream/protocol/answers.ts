// How the connector answers Stream's `order.created` (stream-api.md A2), and how a staff reject
// reason becomes Stream's `posValidation`.
import type { RejectCode } from '../../../../shared/domain.js';

export interface StockProblem {
  type: 'item' | 'modifier';
  provider_id: string;
  quantity: number;
}
export interface TotalsProblem {
  posTotal: number;
  streamTotal: number;
}
export interface OrderProblem {
  order_error: string;
  order_error_reason: string;
}
export interface PosValidation {
  stockValidation?: StockProblem[];
  orderTotalsValidation?: TotalsProblem[];
  orderValidation?: OrderProblem[];
}

export interface Answer {
  status: number;
  body: unknown;
}

/** Accept now (A2). */
export function acceptNowAnswer(providerId: string, prepTimeMinutes: number): Answer {
  return {
    status: 200,
    body: { order: { provider_id: providerId, prep_time_minutes: prepTimeMinutes } },
  };
}

/** Accept later: staff (or the POS) decide within Stream's window (A2). */
export function acceptLaterAnswer(providerId: string, prepTimeMinutes: number): Answer {
  return {
    status: 200,
    body: {
      order: {
        provider_id: providerId,
        prep_time_minutes: prepTimeMinutes,
        async_acceptance: true,
      },
    },
  };
}

export function rejectAnswer(validation: PosValidation): Answer {
  return { status: 400, body: { posValidation: validation } };
}

export function orderProblem(order_error: string, order_error_reason: string): PosValidation {
  return { orderValidation: [{ order_error, order_error_reason }] };
}

/** The answer to an `order.created` its store did not answer in time (the chain gateway, B7):
 * the documented `pos_offline`, so Stream fails the order fast. A store that took the order
 * anyway withdraws it and keeps this as its answer, so a retry hears the same. */
export function storeUnreachableAnswer(): Answer {
  return rejectAnswer(
    orderProblem('pos_offline', 'The store is offline (its connector did not answer)'),
  );
}

/** Two validations as one: a check that finds several problems reports all of them. */
export function mergeValidations(all: readonly PosValidation[]): PosValidation {
  const out: PosValidation = {};
  for (const v of all) {
    if (v.stockValidation) (out.stockValidation ??= []).push(...v.stockValidation);
    if (v.orderTotalsValidation)
      (out.orderTotalsValidation ??= []).push(...v.orderTotalsValidation);
    if (v.orderValidation) (out.orderValidation ??= []).push(...v.orderValidation);
  }
  return out;
}

const STAFF_REASON_TEXT: Record<RejectCode, [order_error: string, defaultReason: string]> = {
  store_busy: ['store_unavailable', 'Store is too busy'],
  store_closed: ['store_unavailable', 'Store is closed'],
  items_unavailable: ['invalid_cart', 'Items unavailable'],
  pos_offline: ['pos_offline', 'POS unreachable'],
  invalid_order: ['invalid_cart', 'Order cannot be made as sent'],
  other: ['invalid_cart', 'Rejected by store'],
};

/** A staff reject as Stream's `posValidation`: out-of-stock ids become `stockValidation`. */
export function staffRejectValidation(
  code: RejectCode,
  reason: string | undefined,
  unavailable: readonly { type: 'item' | 'modifier'; providerId: string }[] = [],
): PosValidation {
  const [order_error, defaultReason] = STAFF_REASON_TEXT[code];
  const validation: PosValidation = orderProblem(order_error, reason?.trim() || defaultReason);
  if (unavailable.length)
    validation.stockValidation = unavailable.map((u) => ({
      type: u.type,
      provider_id: u.providerId,
      quantity: 0,
    }));
  return validation;
}

/** One line for staff and the timeline: what was wrong with an order we refused. */
export function describeValidation(v: PosValidation): string {
  const parts = (v.orderValidation ?? []).map((p) => p.order_error_reason);
  if (v.stockValidation?.length)
    parts.push(`unavailable: ${v.stockValidation.map((s) => s.provider_id).join(', ')}`);
  for (const t of v.orderTotalsValidation ?? [])
    parts.push(`total ${t.streamTotal} below POS total ${t.posTotal}`);
  return parts.join('; ');
}
