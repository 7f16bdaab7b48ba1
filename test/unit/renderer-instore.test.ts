// The new-order form's rules without a browser: the menu read from the catalog (sizes, groups,
// location prices), modifier group min / max with nested groups, the live subtotal matching the
// core's own pricing, the tax rule the form and the core share, the request the
// Local API accepts, and where a refused field's message goes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InStoreOrderRequest, taxCents } from '../../shared/instore.js';
import type { Catalog } from '../../electron/core/catalog/catalog.js';
import { indexCatalog } from '../../shared/catalog-index.js';
import { PriceList, subtotalCents as coreSubtotal } from '../../electron/core/instore/pricing.js';
import {
  groupProblems,
  groupRule,
  lineRequest,
  parsePriceCents,
  subtotalCents,
  togglePick,
  type DraftLine,
  type ModifierPick,
} from '../../renderer/src/features/instore/draft.js';
import { formFieldOf, messageFor } from '../../renderer/src/features/instore/field-errors.js';
import { setStoreTimeZone } from '../../renderer/src/ui/format.js';
import {
  deliveryFeeCents,
  deliveryFeeText,
  EMPTY_FORM,
  missingFields,
  orderRequest,
  requestedFor,
} from '../../renderer/src/features/instore/form.js';
import {
  buildMenu,
  isItemAvailable,
  searchMenu,
  type Menu,
} from '../../renderer/src/features/instore/menu.js';

const catalog = JSON.parse(
  readFileSync(new URL('../../config/dev-catalog.json', import.meta.url), 'utf8'),
) as Catalog;
const menu: Menu = buildMenu(catalog, 'store-1');
/** The core's reading of the same catalog: the index the menu is built from too. */
const menuIndex = indexCatalog(catalog, 'store-1');
/** The connector's pricing terms as the form gets them (getInStoreTerms). */
const TERMS = {
  taxRatePercent: 0,
  currency: 'USD',
  locationId: 'store-1',
  deliveryFeeCents: 350,
  maxDeliveryFeeCents: 2_000,
};
const group = (id: string) => menu.groups.get(id)!;
const modifier = (id: string) => menu.modifiers.get(id)!;
const pick = (picks: ModifierPick[], groupId: string, modifierId: string) =>
  togglePick(picks, group(groupId), modifier(modifierId));

function line(fields: Partial<DraftLine>): DraftLine {
  return {
    key: 'k',
    catalogId: null,
    itemId: null,
    name: 'x',
    unitCents: 0,
    quantity: 1,
    picks: [],
    note: '',
    ...fields,
  };
}

describe('menu from the catalog', () => {
  it('has sizes as family|item ids, groups with their rules, and a currency', () => {
    const fries = menu.items.find((i) => i.id === 'fam-fries')!;
    expect(fries.sizes.map((s) => [s.catalogId, s.priceCents])).toEqual([
      ['fam-fries|item-fries-small', 299],
      ['fam-fries|item-fries-large', 449],
    ]);
    expect(group('grp-doneness')).toMatchObject({ min: 1, max: 1, single: true });
    expect(group('grp-burger-extras')).toMatchObject({ min: 0, max: 4, single: false });
    expect(groupRule(group('grp-doneness'), 'en')).toBe('Choose 1');
    expect(groupRule(group('grp-burger-extras'), 'en')).toBe('Optional, up to 4');
    expect(groupRule(group('grp-pizza-left'), 'en')).toBe('1 to 2');
    expect(menu.currency).toBe('USD');
  });

  it('says the rules and what is missing in the terminal’s language', () => {
    expect(groupRule(group('grp-doneness'), 'es')).toBe('Elija 1');
    expect(groupRule(group('grp-burger-extras'), 'es')).toBe('Opcional, hasta 4');
    const pizza = menu.items.find((i) => i.id === 'fam-pizza')!;
    expect(groupProblems(menu, pizza.groupIds, [], 'es').map((p) => p.message)).toEqual([
      'elija uno',
    ]);
    expect(missingFields(EMPTY_FORM, [], TERMS, 'USD', 'es')).toEqual({
      items: 'Agregue al menos un producto',
      unpaid: 'Elija Pagado o Aún no pagado',
    });
    expect(groupRule(group('grp-doneness'), 'en')).toBe('Choose 1');
  });

  it('takes this location’s price and availability overrides', () => {
    const soup = {
      ...catalog,
      item_family: [
        {
          provider_id: 'fam-x',
          name: 'Soup',
          price_amount: 500,
          location_overrides: [
            { provider_location_id: 'store-1', override: { price_amount: 650 } },
            { provider_location_id: 'store-2', override: { is_active: false } },
          ],
        },
      ],
    };
    expect(buildMenu(soup, 'store-1').items[0]).toMatchObject({ priceCents: 650, active: true });
    expect(buildMenu(soup, 'store-2').items[0]).toMatchObject({ priceCents: 500, active: false });
    expect(buildMenu(soup, 'store-3').items[0]).toMatchObject({ priceCents: 500, active: true });
  });

  it('searches names, sizes and categories, with sold-out items last', () => {
    const names = (q: string, soldOut: string[] = []) =>
      searchMenu(menu, q, null, new Set(soldOut)).map((i) => i.name);
    expect(names('burger')).toEqual(['Cheeseburger', 'Veggie Burger']);
    expect(names('large')).toContain('Fries');
    expect(names('sides')).toContain('Fries');
    expect(names('burger', ['fam-cheeseburger'])).toEqual(['Veggie Burger', 'Cheeseburger']);
    const fries = menu.items.find((i) => i.id === 'fam-fries')!;
    expect(isItemAvailable(fries, new Set(['item-fries-small']))).toBe(true);
    expect(isItemAvailable(fries, new Set(['item-fries-small', 'item-fries-large']))).toBe(false);
  });
});

describe('modifier choices', () => {
  it('a single-choice group swaps its choice; a full group takes no more', () => {
    let picks = pick([], 'grp-doneness', 'mod-medium');
    picks = pick(picks, 'grp-doneness', 'mod-well-done');
    expect(picks.map((p) => p.modifierId)).toEqual(['mod-well-done']);
    const two = { ...group('grp-burger-extras'), max: 2 };
    let extras: ModifierPick[] = [];
    for (const id of ['mod-bacon', 'mod-extra-cheese', 'mod-extra-patty'])
      extras = togglePick(extras, two, modifier(id));
    expect(extras.map((p) => p.modifierId)).toEqual(['mod-bacon', 'mod-extra-cheese']);
    expect(togglePick(extras, two, modifier('mod-bacon')).map((p) => p.modifierId)).toEqual([
      'mod-extra-cheese',
    ]);
  });

  it('checks min and max at every level, nested groups included', () => {
    const pizza = menu.items.find((i) => i.id === 'fam-pizza')!;
    expect(groupProblems(menu, pizza.groupIds, [], 'en').map((p) => p.groupName)).toEqual([
      'Style',
    ]);
    const halves = pick([], 'grp-pizza-style', 'mod-half-half');
    const nested = groupProblems(menu, pizza.groupIds, halves, 'en');
    expect(nested.map((p) => [p.path, p.message])).toEqual([
      ['grp-pizza-style/mod-half-half/grp-pizza-left', 'choose at least 1'],
      ['grp-pizza-style/mod-half-half/grp-pizza-right', 'choose at least 1'],
    ]);
    const halfHalf = halves[0]!;
    const left = pick([], 'grp-pizza-left', 'mod-left-pepperoni');
    const both = pick(left, 'grp-pizza-right', 'mod-right-mushroom');
    const complete = halves.map((p) => (p === halfHalf ? { ...p, picks: both } : p));
    expect(groupProblems(menu, pizza.groupIds, complete, 'en')).toEqual([]);
    // Choosing "Whole" instead drops the halves and their rules.
    expect(
      groupProblems(menu, pizza.groupIds, pick(complete, 'grp-pizza-style', 'mod-whole'), 'en'),
    ).toEqual([]);
  });

  it('prices lines exactly as the core will, nested modifiers and quantities included', () => {
    const halves = pick([], 'grp-pizza-style', 'mod-half-half');
    const nestedPicks = pick(
      pick([], 'grp-pizza-left', 'mod-left-pepperoni'),
      'grp-pizza-right',
      'mod-right-mushroom',
    );
    const lines = [
      line({
        catalogId: 'fam-pizza|item-pizza-16',
        unitCents: 1799,
        quantity: 2,
        picks: [{ ...halves[0]!, picks: nestedPicks }],
      }),
      line({
        catalogId: 'fam-cheeseburger',
        unitCents: 899,
        quantity: 3,
        picks: pick(pick([], 'grp-doneness', 'mod-medium'), 'grp-burger-extras', 'mod-bacon'),
        note: '  no pickles ',
      }),
      line({ name: 'Candle', unitCents: 50, quantity: 1 }),
    ];
    const requests = lines.map(lineRequest);
    expect(requests[1]).toEqual({
      catalogId: 'fam-cheeseburger',
      quantity: 3,
      specialInstructions: 'no pickles',
      modifiers: [{ catalogId: 'mod-medium' }, { catalogId: 'mod-bacon' }],
    });
    expect(requests[2]).toEqual({ name: 'Candle', priceCents: 50, quantity: 1 });
    const core = coreSubtotal(
      PriceList.from({ index: menuIndex, unavailable: new Set() }).lineItems(requests),
    );
    expect(subtotalCents(lines)).toBe(core);
    expect(core).toBe(2 * (1799 + 100 + 100) + 3 * (899 + 150) + 50);
  });

  it('reads prices the way people type them, in cents without floating point', () => {
    expect(parsePriceCents('4.50')).toBe(450);
    expect(parsePriceCents('4,5')).toBe(450);
    expect(parsePriceCents('$12')).toBe(1200);
    expect(parsePriceCents('0.07')).toBe(7);
    expect(parsePriceCents('19.99')).toBe(1999);
    for (const bad of ['', 'abc', '1.999', '-3', '4.5.6']) expect(parsePriceCents(bad)).toBeNull();
  });
});

describe('tax', () => {
  it('is the rate on the subtotal in whole cents, rounded half up, with no float error', () => {
    expect(taxCents(10_000, 8.875)).toBe(888); // 887.5 rounds up
    expect(taxCents(1548, 8.875)).toBe(137); // 137.385
    expect(taxCents(1000, 7.25)).toBe(73); // 72.5 rounds up
    expect(taxCents(1, 49.999)).toBe(0);
    expect(taxCents(2, 25)).toBe(1); // 0.5 rounds up
    expect(taxCents(123_456, 0)).toBe(0);
    // 0.1 + 0.2 style float noise in the rate does not move a cent.
    expect(taxCents(100_000, 0.1 + 0.2)).toBe(taxCents(100_000, 0.3));
  });
});

describe('the order request and refused fields', () => {
  const T = new Date(2026, 10, 23, 12, 0).getTime();

  const paid = { ...EMPTY_FORM, payment: 'paid' as const };
  const missing = (form: typeof EMPTY_FORM, lines = [line({})]) =>
    missingFields(form, lines, TERMS, 'USD', 'en');

  it('names what a delivery is missing before sending anything', () => {
    expect(missing(EMPTY_FORM, [])).toEqual({
      items: 'Add at least one item',
      unpaid: 'Choose Paid or Not paid yet',
    });
    const delivery = { ...paid, fulfillmentType: 'delivery' as const };
    expect(Object.keys(missing(delivery)).sort()).toEqual([
      'customer.name',
      'customer.phone',
      'deliveryAddress.city',
      'deliveryAddress.postalCode',
      'deliveryAddress.street',
    ]);
    expect(missing({ ...paid, customerPhone: '555' })).toEqual({
      'customer.name': 'Add a name to go with the phone number',
    });
    expect(missing({ ...paid, when: 'later' })).toHaveProperty('requestedFor');
  });

  it('guards the delivery fee: an amount, not more than the store allows; the usual fee by default', () => {
    const delivery = { ...paid, fulfillmentType: 'delivery' as const };
    expect(deliveryFeeText(delivery, TERMS)).toBe('3.50');
    expect(deliveryFeeCents(delivery, TERMS)).toBe(350);
    expect(deliveryFeeCents({ ...delivery, deliveryFee: '' }, TERMS)).toBe(0);
    expect(deliveryFeeCents({ ...paid, deliveryFee: '9' }, TERMS)).toBe(0); // not delivered
    for (const typed of ['-1', 'abc', '3.505'])
      expect(missing({ ...delivery, deliveryFee: typed })).toHaveProperty(
        'deliveryFeeCents',
        'Type the fee as an amount, e.g. 3.50 (0 for free delivery)',
      );
    expect(missing({ ...delivery, deliveryFee: '20.01' })).toHaveProperty(
      'deliveryFeeCents',
      'A delivery fee can be at most $20.00',
    );
    expect(missing({ ...delivery, deliveryFee: '20' })).not.toHaveProperty('deliveryFeeCents');
  });

  it('builds a request the Local API schema accepts', () => {
    const form = {
      ...EMPTY_FORM,
      fulfillmentType: 'delivery' as const,
      source: 'walk_in' as const,
      payment: 'unpaid' as const,
      customerName: ' Ana ',
      customerPhone: '555-0100',
      street: '1 Main St',
      unit: ' Apt 2 ',
      city: 'Springfield',
      postalCode: '12345',
      when: 'later' as const,
      day: 'tomorrow' as const,
      time: '18:30',
      notes: 'Gate code 42',
      utensils: true,
    };
    const request = orderRequest(
      form,
      [line({ name: 'Cake', unitCents: 1200 })],
      T,
      'draft-1',
      TERMS,
    );
    expect(InStoreOrderRequest.safeParse(request).success).toBe(true);
    expect(request).toMatchObject({
      source: 'walk_in',
      clientKey: 'draft-1',
      customer: { name: 'Ana', phone: '555-0100' },
      deliveryAddress: {
        street: '1 Main St',
        unit: 'Apt 2',
        city: 'Springfield',
        postalCode: '12345',
      },
      requestedFor: new Date(2026, 10, 24, 18, 30).getTime(),
      includeUtensils: true,
      unpaid: true,
      deliveryFeeCents: 350,
    });
    const pickup = orderRequest(
      { ...paid, deliveryFee: '5' },
      [line({ name: 'Cake', unitCents: 1200 })],
      T,
      'draft-2',
      TERMS,
    );
    expect(pickup).not.toHaveProperty('deliveryAddress');
    expect(pickup).not.toHaveProperty('deliveryFeeCents');
    expect(pickup.unpaid).toBe(false);
    expect(pickup).not.toHaveProperty('customer');
    expect(InStoreOrderRequest.safeParse(pickup).success).toBe(true);
    expect(requestedFor({ ...EMPTY_FORM, when: 'later', time: '09:05' }, T)).toBe(
      new Date(2026, 10, 23, 9, 5).getTime(),
    );
  });

  it("reads a requested time on the store's clock once the store's zone is known", () => {
    const now = Date.UTC(2026, 11, 2, 23, 30); // 2 Dec 23:30 UTC = 3 Dec 08:30 in Tokyo
    setStoreTimeZone('Asia/Tokyo');
    try {
      expect(requestedFor({ ...EMPTY_FORM, when: 'later', time: '18:30' }, now)).toBe(
        Date.UTC(2026, 11, 3, 9, 30), // 3 Dec 18:30 Tokyo (UTC+9)
      );
      expect(
        requestedFor({ ...EMPTY_FORM, when: 'later', day: 'tomorrow', time: '08:00' }, now),
      ).toBe(Date.UTC(2026, 11, 3, 23, 0));
    } finally {
      setStoreTimeZone(undefined);
    }
  });

  it('puts a refusal next to the closest field the form has', () => {
    expect(formFieldOf('body.customer.phone')).toBe('customer.phone');
    expect(formFieldOf('body.customer')).toBe('customer');
    expect(formFieldOf('body.items.2.modifiers.0.catalogId')).toBe('items.2');
    expect(formFieldOf('body.items')).toBe('items');
    expect(formFieldOf('body.deliveryAddress.country')).toBe('deliveryAddress');
    expect(formFieldOf('body.requestedFor')).toBe('requestedFor');
    expect(formFieldOf('body')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
    expect(messageFor('body.requestedFor: is in the past')).toBe('Is in the past');
  });
});
