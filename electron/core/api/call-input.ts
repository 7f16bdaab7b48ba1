// How a Local API call's input is checked and who it is attributed to, shared by the two
// transports (HTTP routes in http/local-server.ts, IPC in electron/main/ipc.ts).
import type { z } from 'zod';
import { ApiError, zodProblem } from '../../../shared/contract.js';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Control characters (NUL, line breaks, escape …) are never part of a meaningful query value:
 * a 400 naming the first parameter that has one (in its name or value), else null. Both
 * transports check it, so a search never hands a NUL to SQLite, a CSV or a log line. */
export function controlCharacterProblem(query: unknown): ApiError | null {
  if (!query || typeof query !== 'object') return null;
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    if (!CONTROL.test(name) && !values.some((v) => typeof v === 'string' && CONTROL.test(v)))
      continue;
    const shown = JSON.stringify(name.replace(new RegExp(CONTROL, 'g'), '?')).slice(0, 60);
    return new ApiError(
      400,
      'invalid_query',
      `query parameter ${shown}: control characters (such as NUL or a line break) are not allowed`,
      `query.${name}`,
    );
  }
  return null;
}

/** One part of a request (params, query or body) through the contract's schema; a problem is a
 * 400 naming `where.field`. */
export function parseCallPart(
  schema: z.ZodType | undefined,
  value: unknown,
  where: string,
): Record<string, unknown> {
  if (!schema) return {};
  if (where === 'query') {
    const problem = controlCharacterProblem(value);
    if (problem) throw problem;
  }
  const result = schema.safeParse(value);
  if (!result.success) throw zodProblem(result.error, where);
  return result.data as Record<string, unknown>;
}

/** Who is acting, for the timeline and the audit log: a short printable name the caller gives
 * (cashier, terminal, KDS), or plain "staff". */
export function actorName(raw: string | undefined): string {
  const name = (raw ?? '')
    .replace(/[^\p{L}\p{N} ._@-]/gu, '')
    .trim()
    .slice(0, 64);
  return name ? `staff:${name}` : 'staff';
}
