// POS prices from a catalog in Stream's shape: families without variations, `family|item`
// variations, modifiers at any depth, this location's price overrides; and the order subtotal at
// those prices (null when something has no POS price).
import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../../shared/catalog-index.js';
import type { Catalog } from '../../electron/core/catalog/catalog.js';
import { posSubtotal } from '../../electron/core/pos/totals.js';
import type { NormalizedOrder } from '../../electron/core/stream/protocol/index.js';

const catalog: Catalog = {
  category: [],
  item_family: [
    { provider_id: 'fam-burger', name: 'Burger', price_amount: 900, item_ids: [] },
    {
      provider_id: 'fam-fries',
      name: 'Fries',
      price_amount: 0,
      item_ids: ['fries-s', 'fries-l'],
    },
  ],
  item: [
    { provider_id: 'fries-s', name: 'Small', price_amount: 300 },
    {
      provider_id: 'fries-l',
      name: 'Large',
      price_amount: 450,
      location_overrides: [
        { provider_location_id: 'store-2', override: { price_amount: 999 } },
        { provider_location_id: 'store-1', override: { price_amount: 500 } },
      ],
    },
  ],
  modifier_group: [],
  modifier: [
    { provider_id: 'm-cheese', name: 'Cheese', price_amount: 75 },
    { provider_id: 'm-extra', name: 'Extra', price_amount: 25 },
  ],
  menu: [],
};

function order(lineItems: NormalizedOrder['lineItems']): NormalizedOrder {
  return { lineItems } as NormalizedOrder;
}

const mod = (
  providerId: string | null,
  quantity = 1,
  modifiers: NormalizedOrder['lineItems'][number]['modifiers'] = [],
) => ({
  providerId,
  name: providerId ?? 'free text',
  quantity,
  priceCents: 0,
  modifiers,
});

describe('POS prices', () => {
  const prices = indexCatalog(catalog, 'store-1');

  it('prices families, variations (with this location’s override) and modifiers', () => {
    const priceOf = [...prices.lineItems].map(([id, item]) => [id, item.priceCents]);
    expect(Object.fromEntries(priceOf)).toEqual({
      'fam-burger': 900,
      'fam-fries|fries-s': 300,
      'fam-fries|fries-l': 500,
    });
    expect(prices.modifiers.get('m-cheese')?.priceCents).toBe(75);
  });

  it('totals an order at POS prices, nested modifiers included', () => {
    const total = posSubtotal(
      order([
        {
          providerId: 'fam-burger',
          name: 'Burger',
          quantity: 2,
          priceCents: 1,
          specialInstructions: null,
          customerId: null,
          modifiers: [mod('m-cheese', 2, [mod('m-extra')])],
        },
        {
          providerId: 'fam-fries|fries-l',
          name: 'Fries',
          quantity: 1,
          priceCents: 1,
          specialInstructions: null,
          customerId: null,
          modifiers: [],
        },
      ]),
      prices,
    );
    // 2 × (900 + 2 × (75 + 25)) + 500
    expect(total).toBe(2 * (900 + 2 * 100) + 500);
  });

  it('gives no total when an item or a modifier has no POS price', () => {
    const line = (providerId: string | null, modifiers = [] as ReturnType<typeof mod>[]) => ({
      providerId,
      name: 'x',
      quantity: 1,
      priceCents: 0,
      specialInstructions: null,
      customerId: null,
      modifiers,
    });
    expect(posSubtotal(order([line('fam-fries')]), prices)).toBeNull(); // a family with sizes
    expect(posSubtotal(order([line(null)]), prices)).toBeNull();
    expect(posSubtotal(order([line('fam-burger', [mod('m-unknown')])]), prices)).toBeNull();
  });
});
