// History's rules without a browser: which rows the windowed list puts in the page, scrolling a
// row into view, store-local days and ranges, the filters as a query, and the client turning a
// CSV answer (the file itself over HTTP) into the same `FileDownload` the desktop bridge gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalApiClient } from '../../renderer/src/api/client.js';
import { ServerClock } from '../../renderer/src/api/server-clock.js';
import {
  addDays,
  localDay,
  presetRange,
  totalsRange,
} from '../../renderer/src/features/history/local-day.js';
import { historyQuery, isOrderNumber } from '../../renderer/src/features/history/use-history.js';
import { scrollToShow, visibleRows } from '../../renderer/src/features/history/VirtualList.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { local } from '../support/stream-client.js';

describe('windowed list', () => {
  it('puts only the rows on screen in the page, with a few either side', () => {
    // 100,000 rows of 56 px, a 560 px viewport scrolled to row 50,000.
    const w = visibleRows(50_000 * 56, 560, 56, 100_000, 5);
    expect(w).toEqual({ first: 49_995, last: 50_014 });
    expect(w.last - w.first + 1).toBe(20);
    expect(visibleRows(0, 560, 56, 100_000, 5)).toEqual({ first: 0, last: 14 });
    expect(visibleRows(0, 560, 56, 3, 5)).toEqual({ first: 0, last: 2 });
    expect(visibleRows(0, 560, 56, 0, 5)).toEqual({ first: 0, last: -1 });
    // Scrolled past the end (the list just got shorter): the last rows, never beyond.
    expect(visibleRows(99_999 * 56, 560, 56, 10, 2)).toEqual({ first: 99_997, last: 9 });
  });

  it('scrolls as little as possible to show a row whole', () => {
    expect(scrollToShow(10, 0, 560, 56)).toBe(11 * 56 - 560);
    expect(scrollToShow(3, 560, 560, 56)).toBe(3 * 56);
    expect(scrollToShow(12, 560, 560, 56)).toBe(560);
  });
});

describe('store-local days', () => {
  it('gives today in the store’s zone, not the browser’s', () => {
    const at = Date.UTC(2026, 10, 24, 3, 30); // 03:30 UTC = the evening before in New York
    expect(localDay(at, 'America/New_York')).toBe('2026-11-23');
    expect(localDay(at, 'Europe/Madrid')).toBe('2026-11-24');
    expect(localDay(at, 'Not/AZone')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('moves across months and years, and turns presets into ranges', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(presetRange('week', '2026-11-23')).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(presetRange('yesterday', '2026-11-01')).toEqual({
      from: '2026-10-31',
      to: '2026-10-31',
    });
    expect(presetRange('all', '2026-11-23')).toEqual({ from: '', to: '' });
  });

  it('bounds the totals to what the Local API takes: a year at most', () => {
    expect(totalsRange({ from: '', to: '' }, '2026-11-23')).toEqual({
      from: '2025-11-23',
      to: '2026-11-23',
    });
    expect(totalsRange({ from: '2026-11-01', to: '' }, '2026-11-23')).toEqual({
      from: '2026-11-01',
      to: '2026-11-23',
    });
    expect(totalsRange({ from: '2020-01-01', to: '2026-01-10' }, '2026-11-23')).toEqual({
      from: '2025-01-10',
      to: '2026-01-10',
    });
  });

  it('sends only the filters that are set', () => {
    expect(historyQuery({ q: '  ', from: '', to: '', source: '', statuses: [] })).toEqual({});
    expect(
      historyQuery({
        q: ' H-1 ',
        from: '2026-11-01',
        to: '2026-11-02',
        source: 'uber',
        statuses: ['rejected', 'expired'],
      }),
    ).toEqual({
      q: 'H-1',
      from: '2026-11-01',
      to: '2026-11-02',
      source: 'uber',
      status: 'rejected,expired',
    });
  });

  it('looks an order number up on every date, and other words on the picked days', () => {
    for (const q of ['H-0042', '#5120', 'U 5120', '5120', 'gh-88123'])
      expect(isOrderNumber(q), q).toBe(true);
    for (const q of ['Jane Doe', 'fries', 'H-1', 'Cheeseburger 2'])
      expect(isOrderNumber(q), q).toBe(false);
    const days = { from: '2026-11-01', to: '2026-11-02', source: '', statuses: [] };
    expect(historyQuery({ q: 'H-0042', ...days })).toEqual({ q: 'H-0042' });
    expect(historyQuery({ q: 'Jane', ...days })).toEqual({
      q: 'Jane',
      from: '2026-11-01',
      to: '2026-11-02',
    });
  });
});

describe('CSV export through the renderer client', () => {
  let t: TestConnector;
  beforeAll(async () => {
    t = await startTestConnector();
    const res = await local(t.localUrl, 'POST', '/api/in-store-orders', {
      fulfillmentType: 'pickup',
      source: 'phone',
      clientKey: 'ana-1',
      customer: { name: 'Ana "the chef", Ruiz' },
      items: [{ name: 'Soup', priceCents: 450, quantity: 2 }],
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => t.dispose());

  it('answers the file over HTTP as a FileDownload with its name, type and content', async () => {
    const api = createLocalApiClient({
      transport: { kind: 'http', baseUrl: t.localUrl, token: TEST_LOCAL_TOKEN },
      clock: new ServerClock(),
      language: () => 'en',
    });
    const { file } = await api.exportHistory({ source: 'phone' });
    expect(file.name).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    // Named after the store-local days it holds.
    expect((await api.exportHistory({ from: '2026-11-01', to: '2026-11-02' })).file.name).toBe(
      'orders-2026-11-01_2026-11-02.csv',
    );
    expect((await api.exportHistory({ from: '2026-11-01', to: '2026-11-01' })).file.name).toBe(
      'orders-2026-11-01.csv',
    );
    expect(file.contentType).toMatch(/^text\/csv/);
    const lines = file.content.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Ana ""the chef"", Ruiz"');
    expect(
      (await api.exportHistory({ source: 'uber' })).file.content.trim().split(/\r?\n/),
    ).toHaveLength(1);
    // A call that answers JSON or a file (the audit log) gets each in its own shape.
    expect(await api.getAudit({ format: 'csv' })).toMatchObject({
      file: { name: expect.stringMatching(/^audit-.*\.csv$/) as unknown },
    });
    expect(await api.getAudit({ format: 'json' })).toHaveProperty('entries');
  });
});
