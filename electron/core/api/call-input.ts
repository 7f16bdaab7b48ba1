// How a Local API call's input is checked and who it is attributed to, shared by the two
// transports (HTTP routes in http/local-server.ts, IPC in electron/main/ipc.ts).
import type { z } from 'zod';
import { zodProblem } from '../../../shared/contract.js';

/** One part of a request (params, query or body) through the contract's schema; a problem is a
 * 400 naming `where.field`. */
export function parseCallPart(
  schema: z.ZodType | undefined,
  value: unknown,
  where: string,
): Record<string, unknown> {
  if (!schema) return {};
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
