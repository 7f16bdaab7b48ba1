// The store's catalog in Stream's shape (stream-api.md A5): stored whole, served to Stream, and
// indexed once per load for this location (shared/catalog-index.ts): order checks, totals,
// in-store pricing, the 86 lookup and Get Catalog's callers all read that one index.
import { indexCatalog, type CatalogIndex } from '../../../shared/catalog-index.js';
import type { StreamCatalog } from '../../../shared/pos.js';
import type { Db } from '../db/connection.js';

/** Stream's catalog shape, as checked on the way in (catalog/import.ts `checkCatalog`). */
export type Catalog = StreamCatalog;
export type { CatalogIndex };

/** Ids the served catalog shows as `is_active: false` (86'd items: store/availability.ts). */
export interface AvailabilityOverlay {
  /** Changes whenever the set of unavailable ids may have changed. */
  version(): number;
  unavailableIds(): ReadonlySet<string>;
}

export interface CurrentCatalog {
  /** As served to Stream: the stored catalog with 86'd objects marked inactive. */
  catalog: Catalog;
  /** Exactly as loaded; never altered by 86. */
  stored: Catalog;
  /** Built once per load from `stored`, for this location. */
  index: CatalogIndex;
  /** The provider_ids 86'd now (shared/catalog-index.ts `isAvailable` reads both). */
  unavailable: ReadonlySet<string>;
  loadedAt: number;
}

export class CatalogStore {
  private cached: { catalog: Catalog; index: CatalogIndex; loadedAt: number } | null = null;
  private overlay: AvailabilityOverlay | null = null;
  private served: { from: Catalog; version: number; catalog: Catalog } | null = null;

  /** `locationId`: the location whose prices and availability the index reads. */
  constructor(
    private readonly db: Db,
    private readonly locationId: string,
  ) {
    const row = db.prepare(`SELECT body, loaded_at FROM catalog WHERE id = 1`).get() as
      { body: string; loaded_at: number } | undefined;
    if (row) {
      const catalog = JSON.parse(row.body) as Catalog;
      this.cached = { catalog, index: indexCatalog(catalog, locationId), loadedAt: row.loaded_at };
    }
  }

  replace(catalog: Catalog, source: string, now: number): CatalogIndex {
    const index = indexCatalog(catalog, this.locationId);
    this.db
      .prepare(
        `INSERT INTO catalog (id, body, source, loaded_at) VALUES (1, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET body = excluded.body, source = excluded.source, loaded_at = excluded.loaded_at`,
      )
      .run(JSON.stringify(catalog), source, now);
    this.cached = { catalog, index, loadedAt: now };
    return index;
  }

  current(): CurrentCatalog | null {
    if (!this.cached) return null;
    return {
      ...this.cached,
      stored: this.cached.catalog,
      catalog: this.servedCatalog(this.cached.catalog),
      unavailable: this.overlay?.unavailableIds() ?? new Set(),
    };
  }

  setAvailabilityOverlay(overlay: AvailabilityOverlay): void {
    this.overlay = overlay;
    this.served = null;
  }

  /** Derived on demand and kept until the catalog or the 86 list changes. */
  private servedCatalog(stored: Catalog): Catalog {
    if (!this.overlay) return stored;
    const version = this.overlay.version();
    if (this.served?.from === stored && this.served.version === version) return this.served.catalog;
    const catalog = withInactive(stored, this.overlay.unavailableIds());
    this.served = { from: stored, version, catalog };
    return catalog;
  }
}

/** A copy of `catalog` with `is_active: false` on the listed families, items and modifiers (and on
 * any location override that would switch them back on); the stored objects are not touched. */
function withInactive(catalog: Catalog, ids: ReadonlySet<string>): Catalog {
  if (!ids.size) return catalog;
  type Override = { provider_location_id: string; override: Record<string, unknown> };
  const mark = <T extends { provider_id: string; location_overrides?: Override[] }>(
    list: T[],
  ): T[] =>
    list.map((obj) => {
      if (!ids.has(obj.provider_id)) return obj;
      const out: T = { ...obj, is_active: false };
      if (obj.location_overrides)
        out.location_overrides = obj.location_overrides.map((lo) =>
          'is_active' in lo.override
            ? { ...lo, override: { ...lo.override, is_active: false } }
            : lo,
        );
      return out;
    });
  return {
    ...catalog,
    item_family: mark(catalog.item_family),
    item: mark(catalog.item),
    modifier: mark(catalog.modifier),
  };
}
