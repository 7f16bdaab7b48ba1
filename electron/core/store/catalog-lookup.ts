// Finding the objects a manager can 86 in the stored catalog: item families, items and modifiers,
// by id or by a name search. Rebuilt only when a new catalog is loaded.
import type { CatalogObjectType } from '../../../shared/store.js';
import type { Catalog, CatalogStore } from '../catalog/catalog.js';

export interface CatalogObjectInfo {
  providerId: string;
  type: CatalogObjectType;
  name: string;
  /** Families holding an item, or groups holding a modifier, by name. */
  parents: string[];
}

interface Raw {
  provider_id?: unknown;
  name?: unknown;
  item_ids?: unknown;
  modifier_ids?: unknown;
}

export class CatalogLookup {
  private built: { source: Catalog; byId: Map<string, CatalogObjectInfo> } | null = null;

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

  private index(): Map<string, CatalogObjectInfo> {
    const current = this.catalog.current();
    if (!current) return new Map();
    if (this.built?.source !== current.stored)
      this.built = { source: current.stored, byId: build(current.stored) };
    return this.built.byId;
  }
}

function build(catalog: Catalog): Map<string, CatalogObjectInfo> {
  const byId = new Map<string, CatalogObjectInfo>();
  const parentsOf = new Map<string, string[]>();
  const note = (childIds: unknown, parentName: string): void => {
    if (!Array.isArray(childIds)) return;
    for (const id of childIds)
      if (typeof id === 'string') parentsOf.set(id, [...(parentsOf.get(id) ?? []), parentName]);
  };
  for (const f of catalog.item_family as Raw[]) note(f.item_ids, nameOf(f));
  for (const g of catalog.modifier_group as Raw[]) note(g.modifier_ids, nameOf(g));
  const add = (list: unknown[], type: CatalogObjectType): void => {
    for (const o of list as Raw[]) {
      if (typeof o?.provider_id !== 'string' || byId.has(o.provider_id)) continue;
      byId.set(o.provider_id, {
        providerId: o.provider_id,
        type,
        name: nameOf(o),
        parents: parentsOf.get(o.provider_id) ?? [],
      });
    }
  };
  add(catalog.item_family, 'item_family');
  add(catalog.item, 'item');
  add(catalog.modifier, 'modifier');
  return byId;
}

function nameOf(o: Raw): string {
  if (typeof o?.name === 'string') return o.name;
  return typeof o?.provider_id === 'string' ? o.provider_id : '';
}
