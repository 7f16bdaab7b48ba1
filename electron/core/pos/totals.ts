// The order-totals check (stream-api.md A2 `orderTotalsValidation`): an order whose subtotal is
// below what its items cost at the POS's prices (the imported catalog, with this location's
// overrides) is refused, noted, or let through, per `catalog.totalsPolicy` (reject | warn | off).
// Stream's prices include markups and discounts are reported apart (A1), so a lower subtotal means
// the DSP is selling below the store's prices. Items the catalog does not know are the catalog
// check's business; an order with one is not priced here.
import type { Catalog, CatalogStore } from '../catalog/catalog.js';
import type { NormalizedOrder } from '../stream/protocol/index.js';
import type { OrderCheck } from '../validation/checks.js';
import type { Modifier } from '../../../shared/order.js';

export type TotalsPolicy = 'reject' | 'warn' | 'off';

interface Priced {
  provider_id?: unknown;
  price_amount?: unknown;
  item_ids?: unknown;
  location_overrides?: unknown;
}

/** POS prices by the ids orders use: `family`, `family|item`, and modifier ids. */
export interface PosPrices {
  items: Map<string, number>;
  modifiers: Map<string, number>;
}

export function posPrices(catalog: Catalog, locationId: string): PosPrices {
  const variations = new Map<string, Priced>();
  for (const item of catalog.item as Priced[])
    if (typeof item?.provider_id === 'string') variations.set(item.provider_id, item);
  const items = new Map<string, number>();
  for (const family of catalog.item_family as Priced[]) {
    if (typeof family?.provider_id !== 'string') continue;
    const itemIds = Array.isArray(family.item_ids)
      ? family.item_ids.filter((i): i is string => typeof i === 'string')
      : [];
    if (!itemIds.length) {
      items.set(family.provider_id, priceOf(family, locationId));
      continue;
    }
    for (const itemId of itemIds) {
      const item = variations.get(itemId);
      if (item) items.set(`${family.provider_id}|${itemId}`, priceOf(item, locationId));
    }
  }
  const modifiers = new Map<string, number>();
  for (const m of catalog.modifier as Priced[])
    if (typeof m?.provider_id === 'string') modifiers.set(m.provider_id, priceOf(m, locationId));
  return { items, modifiers };
}

/** The order's subtotal at POS prices; null when an item or modifier has no POS price. */
export function posSubtotal(order: NormalizedOrder, prices: PosPrices): number | null {
  let total = 0;
  for (const li of order.lineItems) {
    const unit = li.providerId === null ? undefined : prices.items.get(li.providerId);
    const mods = modifiersAt(li.modifiers, prices);
    if (unit === undefined || mods === null) return null;
    total += li.quantity * (unit + mods);
  }
  return total;
}

function modifiersAt(list: readonly Modifier[], prices: PosPrices): number | null {
  let sum = 0;
  for (const m of list) {
    const price = m.providerId === null ? undefined : prices.modifiers.get(m.providerId);
    const nested = modifiersAt(m.modifiers, prices);
    if (price === undefined || nested === null) return null;
    sum += m.quantity * (price + nested);
  }
  return sum;
}

/** The check; the price list is rebuilt only when a new catalog is loaded. */
export function totalsCheck(
  catalog: CatalogStore,
  locationId: string,
  policy: TotalsPolicy,
): OrderCheck {
  let built: { from: Catalog; prices: PosPrices } | null = null;
  return (ctx) => {
    if (policy === 'off') return null;
    const current = catalog.current();
    if (!current) return null;
    if (built?.from !== current.stored)
      built = { from: current.stored, prices: posPrices(current.stored, locationId) };
    const posTotal = posSubtotal(ctx.order, built.prices);
    const streamTotal = ctx.order.subtotalCents;
    if (posTotal === null || streamTotal >= posTotal) return null;
    if (policy === 'reject') return { orderTotalsValidation: [{ posTotal, streamTotal }] };
    ctx.warnings?.push(`subtotal ${streamTotal} is below the POS prices (${posTotal})`);
    return null;
  };
}

function priceOf(o: Priced, locationId: string): number {
  let price = typeof o.price_amount === 'number' ? o.price_amount : 0;
  const overrides = Array.isArray(o.location_overrides) ? (o.location_overrides as unknown[]) : [];
  for (const entry of overrides) {
    const { provider_location_id, override } = (entry ?? {}) as {
      provider_location_id?: unknown;
      override?: { price_amount?: unknown };
    };
    if (provider_location_id === locationId && typeof override?.price_amount === 'number')
      price = override.price_amount;
  }
  return Math.round(price);
}
