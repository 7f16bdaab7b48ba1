// One reading of the catalog (Stream's shape, stream-api.md A5) for one location, built once per
// catalog load: the ids an order uses (a family sold as it is, or `family|item` for a size, A1),
// each object's name, its price and whether it is on at this location (A5 `location_overrides`),
// the families and groups holding each object, the menu's categories and modifier groups. Order
// checks, the totals check, in-store pricing, the 86 lookup (electron/core) and the new-order
// form's menu (renderer) all read this, so none of them reads the catalog its own way.
// Money is integer cents.
import type { StreamCatalog } from './pos.js';
import type { CatalogObjectType } from './store.js';

/** Something sold: its name, and its price and availability at this location. */
export interface Sellable {
  /** The id an order uses: a family's or modifier's provider_id, or `family|item` for a size. */
  id: string;
  name: string;
  priceCents: number;
  /** On in the catalog at this location (86 is apart: store/availability.ts). */
  active: boolean;
}

export interface CatalogSize extends Sellable {
  familyId: string;
  itemId: string;
}

export interface CatalogFamily extends Sellable {
  description: string;
  categories: string[];
  groupIds: string[];
  /** The item ids the family lists, as listed (an order names a size by one of them). */
  itemIds: string[];
  /** Its sizes whose item is in the catalog; off when the family is off. Empty: sold as it is. */
  sizes: CatalogSize[];
}

export interface CatalogModifier extends Sellable {
  /** Groups this modifier opens when chosen ("Half & Half" → "Left Half", "Right Half"). */
  groupIds: string[];
}

export interface CatalogGroup {
  id: string;
  name: string;
  modifierIds: string[];
  /** At least this many different modifiers must be chosen. */
  min: number;
  /** At most this many; Infinity when the catalog sets no limit. */
  max: number;
  single: boolean;
}

/** A family, item or modifier as a manager finds it to 86, by its own provider_id. */
export interface CatalogObjectInfo {
  providerId: string;
  type: CatalogObjectType;
  name: string;
  /** Families holding an item, or groups holding a modifier, by name. */
  parents: string[];
}

export interface CatalogIndex {
  locationId: string;
  /** Every `line_items[].provider_id` the catalog names: a family without items, or
   * `family|item` for each item id it lists (a listed item that is missing is an import warning,
   * not an unknown id). */
  lineItemIds: ReadonlySet<string>;
  /** What a line item costs, by the id an order uses, for the items that exist; a size is named
   * "Family (Size)" as a ticket shows it. */
  lineItems: ReadonlyMap<string, Sellable>;
  /** Families in catalog order, with their sizes. */
  families: readonly CatalogFamily[];
  familyById: ReadonlyMap<string, CatalogFamily>;
  modifiers: ReadonlyMap<string, CatalogModifier>;
  groups: ReadonlyMap<string, CatalogGroup>;
  categories: readonly { id: string; name: string }[];
  /** Families, items and modifiers by provider_id (the ids 86 uses). */
  objects: ReadonlyMap<string, CatalogObjectInfo>;
  /** Catalog objects of every kind, menus included. */
  objectCount: number;
  /** The currency the catalog prices items in (upper case); null when it names none. */
  currency: string | null;
}

/** On now: on in the catalog at this location, and neither it nor, for a size, its family 86'd
 * (`unavailable`: the 86 list's provider_ids). */
export function isAvailable(s: Sellable, unavailable: ReadonlySet<string>): boolean {
  return s.active && !s.id.split('|').some((id) => unavailable.has(id));
}

interface Priced {
  provider_id: string;
  name: string;
  is_active?: boolean | undefined;
  price_amount?: number | null | undefined;
  location_overrides?: { provider_location_id: string; override: Record<string, unknown> }[];
}

/** A text field as written, or `fallback` when it is missing or blank. */
const text = (v: unknown, fallback = ''): string =>
  typeof v === 'string' && v.trim() ? v : fallback;
const nameOf = (o: { name?: unknown; provider_id: string }, fallback = o.provider_id): string =>
  text(o.name, fallback);

/** Price and availability at this location, overrides applied (A5 `location_overrides`). */
function sellable(o: Priced, locationId: string, id: string, name: string): Sellable {
  let price = typeof o.price_amount === 'number' ? o.price_amount : 0;
  let active = o.is_active !== false;
  for (const entry of o.location_overrides ?? []) {
    const { override } = entry;
    if (entry.provider_location_id !== locationId || !override) continue;
    if (typeof override.price_amount === 'number') price = override.price_amount;
    if (typeof override.is_active === 'boolean') active = override.is_active;
  }
  return { id, name, priceCents: Math.round(price), active };
}

export function indexCatalog(catalog: StreamCatalog, locationId: string): CatalogIndex {
  const itemsById = new Map(catalog.item.map((i) => [i.provider_id, i]));
  const categoriesOf = new Map<string, string[]>();
  const categories = catalog.category.map((c) => {
    for (const familyId of c.item_family_ids ?? [])
      categoriesOf.set(familyId, [...(categoriesOf.get(familyId) ?? []), c.provider_id]);
    return { id: c.provider_id, name: nameOf(c) };
  });

  const lineItemIds = new Set<string>();
  const lineItems = new Map<string, Sellable>();
  const families: CatalogFamily[] = [];
  for (const f of catalog.item_family) {
    const own = sellable(f, locationId, f.provider_id, nameOf(f));
    const itemIds = f.item_ids ?? [];
    const sizes: CatalogSize[] = [];
    for (const itemId of itemIds) {
      const id = `${f.provider_id}|${itemId}`;
      lineItemIds.add(id);
      const item = itemsById.get(itemId);
      if (!item) continue;
      const size = sellable(item, locationId, id, nameOf(item, itemId));
      sizes.push({ ...size, active: size.active && own.active, familyId: f.provider_id, itemId });
      lineItems.set(id, {
        ...size,
        name: `${own.name} (${size.name})`,
        active: size.active && own.active,
      });
    }
    if (!itemIds.length) {
      lineItemIds.add(f.provider_id);
      lineItems.set(f.provider_id, own);
    }
    families.push({
      ...own,
      description: text(f.description),
      categories: categoriesOf.get(f.provider_id) ?? [],
      groupIds: f.modifier_group_ids ?? [],
      itemIds,
      sizes,
    });
  }

  const groups = new Map<string, CatalogGroup>();
  for (const g of catalog.modifier_group) {
    const single = g.selection_type === 'single';
    const maxUnique = typeof g.max_unique === 'number' && g.max_unique > 0 ? g.max_unique : null;
    groups.set(g.provider_id, {
      id: g.provider_id,
      name: nameOf(g),
      modifierIds: g.modifier_ids ?? [],
      min: typeof g.min_unique === 'number' ? Math.max(0, g.min_unique) : 0,
      // Assumption: a max_unique of 0 or none means "no limit"; `single` means one at most.
      max: single ? 1 : (maxUnique ?? Infinity),
      single,
    });
  }

  const modifiers = new Map<string, CatalogModifier>();
  for (const m of catalog.modifier)
    modifiers.set(m.provider_id, {
      ...sellable(m, locationId, m.provider_id, nameOf(m)),
      groupIds: m.modifier_group_ids ?? [],
    });

  const currency = [...catalog.item_family, ...catalog.item]
    .map((o) => text(o.price_currency).toUpperCase())
    .find(Boolean);
  return {
    locationId,
    lineItemIds,
    lineItems,
    families,
    familyById: new Map(families.map((f) => [f.id, f])),
    modifiers,
    groups,
    categories,
    objects: objectsOf(catalog),
    objectCount:
      catalog.category.length +
      catalog.item_family.length +
      catalog.item.length +
      catalog.modifier_group.length +
      catalog.modifier.length +
      catalog.menu.length,
    currency: currency ?? null,
  };
}

/** Families, items and modifiers by provider_id, each with the names of what holds it. */
function objectsOf(catalog: StreamCatalog): Map<string, CatalogObjectInfo> {
  const parentsOf = new Map<string, string[]>();
  const note = (childIds: readonly string[] | undefined, parentName: string): void => {
    for (const id of childIds ?? []) parentsOf.set(id, [...(parentsOf.get(id) ?? []), parentName]);
  };
  for (const f of catalog.item_family) note(f.item_ids, nameOf(f));
  for (const g of catalog.modifier_group) note(g.modifier_ids, nameOf(g));
  const byId = new Map<string, CatalogObjectInfo>();
  const add = (list: readonly { provider_id: string; name: string }[], type: CatalogObjectType) => {
    for (const o of list)
      if (!byId.has(o.provider_id))
        byId.set(o.provider_id, {
          providerId: o.provider_id,
          type,
          name: nameOf(o),
          parents: parentsOf.get(o.provider_id) ?? [],
        });
  };
  add(catalog.item_family, 'item_family');
  add(catalog.item, 'item');
  add(catalog.modifier, 'modifier');
  return byId;
}
