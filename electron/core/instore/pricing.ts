// Prices for an in-store order: catalog items and modifiers take their name and price from the
// local catalog (Stream's shape, A5, with this location's overrides); free-text ones bring their
// own. Totals are integer cents; tax is the configured rate, rounded half up once per order.
import type { InStoreLineItem, InStoreModifierInput } from '../../../shared/instore.js';
import type { LineItem, Modifier } from '../../../shared/order.js';
import type { Catalog } from '../catalog/catalog.js';
import { modifierCents } from '../stream/protocol/index.js';
import { ApiError } from '../util/errors.js';

interface Priced {
  name: string;
  priceCents: number;
  active: boolean;
}

interface CatalogObject {
  provider_id?: unknown;
  name?: unknown;
  price_amount?: unknown;
  is_active?: unknown;
  item_ids?: unknown;
  location_overrides?: unknown;
}

/** The catalog's sellable objects by the ids an order uses: `family`, `family|item`, modifier id. */
export class PriceList {
  private constructor(
    private readonly items: Map<string, Priced | { variations: string[] }>,
    private readonly modifiers: Map<string, Priced>,
  ) {}

  static from(catalog: Catalog | null, locationId: string): PriceList {
    const items = new Map<string, Priced | { variations: string[] }>();
    const modifiers = new Map<string, Priced>();
    if (!catalog) return new PriceList(items, modifiers);
    const variations = new Map<string, CatalogObject>();
    for (const item of catalog.item as CatalogObject[])
      if (typeof item.provider_id === 'string') variations.set(item.provider_id, item);
    for (const family of catalog.item_family as CatalogObject[]) {
      if (typeof family.provider_id !== 'string') continue;
      const familyPrice = priced(family, locationId, nameOf(family, family.provider_id));
      const itemIds = Array.isArray(family.item_ids)
        ? family.item_ids.filter((i): i is string => typeof i === 'string')
        : [];
      if (itemIds.length === 0) {
        items.set(family.provider_id, familyPrice);
        continue;
      }
      items.set(family.provider_id, {
        variations: itemIds.map((i) => `${family.provider_id as string}|${i}`),
      });
      for (const itemId of itemIds) {
        const item = variations.get(itemId);
        if (!item) continue;
        const variation = priced(item, locationId, `${familyPrice.name} (${nameOf(item, itemId)})`);
        items.set(`${family.provider_id}|${itemId}`, {
          ...variation,
          active: variation.active && familyPrice.active,
        });
      }
    }
    for (const m of catalog.modifier as CatalogObject[])
      if (typeof m.provider_id === 'string')
        modifiers.set(m.provider_id, priced(m, locationId, nameOf(m, m.provider_id)));
    return new PriceList(items, modifiers);
  }

  lineItems(input: readonly InStoreLineItem[]): LineItem[] {
    return input.map((li, i) => {
      const field = `body.items.${i}`;
      const { name, priceCents } =
        li.catalogId === undefined
          ? { name: li.name!, priceCents: li.priceCents! }
          : this.item(li.catalogId, field);
      return {
        providerId: li.catalogId ?? null,
        name,
        quantity: li.quantity,
        priceCents,
        specialInstructions: li.specialInstructions || null,
        customerId: null,
        modifiers: this.modifierList(li.modifiers ?? [], `${field}.modifiers`),
      };
    });
  }

  private modifierList(input: readonly InStoreModifierInput[], prefix: string): Modifier[] {
    return input.map((m, i) => {
      const field = `${prefix}.${i}`;
      const { name, priceCents } =
        m.catalogId === undefined
          ? { name: m.name!, priceCents: m.priceCents ?? 0 }
          : this.known(this.modifiers.get(m.catalogId), m.catalogId, field, 'modifier');
      return {
        providerId: m.catalogId ?? null,
        name,
        quantity: m.quantity ?? 1,
        priceCents,
        modifiers: this.modifierList(m.modifiers ?? [], `${field}.modifiers`),
      };
    });
  }

  private item(id: string, field: string): Priced {
    const found = this.items.get(id);
    if (found && 'variations' in found)
      throw new ApiError(
        400,
        'invalid_request',
        `${field}.catalogId: ${id} has sizes; use one of ${found.variations.join(', ')}`,
        `${field}.catalogId`,
      );
    return this.known(found, id, field, 'item');
  }

  private known(found: Priced | undefined, id: string, field: string, what: string): Priced {
    if (!found)
      throw new ApiError(
        400,
        'invalid_request',
        `${field}.catalogId: no ${what} ${id} in the catalog`,
        `${field}.catalogId`,
      );
    if (!found.active)
      throw new ApiError(
        400,
        'unavailable',
        `${field}.catalogId: ${found.name} is unavailable`,
        `${field}.catalogId`,
      );
    return found;
  }
}

function nameOf(o: CatalogObject, fallback: string): string {
  return typeof o.name === 'string' && o.name.trim() ? o.name : fallback;
}

/** A catalog object's name, price and availability at this location (A5 location_overrides). */
function priced(o: CatalogObject, locationId: string, name: string): Priced {
  let price = typeof o.price_amount === 'number' ? o.price_amount : 0;
  let active = o.is_active !== false;
  const overrides = Array.isArray(o.location_overrides) ? (o.location_overrides as unknown[]) : [];
  for (const entry of overrides) {
    const { provider_location_id, override } = (entry ?? {}) as {
      provider_location_id?: unknown;
      override?: Record<string, unknown>;
    };
    if (provider_location_id !== locationId || !override) continue;
    if (typeof override.price_amount === 'number') price = override.price_amount;
    if (typeof override.is_active === 'boolean') active = override.is_active;
  }
  return { name, priceCents: Math.round(price), active };
}

export function subtotalCents(lines: readonly LineItem[]): number {
  return lines.reduce(
    (sum, li) => sum + li.quantity * (li.priceCents + modifierCents(li.modifiers)),
    0,
  );
}
