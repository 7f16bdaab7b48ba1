// The menu as the new-order form sees it, read from the connector's catalog (Stream's shape,
// stream-api.md A5): item families (with sizes when they have items), the modifier groups each
// opens, and modifiers that may open further groups. It is built from the catalog index the core
// prices an in-store order with (shared/catalog-index.ts), so the live totals match what the core
// will charge. Money is integer cents.
import {
  indexCatalog,
  type CatalogGroup,
  type CatalogModifier,
} from '../../../../shared/catalog-index.js';
import type { StreamCatalog } from '../../../../shared/pos.js';

export type MenuModifier = CatalogModifier;
export type MenuGroup = CatalogGroup;

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

export function buildMenu(catalog: StreamCatalog, locationId: string): Menu {
  const index = indexCatalog(catalog, locationId);
  const items = index.families.map((f): MenuItem => ({
    id: f.id,
    name: f.name,
    description: f.description,
    priceCents: f.priceCents,
    active: f.active,
    categories: f.categories,
    groupIds: f.groupIds,
    sizes: f.sizes.map((size) => ({
      catalogId: size.id,
      name: size.name,
      priceCents: size.priceCents,
      active: size.active,
    })),
  }));
  return {
    items,
    categories: [...index.categories],
    groups: index.groups,
    modifiers: index.modifiers,
    currency: index.currency,
  };
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
