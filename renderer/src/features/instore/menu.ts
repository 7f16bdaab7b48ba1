// The menu as the new-order form sees it, read from the connector's catalog (Stream's shape,
// stream-api.md A5): item families (with sizes when they have items), the modifier groups each
// opens, and modifiers that may open further groups. Prices take this location's overrides, the
// way the core prices an in-store order (electron/core/instore/pricing.ts), so the live totals
// match what the core will charge. Money is integer cents.

export interface MenuModifier {
  id: string;
  name: string;
  priceCents: number;
  active: boolean;
  /** Groups this modifier opens when chosen ("Half & Half" → "Left Half", "Right Half"). */
  groupIds: string[];
}

export interface MenuGroup {
  id: string;
  name: string;
  modifierIds: string[];
  /** At least this many different modifiers must be chosen. */
  min: number;
  /** At most this many; Infinity when the catalog sets no limit. */
  max: number;
  single: boolean;
}

export interface MenuSize {
  /** The id an order uses: `family|item` (stream-api.md A1). */
  catalogId: string;
  name: string;
  priceCents: number;
  active: boolean;
}

export interface MenuItem {
  /** The family's id: an order uses it as is when there are no sizes. */
  id: string;
  name: string;
  description: string;
  priceCents: number;
  active: boolean;
  categories: string[];
  groupIds: string[];
  /** Sizes to choose one of; empty when the family is sold as it is. */
  sizes: MenuSize[];
}

export interface Menu {
  items: MenuItem[];
  categories: { id: string; name: string }[];
  groups: ReadonlyMap<string, MenuGroup>;
  modifiers: ReadonlyMap<string, MenuModifier>;
  /** The currency the catalog prices items in (upper case); null when it names none. */
  currency: string | null;
}

type Loose = Record<string, unknown>;

const text = (v: unknown, fallback = ''): string =>
  typeof v === 'string' && v.trim() ? v : fallback;
const ids = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const records = (v: unknown): Loose[] =>
  Array.isArray(v)
    ? v.filter((x): x is Loose => typeof x === 'object' && x !== null && !Array.isArray(x))
    : [];

/** Price and availability at this location, overrides applied (A5 `location_overrides`). */
function priced(o: Loose, locationId: string): { priceCents: number; active: boolean } {
  let price = typeof o.price_amount === 'number' ? o.price_amount : 0;
  let active = o.is_active !== false;
  for (const entry of records(o.location_overrides)) {
    const override = entry.override as Loose | undefined;
    if (entry.provider_location_id !== locationId || !override) continue;
    if (typeof override.price_amount === 'number') price = override.price_amount;
    if (typeof override.is_active === 'boolean') active = override.is_active;
  }
  return { priceCents: Math.round(price), active };
}

export function buildMenu(catalog: Record<string, unknown[]>, locationId: string): Menu {
  const itemsById = new Map(records(catalog.item).map((i) => [text(i.provider_id), i]));
  const categoriesOf = new Map<string, string[]>();
  const categories = records(catalog.category)
    .filter((c) => text(c.provider_id))
    .map((c) => {
      const id = text(c.provider_id);
      for (const familyId of ids(c.item_family_ids))
        categoriesOf.set(familyId, [...(categoriesOf.get(familyId) ?? []), id]);
      return { id, name: text(c.name, id) };
    });

  const items: MenuItem[] = [];
  for (const f of records(catalog.item_family)) {
    const id = text(f.provider_id);
    if (!id) continue;
    const family = priced(f, locationId);
    const sizes: MenuSize[] = [];
    for (const itemId of ids(f.item_ids)) {
      const item = itemsById.get(itemId);
      if (!item) continue;
      const size = priced(item, locationId);
      sizes.push({
        catalogId: `${id}|${itemId}`,
        name: text(item.name, itemId),
        priceCents: size.priceCents,
        active: size.active && family.active,
      });
    }
    items.push({
      id,
      name: text(f.name, id),
      description: text(f.description),
      priceCents: family.priceCents,
      active: family.active,
      categories: categoriesOf.get(id) ?? [],
      groupIds: ids(f.modifier_group_ids),
      sizes,
    });
  }

  const groups = new Map<string, MenuGroup>();
  for (const g of records(catalog.modifier_group)) {
    const id = text(g.provider_id);
    if (!id) continue;
    const single = g.selection_type === 'single';
    const maxUnique = typeof g.max_unique === 'number' && g.max_unique > 0 ? g.max_unique : null;
    groups.set(id, {
      id,
      name: text(g.name, id),
      modifierIds: ids(g.modifier_ids),
      min: typeof g.min_unique === 'number' ? Math.max(0, g.min_unique) : 0,
      // Assumption: a max_unique of 0 or none means "no limit"; `single` means one at most.
      max: single ? 1 : (maxUnique ?? Infinity),
      single,
    });
  }

  const modifiers = new Map<string, MenuModifier>();
  for (const m of records(catalog.modifier)) {
    const id = text(m.provider_id);
    if (!id) continue;
    modifiers.set(id, {
      id,
      name: text(m.name, id),
      ...priced(m, locationId),
      groupIds: ids(m.modifier_group_ids),
    });
  }
  const currency = records(catalog.item_family)
    .concat(records(catalog.item))
    .map((o) => text(o.price_currency).toUpperCase())
    .find(Boolean);
  return { items, categories, groups, modifiers, currency: currency ?? null };
}

/** Menu items whose name, a size or a category matches every word typed; sold-out ones last. */
export function searchMenu(
  menu: Menu,
  query: string,
  categoryId: string | null,
  soldOut: ReadonlySet<string>,
): MenuItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const categoryName = new Map(menu.categories.map((c) => [c.id, c.name]));
  const hits = menu.items.filter((item) => {
    if (categoryId && !item.categories.includes(categoryId)) return false;
    const haystack = [
      item.name,
      ...item.sizes.map((s) => s.name),
      ...item.categories.map((c) => categoryName.get(c) ?? ''),
    ]
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const available = (i: MenuItem) => isItemAvailable(i, soldOut);
  return [...hits.filter(available), ...hits.filter((i) => !available(i))];
}

/** Not switched off in the catalog and not 86'd (the family itself, or every size of it). */
export function isItemAvailable(item: MenuItem, soldOut: ReadonlySet<string>): boolean {
  if (!item.active || soldOut.has(item.id)) return false;
  return item.sizes.length === 0 || item.sizes.some((s) => isSizeAvailable(s, soldOut));
}

export function isSizeAvailable(size: MenuSize, soldOut: ReadonlySet<string>): boolean {
  const [familyId = '', itemId = ''] = size.catalogId.split('|');
  return size.active && !soldOut.has(familyId) && !soldOut.has(itemId);
}

export function isModifierAvailable(m: MenuModifier, soldOut: ReadonlySet<string>): boolean {
  return m.active && !soldOut.has(m.id);
}

/** Whether tapping the item can add it at once, or needs choices first (a size, a group). */
export function needsChoices(item: MenuItem): boolean {
  return item.sizes.length > 0 || item.groupIds.length > 0;
}
