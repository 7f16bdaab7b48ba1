// Finding the objects a manager can 86 in the stored catalog: item families, items and modifiers,
// by id or by a name search, in the catalog's index (built once per load: catalog/catalog.ts).
import type { CatalogObjectInfo } from '../../../shared/catalog-index.js';
import type { CatalogObjectType } from '../../../shared/store.js';
import type { CatalogStore } from '../catalog/catalog.js';

export type { CatalogObjectInfo };

export class CatalogLookup {
  constructor(private readonly catalog: CatalogStore) {}
  loaded(): boolean {
    return this.catalog.current() !== null;
  }

  find(providerId: string): CatalogObjectInfo | undefined {
    return this.index().get(providerId);
  }

  /** Case-insensitive match on name or id; families first, then items, then modifiers, each by name
   * (then by family, so two items called "Large" come in a stable order). */
  search(q: string, type: CatalogObjectType | undefined, limit: number): CatalogObjectInfo[] {
    const needle = q.trim().toLowerCase();
    const order: Record<CatalogObjectType, number> = { item_family: 0, item: 1, modifier: 2 };
    return [...this.index().values()]
      .filter(
        (o) =>
          (!type || o.type === type) &&
          (!needle ||
            o.name.toLowerCase().includes(needle) ||
            o.providerId.toLowerCase().includes(needle)),
      )
      .sort(
        (a, b) =>
          order[a.type] - order[b.type] ||
          a.name.localeCompare(b.name) ||
          a.parents.join().localeCompare(b.parents.join()) ||
          a.providerId.localeCompare(b.providerId),
      )
      .slice(0, limit);
  }

  private index(): ReadonlyMap<string, CatalogObjectInfo> {
    return this.catalog.current()?.index.objects ?? new Map();
  }
}
