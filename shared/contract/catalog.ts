// The catalog Stream reads (stream-api.md A5): get, replace, import from the POS or a file.
import { z } from 'zod';
import { ImportCatalogRequest, ImportCatalogResult, StreamCatalog } from '../pos.js';
import { call } from './call.js';

/** The one schema of the catalog's wire shape, whichever way it comes in or goes out. */
export const CatalogBody = StreamCatalog;

export const catalogCalls = {
  getCatalog: call({ method: 'GET', path: '/api/catalog', response: CatalogBody }),
  putCatalog: call({
    method: 'PUT',
    path: '/api/catalog',
    body: CatalogBody,
    response: z.object({ objects: z.number().int(), loadedAt: z.number().int() }),
    // Replacing the catalog can take every item off Stream at once: as much as 86ing one.
    manager: true,
  }),
  /** Replace the catalog with the POS's (`source: pos`) or a JSON file's (`source: file`). */
  importCatalog: call({
    method: 'POST',
    path: '/api/catalog/import',
    body: ImportCatalogRequest,
    response: ImportCatalogResult,
    manager: true,
  }),
} as const;
