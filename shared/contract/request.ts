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

/**
 * What a call without a body accepts as its body: nothing. Both edges (the HTTP routes and the
 * IPC dispatch) check a bodiless call's body against it, so a field the call does not know is
 * refused the same way over either (400 `body`: unknown field), never ignored on one and refused
 * on the other. The UI sends no body to such calls, so only a caller's mistake meets it.
 */
export const NO_BODY = z.object({}).strict();

/** The schema a call's body is checked against (`NO_BODY` when it has none). */
export function bodySchema(spec: CallSpec): z.ZodType {
  return spec.body ?? NO_BODY;
}

/** The call's path with its `:params` filled in, percent-encoded. */
export function fillPath(spec: CallSpec, params: Record<string, unknown>): string {
  return spec.path.replace(/:(\w+)/g, (_m, key: string) => encodeURIComponent(String(params[key])));
}
