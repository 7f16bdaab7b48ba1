// An order's money, worked out once for the screen, the kitchen ticket and the POS order.
// Stream reports discounts beside the prices, never subtracted from them (stream-api.md A1); the
// order-management document applies them to the subtotal when the order goes into the POS. Tips
// and delivery fees go to the platform (README protocol assumption 12), so what the store
// collects is the discounted subtotal plus the tax it must remit itself; what the customer paid
// the platform adds the fees and the tip. An in-store order's delivery fee is the store's own
// charge (it took the order and bills the customer), so there the store collects it too.
// Amounts are integer cents.
import type { OrderOrigin } from './domain.js';

export interface Discount {
  name: string | null;
  cents: number;
}

export interface MoneyInput {
  subtotalCents: number;
  taxCents: number;
  taxWithheldCents?: number | undefined;
  deliveryFeeCents: number;
  driverTipCents: number;
  discounts: readonly unknown[];
  /** `in_store`: the delivery fee is the store's own charge. */
  origin?: OrderOrigin | undefined;
}

export interface OrderMoney {
  subtotalCents: number;
  discounts: Discount[];
  /** Sum of the discounts, a positive number that is subtracted. */
  discountCents: number;
  taxCents: number;
  /** Tax the platform pays to the authority itself (`tax_withheld_by_dsp`). */
  taxWithheldCents: number;
  deliveryFeeCents: number;
  /** The delivery fee is the store's own (in-store orders) and part of what it collects. */
  feeToStore: boolean;
  driverTipCents: number;
  /** Subtotal − discounts + tax − tax the platform withholds (+ the fee when it is the store's). */
  storeCollectsCents: number;
  /** Subtotal − discounts + tax + delivery fee + tip. */
  customerPaidCents: number;
}

const AMOUNT_FIELDS = ['amount', 'amount_cents', 'price_amount', 'value', 'total'] as const;
const NAME_FIELDS = ['name', 'description', 'title', 'code', 'type'] as const;

/** A discount entry as Stream sends it: an object with an amount in cents (by one of the names
 * in AMOUNT_FIELDS) and a label; A1 leaves the entry's shape open. A negative amount counts the
 * same as a positive one (some senders sign it); an entry without an amount counts nothing. */
export function readDiscount(entry: unknown): Discount {
  if (typeof entry === 'number') return { name: null, cents: Math.abs(Math.round(entry)) };
  const o = (entry ?? {}) as Record<string, unknown>;
  const amount = AMOUNT_FIELDS.map((f) => o[f]).find((v): v is number => typeof v === 'number');
  const name = NAME_FIELDS.map((f) => o[f]).find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  return { name: name?.trim() ?? null, cents: Math.abs(Math.round(amount ?? 0)) };
}

export function orderMoney(o: MoneyInput): OrderMoney {
  const discounts = o.discounts.map(readDiscount).filter((d) => d.cents > 0);
  const discountCents = Math.min(
    o.subtotalCents > 0 ? o.subtotalCents : 0,
    discounts.reduce((s, d) => s + d.cents, 0),
  );
  const taxWithheldCents = o.taxWithheldCents ?? 0;
  const afterDiscount = o.subtotalCents - discountCents;
  const feeToStore = o.origin === 'in_store';
  return {
    subtotalCents: o.subtotalCents,
    discounts,
    discountCents,
    taxCents: o.taxCents,
    taxWithheldCents,
    deliveryFeeCents: o.deliveryFeeCents,
    feeToStore,
    driverTipCents: o.driverTipCents,
    storeCollectsCents:
      afterDiscount + o.taxCents - taxWithheldCents + (feeToStore ? o.deliveryFeeCents : 0),
    customerPaidCents: afterDiscount + o.taxCents + o.deliveryFeeCents + o.driverTipCents,
  };
}
