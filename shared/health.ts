// What is wrong, in `/api/health`: each problem named, with since when and what to do. `status`
// is `ok` only when there is none. The screen words each problem from its `code` (English and
// Spanish); `message` and `action` are the English for IT, logs and the API.
import { z } from 'zod';

export const HEALTH_AREAS = [
  'stream',
  'pos',
  'printer',
  'storage',
  'sound',
  'clock',
  'setup',
] as const;

export const HealthProblem = z.object({
  /** Stable name: `stream_undelivered`, `stream_never_reached`, `dead_letters` … */
  code: z.string(),
  area: z.enum(HEALTH_AREAS),
  message: z.string(),
  action: z.string(),
  /** Since when it has been so (epoch ms); null when not known. */
  since: z.number().int().nullable(),
  /** How many things it concerns (events waiting, orders not in the POS …), when counted. */
  count: z.number().int().nullable(),
});
export type HealthProblem = z.infer<typeof HealthProblem>;

/** Events to Stream still undelivered after this long make Health say so. */
export const UNDELIVERED_PROBLEM_AFTER_MS = 10_000;
/** Stream's clock and ours further apart than this: deadlines and times on screen are off. */
export const CLOCK_SKEW_PROBLEM_MS = 30_000;
