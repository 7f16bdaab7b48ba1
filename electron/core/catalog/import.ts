// Importing the catalog (stream-api.md A5) from the POS driver or from a JSON file (Local API,
// CLI): checked against Stream's shape, refused when two objects share a provider_id (A5: "never
// reuse a provider_id"), then stored whole. It is what Stream gets on `GET /stream/catalog` (86'd
// objects shown inactive) and what ingest validates orders and totals against.
import { readFileSync } from 'node:fs';
import { StreamCatalog, type ImportCatalogResult } from '../../../shared/pos.js';
import type { CatalogStore } from './catalog.js';
import type { EventBus } from '../events/bus.js';
import { zodProblem } from '../http/errors.js';
import { ApiError } from '../util/errors.js';

export interface CheckedCatalog {
  catalog: StreamCatalog;
  warnings: string[];
}

const LISTS = ['category', 'item_family', 'item', 'modifier_group', 'modifier'] as const;

/** Shape, unique ids, and references between objects (dangling ones are warnings). */
export function checkCatalog(json: unknown, fieldPrefix = 'catalog'): CheckedCatalog {
  const parsed = StreamCatalog.safeParse(json);
  if (!parsed.success) throw zodProblem(parsed.error, fieldPrefix);
  const catalog = parsed.data;
  const seen = new Map<string, string>();
  for (const list of LISTS) {
    catalog[list].forEach((o, i) => {
      const where = `${fieldPrefix}.${list}.${i}.provider_id`;
      const first = seen.get(o.provider_id);
      if (first)
        throw new ApiError(
          400,
          'invalid_request',
          `${where}: ${o.provider_id} is already used by ${first}`,
          where,
        );
      seen.set(o.provider_id, `${list}.${i}`);
    });
  }
  const ids = (list: (typeof LISTS)[number]) => new Set(catalog[list].map((o) => o.provider_id));
  const families = ids('item_family');
  const items = ids('item');
  const groups = ids('modifier_group');
  const modifiers = ids('modifier');
  const warnings: string[] = [];
  const dangling = (
    owner: string,
    kind: string,
    refs: readonly string[] | undefined,
    known: Set<string>,
  ) => {
    const missing = (refs ?? []).filter((r) => !known.has(r));
    if (missing.length)
      warnings.push(`${owner} names ${kind} that are not in the catalog: ${missing.join(', ')}`);
  };
  for (const c of catalog.category)
    dangling(`category ${c.provider_id}`, 'item families', c.item_family_ids, families);
  for (const f of catalog.item_family) {
    dangling(`item family ${f.provider_id}`, 'items', f.item_ids, items);
    dangling(`item family ${f.provider_id}`, 'modifier groups', f.modifier_group_ids, groups);
  }
  for (const g of catalog.modifier_group)
    dangling(`modifier group ${g.provider_id}`, 'modifiers', g.modifier_ids, modifiers);
  for (const m of catalog.modifier)
    dangling(`modifier ${m.provider_id}`, 'modifier groups', m.modifier_group_ids, groups);
  return { catalog, warnings };
}

export interface CatalogImportDeps {
  catalog: CatalogStore;
  bus: EventBus;
  now: () => number;
}

/** Store a checked catalog and tell every screen. */
export function storeCatalog(
  deps: CatalogImportDeps,
  checked: CheckedCatalog,
  source: string,
): ImportCatalogResult {
  const loadedAt = deps.now();
  const index = deps.catalog.replace(checked.catalog, source, loadedAt);
  deps.bus.publish('catalog.updated', { objects: index.objectCount, loadedAt });
  return { objects: index.objectCount, loadedAt, source, warnings: checked.warnings };
}

/** `catalog.file`, loaded at every start: a file that does not read or check stops the start,
 * naming the file. */
export function loadCatalogFile(catalog: CatalogStore, file: string, now: number): void {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`catalog.file ${file}: ${(err as Error).message}`);
  }
  let checked: CheckedCatalog;
  try {
    checked = checkCatalog(json);
  } catch (err) {
    throw new Error(`catalog.file ${file}: ${(err as Error).message}`);
  }
  catalog.replace(checked.catalog, `file:${file}`, now);
}
