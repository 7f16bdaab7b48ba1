// The one catalog index (shared/catalog-index.ts): what an order may name, what it costs at this
// location, what is on, and who holds what, read once from Stream's shape. The core's checks,
// totals, in-store pricing and 86 lookup, and the renderer's menu, all read this.
import { describe, expect, it } from 'vitest';
import { indexCatalog, isAvailable } from '../../shared/catalog-index.js';
import { StreamCatalog } from '../../shared/pos.js';
import { posSubtotal } from '../../electron/core/pos/totals.js';
import { PriceList } from '../../electron/core/instore/pricing.js';
import { buildMenu } from '../../renderer/src/features/instore/menu.js';
import type { NormalizedOrder } from '../../electron/core/stream/protocol/index.js';

const catalog = StreamCatalog.parse({
  category: [{ provider_id: 'cat-drinks', name: 'Drinks', item_family_ids: ['fam-soda'] }],
  item_family: [
    {
      provider_id: 'fam-soda',
      name: 'Soda',
      price_amount: 0,
      item_ids: ['soda-s', 'soda-l', 'soda-gone'],
      modifier_group_ids: ['grp-ice'],
    },
    {
      provider_id: 'fam-pie',
      name: '  ',
      price_amount: 400,
      location_overrides: [{ provider_location_id: 'store-2', override: { is_active: false } }],
    },
  ],
  item: [
    { provider_id: 'soda-s', name: 'Small', price_amount: 150 },
    {
      provider_id: 'soda-l',
      name: 'Large',
      price_amount: 250,
      location_overrides: [{ provider_location_id: 'store-1', override: { price_amount: 275.4 } }],
    },
  ],
  modifier_group: [
    { provider_id: 'grp-ice', name: 'Ice', modifier_ids: ['mod-ice'], max_unique: 0 },
  ],
  modifier: [{ provider_id: 'mod-ice', name: 'Extra ice', price_amount: 25 }],
});

describe('the catalog index', () => {
  const index = indexCatalog(catalog, 'store-1');

  it('knows the ids an order names, and prices the ones that exist at this location', () => {
    expect([...index.lineItemIds]).toEqual([
      'fam-soda|soda-s',
      'fam-soda|soda-l',
      'fam-soda|soda-gone',
      'fam-pie',
    ]);
    expect([...index.lineItems.values()]).toEqual([
      { id: 'fam-soda|soda-s', name: 'Soda (Small)', priceCents: 150, active: true },
      { id: 'fam-soda|soda-l', name: 'Soda (Large)', priceCents: 275, active: true },
      // A blank name reads as the id.
      { id: 'fam-pie', name: 'fam-pie', priceCents: 400, active: true },
    ]);
    expect(indexCatalog(catalog, 'store-2').lineItems.get('fam-pie')?.active).toBe(false);
    expect(index.objectCount).toBe(7);
  });

  it('holds what the menu and the 86 lookup need', () => {
    const soda = index.familyById.get('fam-soda')!;
    expect(soda.categories).toEqual(['cat-drinks']);
    expect(soda.sizes.map((s) => [s.id, s.name])).toEqual([
      ['fam-soda|soda-s', 'Small'],
      ['fam-soda|soda-l', 'Large'],
    ]);
    expect(index.groups.get('grp-ice')).toMatchObject({ max: Infinity, single: false });
    expect(index.objects.get('soda-l')).toEqual({
      providerId: 'soda-l',
      type: 'item',
      name: 'Large',
      parents: ['Soda'],
    });
    expect(index.objects.get('mod-ice')?.parents).toEqual(['Ice']);
  });

  it('is switched off by an 86 of the item or of its family', () => {
    const large = index.lineItems.get('fam-soda|soda-l')!;
    expect(isAvailable(large, new Set())).toBe(true);
    expect(isAvailable(large, new Set(['soda-l']))).toBe(false);
    expect(isAvailable(large, new Set(['fam-soda']))).toBe(false);
    expect(isAvailable(large, new Set(['soda-s']))).toBe(true);
  });

  it('gives the totals check, in-store pricing and the menu the same prices', () => {
    const order = {
      lineItems: [
        {
          providerId: 'fam-soda|soda-l',
          quantity: 2,
          modifiers: [{ providerId: 'mod-ice', quantity: 1, modifiers: [] }],
        },
      ],
    } as unknown as NormalizedOrder;
    const priced = PriceList.from({ index, unavailable: new Set() }).lineItems([
      { catalogId: 'fam-soda|soda-l', quantity: 2, modifiers: [{ catalogId: 'mod-ice' }] },
    ]);
    const menu = buildMenu(catalog, 'store-1');
    expect(posSubtotal(order, index)).toBe(2 * (275 + 25));
    expect(priced[0]).toMatchObject({ name: 'Soda (Large)', priceCents: 275 });
    expect(menu.items[0]!.sizes[1]).toMatchObject({
      catalogId: 'fam-soda|soda-l',
      priceCents: 275,
    });
    expect(menu.modifiers.get('mod-ice')?.priceCents).toBe(25);
  });
});
