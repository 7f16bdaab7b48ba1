// Order history: search, daily totals per source, CSV export (Local API `searchHistory`,
// `historyTotals`, `exportHistory`).
import { z } from 'zod';
import { OrderStatus } from './domain.js';
import { OrderSummary } from './order.js';

const LocalDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be YYYY-MM-DD');

export const HistoryQuery = z.object({
  /** Words that must all appear in the order number, customer, order id or an item name. */
  q: z.string().max(200).optional(),
  /** First and last store-local day, inclusive. */
  from: LocalDay.optional(),
  to: LocalDay.optional(),
  source: z.string().max(100).optional(),
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(OrderStatus))
    .optional(),
  /** The `nextCursor` of the previous page. */
  before: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_]+$/, 'must be a cursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const HistoryPage = z.object({
  orders: z.array(OrderSummary),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const TotalsQuery = z.object({ from: LocalDay, to: LocalDay });

export const DayTotals = z.object({
  date: z.string(),
  source: z.string(),
  /** Orders taken (accepted and onwards, canceled excluded). */
  orders: z.number().int(),
  salesCents: z.number().int(),
  canceled: z.number().int(),
  /** Refused or not answered in time. */
  rejected: z.number().int(),
});
export type DayTotals = z.infer<typeof DayTotals>;
