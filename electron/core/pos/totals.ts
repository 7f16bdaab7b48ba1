// The order-totals check (stream-api.md A2 `orderTotalsValidation`): an order whose subtotal is
// below what its items cost at the POS's prices (the imported catalog, with this location's
// overrides) is refused, noted, or let through, per `catalog.totalsPolicy` (reject | warn | off).
// Stream's prices include markups and discounts are reported apart (A1), so a lower subtotal means
// the DSP is selling below the store's prices. Items the catalog does not know are the catalog
// check's business; an order with one is not priced here.
import type { CatalogIndex, CatalogStore } from '../catalog/catalog.js';
import type { NormalizedOrder } from '../stream/protocol/index.js';
import type { OrderCheck } from '../validation/checks.js';
import type { Modifier } from '../../../shared/order.js';

export type TotalsPolicy = 'reject' | 'warn' | 'off';

/** The order's subtotal at POS prices (the catalog index: this location's prices); null when an
 * item or modifier has no POS price. */
export function posSubtotal(order: NormalizedOrder, prices: CatalogIndex): number | null {
  let total = 0;
  for (const li of order.lineItems) {
    const unit = li.providerId === null ? undefined : prices.lineItems.get(li.providerId);
    const mods = modifiersAt(li.modifiers, prices);
    if (unit === undefined || mods === null) return null;
    total += li.quantity * (unit.priceCents + mods);
  }
  return total;
}

function modifiersAt(list: readonly Modifier[], prices: CatalogIndex): number | null {
  let sum = 0;
  for (const m of list) {
    const price = m.providerId === null ? undefined : prices.modifiers.get(m.providerId);
    const nested = modifiersAt(m.modifiers, prices);
    if (price === undefined || nested === null) return null;
    sum += m.quantity * (price.priceCents + nested);
  }
  return sum;
}

/** The check, against the loaded catalog's index. */
export function totalsCheck(catalog: CatalogStore, policy: TotalsPolicy): OrderCheck {
  return (ctx) => {
    if (policy === 'off') return null;
    const current = catalog.current();
    if (!current) return null;
    const posTotal = posSubtotal(ctx.order, current.index);
    const streamTotal = ctx.order.subtotalCents;
    if (posTotal === null || streamTotal >= posTotal) return null;
    if (policy === 'reject') return { orderTotalsValidation: [{ posTotal, streamTotal }] };
    ctx.warnings?.push(`subtotal ${streamTotal} is below the POS prices (${posTotal})`);
    return null;
  };
}
