// The store's catalog in Stream's shape (stream-api.md A5): stored whole, served to Stream, and
// indexed in memory so order validation can tell a known item id from an unknown one.
import type { z } from 'zod';
import type { CatalogBody } from '../../../shared/contract.js';
import type { Db } from '../db/connection.js';

export type Catalog = z.output<typeof CatalogBody>;

interface CatalogObject {
  provider_id?: unknown;
  item_ids?: unknown;
}

export interface CatalogIndex {
  /** Valid `line_items[].provider_id` values: a family id, or `family|item` (A1). */
  lineItemIds: Set<string>;
  modifierIds: Set<string>;
  objects: number;
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const lineItemIds = new Set<string>();
  for (const family of catalog.item_family as CatalogObject[]) {
    if (typeof family.provider_id !== 'string') continue;
    const itemIds = Array.isArray(family.item_ids)
      ? family.item_ids.filter((i): i is string => typeof i === 'string')
      : [];
    if (itemIds.length === 0) lineItemIds.add(family.provider_id);
    for (const item of itemIds) lineItemIds.add(`${family.provider_id}|${item}`);
  }
  const modifierIds = new Set<string>();
  for (const m of catalog.modifier as CatalogObject[])
    if (typeof m.provider_id === 'string') modifierIds.add(m.provider_id);
  const objects =
    catalog.category.length +
    catalog.item_family.length +
    catalog.item.length +
    catalog.modifier_group.length +
    catalog.modifier.length +
    catalog.menu.length;
  return { lineItemIds, modifierIds, objects };
}

export class CatalogStore {
  private cached: { catalog: Catalog; index: CatalogIndex; loadedAt: number } | null = null;

  constructor(private readonly db: Db) {
    const row = db.prepare(`SELECT body, loaded_at FROM catalog WHERE id = 1`).get() as
      { body: string; loaded_at: number } | undefined;
    if (row) {
      const catalog = JSON.parse(row.body) as Catalog;
      this.cached = { catalog, index: indexCatalog(catalog), loadedAt: row.loaded_at };
    }
  }

  replace(catalog: Catalog, source: string, now: number): CatalogIndex {
    const index = indexCatalog(catalog);
    this.db
      .prepare(
        `INSERT INTO catalog (id, body, source, loaded_at) VALUES (1, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET body = excluded.body, source = excluded.source, loaded_at = excluded.loaded_at`,
      )
      .run(JSON.stringify(catalog), source, now);
    this.cached = { catalog, index, loadedAt: now };
    return index;
  }

  current(): { catalog: Catalog; index: CatalogIndex; loadedAt: number } | null {
    return this.cached;
  }
}
