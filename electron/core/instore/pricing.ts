// Prices for an in-store order: catalog items and modifiers take their name and price from the
// local catalog (Stream's shape, A5, with this location's overrides); free-text ones bring their
// own. Totals are integer cents; tax is the configured rate, rounded half up once per order.
import type { InStoreLineItem, InStoreModifierInput } from '../../../shared/instore.js';
import type { LineItem, Modifier } from '../../../shared/order.js';
import { isAvailable, type CatalogIndex, type Sellable } from '../../../shared/catalog-index.js';
import type { CurrentCatalog } from '../catalog/catalog.js';
import { modifierCents } from '../stream/protocol/index.js';
import { ApiError } from '../util/errors.js';

/** The catalog's sellable objects by the ids an order uses (its index: `family`, `family|item`,
 * modifier id), with what is 86'd now switched off. */
export class PriceList {
  private constructor(
    private readonly index: CatalogIndex | null,
    private readonly unavailable: ReadonlySet<string>,
  ) {}

  static from(current: Pick<CurrentCatalog, 'index' | 'unavailable'> | null): PriceList {
    return new PriceList(current?.index ?? null, current?.unavailable ?? new Set());
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
          : this.known(this.index?.modifiers.get(m.catalogId), m.catalogId, field, 'modifier');
      return {
        providerId: m.catalogId ?? null,
        name,
        quantity: m.quantity ?? 1,
        priceCents,
        modifiers: this.modifierList(m.modifiers ?? [], `${field}.modifiers`),
      };
    });
  }

  private item(id: string, field: string): Sellable {
    const sizes = this.index?.familyById.get(id)?.itemIds ?? [];
    if (sizes.length)
      throw new ApiError(
        400,
        'invalid_request',
        `${field}.catalogId: ${id} has sizes; use one of ${sizes.map((i) => `${id}|${i}`).join(', ')}`,
        `${field}.catalogId`,
      );
    return this.known(this.index?.lineItems.get(id), id, field, 'item');
  }

  private known(found: Sellable | undefined, id: string, field: string, what: string): Sellable {
    if (!found)
      throw new ApiError(
        400,
        'invalid_request',
        `${field}.catalogId: no ${what} ${id} in the catalog`,
        `${field}.catalogId`,
      );
    if (!isAvailable(found, this.unavailable))
      throw new ApiError(
        400,
        'unavailable',
        `${field}.catalogId: ${found.name} is unavailable`,
        `${field}.catalogId`,
      );
    return found;
  }
}

export function subtotalCents(lines: readonly LineItem[]): number {
  return lines.reduce(
    (sum, li) => sum + li.quantity * (li.priceCents + modifierCents(li.modifiers)),
    0,
  );
}
