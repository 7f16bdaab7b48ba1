// The checks every incoming order passes before it is queued (DESIGN.md: paused store, 86'd
// items, unknown items, totals). Each check is a small function; the composition root decides
// which run, so the store controls (pause, 86) plug in here without touching ingest.
import type { NormalizedOrder, PosValidation } from '../stream/protocol/index.js';
import { modifierCents, orderProblem, WRONG_LOCATION_ERROR } from '../stream/protocol/index.js';
import type { CatalogStore } from '../catalog/catalog.js';

export interface CheckContext {
  order: NormalizedOrder;
  /** Currency codes the order used, upper-cased. */
  currencies: ReadonlySet<string>;
  now: number;
  /** Things a check lets through but staff should know (e.g. totals under `warn`); ingest writes
   * each on the order's timeline. */
  warnings?: string[];
}

/** Returns the problems it found, or null when the order passes. */
export type OrderCheck = (ctx: CheckContext) => PosValidation | null;

export function locationCheck(locationId: string): OrderCheck {
  return ({ order }) =>
    order.locationId === locationId
      ? null
      : orderProblem(WRONG_LOCATION_ERROR, `Unknown location ${order.locationId}`);
}

export const nonEmptyCartCheck: OrderCheck = ({ order }) =>
  order.lineItems.length > 0 ? null : orderProblem('invalid_cart', 'The cart is empty');

export function currencyCheck(storeCurrency: string): OrderCheck {
  const expected = storeCurrency.toUpperCase();
  return ({ currencies }) => {
    const wrong = [...currencies].filter((c) => c !== expected);
    return wrong.length
      ? orderProblem(
          'invalid_cart',
          `Currency ${wrong.join(', ')} is not the store currency ${expected}`,
        )
      : null;
  };
}

/** Unknown item or modifier ids, checked only once a catalog is loaded. */
export function catalogCheck(catalog: CatalogStore): OrderCheck {
  return ({ order }) => {
    const current = catalog.current();
    if (!current) return null;
    const unknownItems = [
      ...new Set(order.itemIds.filter((id) => !current.index.lineItemIds.has(id))),
    ];
    const unknownModifiers = [
      ...new Set(order.modifierIds.filter((id) => !current.index.modifiers.has(id))),
    ];
    const missingId = order.lineItems.some((li) => li.providerId === null);
    if (!unknownItems.length && !unknownModifiers.length && !missingId) return null;
    const parts: string[] = [];
    if (unknownItems.length) parts.push(`unknown items: ${unknownItems.join(', ')}`);
    if (unknownModifiers.length) parts.push(`unknown modifiers: ${unknownModifiers.join(', ')}`);
    if (missingId) parts.push('items without a provider_id');
    return orderProblem('invalid_cart', parts.join('; '));
  };
}

/** Every amount of the order, with where it is, for the money check. */
function amountsOf(order: NormalizedOrder): { where: string; cents: number }[] {
  const out: { where: string; cents: number }[] = [];
  const visit = (mods: NormalizedOrder['lineItems'][number]['modifiers'], at: string): void =>
    mods.forEach((m, i) => {
      out.push({ where: `${at}.modifiers[${i}].price_amount`, cents: m.priceCents });
      visit(m.modifiers, `${at}.modifiers[${i}]`);
    });
  order.lineItems.forEach((li, i) => {
    const at = `line_items[${i}]`;
    out.push({ where: `${at}.price_amount`, cents: li.priceCents });
    out.push({
      where: `${at} (quantity × price)`,
      cents: li.quantity * (li.priceCents + modifierCents(li.modifiers)),
    });
    visit(li.modifiers, at);
  });
  out.push(
    { where: 'subtotal', cents: order.subtotalCents },
    { where: 'tax', cents: order.taxCents },
    { where: 'tax_withheld_by_dsp', cents: order.taxWithheldCents ?? 0 },
    { where: 'delivery_fee', cents: order.deliveryFeeCents },
    { where: 'driver_tip', cents: order.driverTipCents },
    { where: 'total', cents: order.totalCents },
  );
  order.discounts.forEach((d, i) => {
    if (!d || typeof d !== 'object') return;
    for (const [key, value] of Object.entries(d as Record<string, unknown>))
      if (typeof value === 'number' && /(^|_)amount$/.test(key))
        out.push({ where: `discounts[${i}].${key}`, cents: value });
  });
  return out;
}

/** Negative or absurd money (below 0, above `maxCents`) is refused whatever the totals policy:
 * the POS would get nonsense and the CSV would show "-50.00" as text. */
export function moneyCheck(maxCents: number): OrderCheck {
  return ({ order }) => {
    const wrong = amountsOf(order).filter((a) => a.cents < 0 || a.cents > maxCents);
    if (!wrong.length) return null;
    const shown = wrong
      .slice(0, 3)
      .map((a) => `${a.where} is ${a.cents} cents`)
      .join('; ');
    return orderProblem(
      'invalid_cart',
      `Amounts must be between 0 and ${maxCents} cents: ${shown}${wrong.length > 3 ? ` (and ${wrong.length - 3} more)` : ''}`,
    );
  };
}

/** Runs every check; all problems found are reported together. */
export function runChecks(checks: readonly OrderCheck[], ctx: CheckContext): PosValidation[] {
  const problems: PosValidation[] = [];
  for (const check of checks) {
    const found = check(ctx);
    if (found) problems.push(found);
  }
  return problems;
}
