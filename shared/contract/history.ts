// Order history: search, daily totals and the CSV export.
import { z } from 'zod';
import { DayTotals, HistoryPage, HistoryQuery, TotalsQuery } from '../history.js';
import { FileDownload } from '../manager.js';
import { call } from './call.js';

export const historyCalls = {
  /** Every order kept, newest first, by words (number, customer, item), day, source and status. */
  searchHistory: call({
    method: 'GET',
    path: '/api/history',
    query: HistoryQuery,
    response: HistoryPage,
  }),
  /** Orders, sales, cancels and refusals per store-local day and source. */
  historyTotals: call({
    method: 'GET',
    path: '/api/history/totals',
    query: TotalsQuery,
    response: z.object({ days: z.array(DayTotals) }),
  }),
  /** The search as a CSV file. */
  exportHistory: call({
    method: 'GET',
    path: '/api/history/export',
    query: HistoryQuery.omit({ before: true, limit: true }),
    response: FileDownload,
    downloads: true,
  }),
} as const;
