// How one merged request (`{ id, prepTimeMinutes }`) splits into a call's path params, query and
// body. The renderer's HTTP client uses it to build the URL; the IPC dispatch uses it to validate
// each part with its own schema, exactly as Fastify sees them over HTTP.
import { z } from 'zod';
import type { CallSpec } from './call.js';

export interface RequestParts {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
}

function keysOf(schema: z.ZodType | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Fields named by `params` go in the path, those named by `query` in the query string, every
 * other one in the body. `undefined` values are dropped (JSON and URLs cannot carry them). */
export function splitRequest(spec: CallSpec, request: Record<string, unknown>): RequestParts {
  const paramKeys = keysOf(spec.params);
  const queryKeys = keysOf(spec.query);
  const parts: RequestParts = { params: {}, query: {}, body: {} };
  for (const [key, value] of Object.entries(request)) {
    if (value === undefined) continue;
    if (paramKeys.includes(key)) parts.params[key] = value;
    else if (queryKeys.includes(key)) parts.query[key] = value;
    else parts.body[key] = value;
  }
  return parts;
}

/** The call's path with its `:params` filled in, percent-encoded. */
export function fillPath(spec: CallSpec, params: Record<string, unknown>): string {
  return spec.path.replace(/:(\w+)/g, (_m, key: string) => encodeURIComponent(String(params[key])));
}
