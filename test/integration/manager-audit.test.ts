// The audit log over real HTTP: staff accepts and rejects, the timeout policy, manager actions with
// their reasons, PIN refusals, and the CSV export (content type, quoting, spreadsheet-formula
// guard, store-local time column, range filter).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/manager.js';
import { startTestConnector, type TestConnector } from '../support/connector.js';
import { api, setupPin, TEST_PIN } from '../support/manager-client.js';
import { orderCreated } from '../support/orders.js';
import { sendToStreamListener } from '../support/stream-client.js';

type Answer = { order: { provider_id: string } };
// 2026-11-23 12:00 UTC = 07:00 in the store's America/New_York.
const START = Date.UTC(2026, 10, 23, 12, 0, 0);

let t: TestConnector;
beforeEach(async () => {
  t = await startTestConnector();
  await setupPin(t);
});
afterEach(async () => {
  await t.dispose();
});

const newOrder = async (): Promise<string> =>
  (await sendToStreamListener<Answer>(t.streamUrl, orderCreated())).body.order.provider_id;
const entries = async (query = ''): Promise<AuditEntry[]> =>
  (await api<{ entries: AuditEntry[] }>(t.localUrl, 'GET', `/api/audit${query}`)).body.entries;

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('audit log', () => {
  it('records staff decisions, the timeout policy and manager actions with who, what, when and why', async () => {
    const accepted = await newOrder();
    const rejected = await newOrder();
    const expired = await newOrder();
    t.clock.advance(5_000);
    await api(t.localUrl, 'POST', `/api/orders/${accepted}/accept`, {
      body: { prepTimeMinutes: 20 },
      actor: 'Ana',
    });
    await api(t.localUrl, 'POST', `/api/orders/${rejected}/reject`, {
      body: { code: 'store_busy', reason: 'Too many orders' },
      actor: 'Ben',
    });
    await api(t.localUrl, 'POST', '/api/store/pause', {
      body: { minutes: 20, reason: 'Short staffed' },
      pin: TEST_PIN,
      actor: 'Maria',
    });
    await api(t.localUrl, 'POST', '/api/store/resume', { body: {}, pin: '00000000', actor: 'Eve' });
    t.clock.advance(60_000); // the staff window of the third order ends: rejected by policy
    t.clock.advance(20 * 60_000); // the pause ends by itself

    const log = await entries();
    const view = log.map((e) => ({
      action: e.action,
      actor: e.actor,
      target: e.target,
      reason: e.reason,
      detail: e.detail,
      managerPin: e.managerPin,
    }));
    expect(view).toEqual([
      {
        action: 'manager.pin.set',
        actor: 'staff',
        target: null,
        reason: null,
        detail: null,
        managerPin: false,
      },
      {
        action: 'order.accepted',
        actor: 'staff:Ana',
        target: accepted,
        reason: null,
        detail: 'prep 20 min',
        managerPin: false,
      },
      {
        action: 'order.rejected',
        actor: 'staff:Ben',
        target: rejected,
        reason: 'Too many orders',
        detail: null,
        managerPin: false,
      },
      {
        action: 'store.paused',
        actor: 'staff:Maria',
        target: null,
        reason: 'Short staffed',
        detail: 'until 07:20',
        managerPin: true,
      },
      {
        action: 'manager.pin.wrong',
        actor: 'staff:Eve',
        target: 'resumeStore',
        reason: null,
        detail: 'try 1 of 5',
        managerPin: false,
      },
      {
        action: 'order.expired',
        actor: 'system:timeout',
        target: expired,
        reason: 'Not accepted by staff in time',
        detail: null,
        managerPin: false,
      },
      {
        action: 'store.auto_resumed',
        actor: 'system:timer',
        target: null,
        reason: 'Short staffed',
        detail: 'pause by staff:Maria ended at 07:20',
        managerPin: false,
      },
    ]);
    expect(log.map((e) => e.at)).toEqual([
      START,
      START + 5_000,
      START + 5_000,
      START + 5_000,
      START + 5_000,
      START + 45_000,
      START + 20 * 60_000 + 5_000,
    ]);
    expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
  });

  it('canceling an accepted order needs the manager PIN, and both the manager action and the cancel are recorded', async () => {
    const id = await newOrder();
    await api(t.localUrl, 'POST', `/api/orders/${id}/accept`, { body: {} });
    const without = await api(t.localUrl, 'POST', `/api/orders/${id}/cancel`, {
      body: { reason: 'Customer called' },
      actor: 'Sam',
    });
    expect(without.status).toBe(403);
    expect(without.body).toMatchObject({ error: { code: 'manager_pin_required' } });
    const res = await api(t.localUrl, 'POST', `/api/orders/${id}/cancel`, {
      body: { reason: 'Customer called' },
      pin: TEST_PIN,
      actor: 'Sam',
    });
    expect(res.status).toBe(200);
    const log = (await entries()).filter((e) => e.target === id);
    expect(log.map((e) => [e.action, e.actor, e.reason, e.managerPin])).toEqual([
      ['order.accepted', 'staff', null, false],
      ['order.canceled', 'staff:Sam', 'Customer called', false],
      ['api.cancelOrder', 'staff:Sam', 'Customer called', true],
    ]);
  });

  it('exports CSV with a clean content type, quoting, a formula guard and local times; from/to select a range', async () => {
    t.clock.advance(60_000);
    await api(t.localUrl, 'POST', '/api/store/pause', {
      body: { reason: '=HYPERLINK("http://evil") and, "quotes"\nnext line' },
      pin: TEST_PIN,
      actor: 'Maria',
    });
    const res = await api(t.localUrl, 'GET', '/api/audit?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="audit-2026-11-23.csv"',
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual([
      'at_utc',
      'at_local',
      'actor',
      'action',
      'target',
      'reason',
      'detail',
      'manager_pin',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        '2026-11-23T12:00:00.000Z',
        '2026-11-23 07:00:00',
        'staff',
        'manager.pin.set',
        '',
        '',
        '',
        'no',
      ],
      [
        '2026-11-23T12:01:00.000Z',
        '2026-11-23 07:01:00',
        'staff:Maria',
        'store.paused',
        '',
        `'=HYPERLINK("http://evil") and, "quotes"\nnext line`,
        'until resumed',
        'yes',
      ],
    ]);

    const range = await entries(`?from=${START + 1}&to=${START + 120_000}`);
    expect(range.map((e) => e.action)).toEqual(['store.paused']);
    const limited = await entries('?limit=1');
    expect(limited.map((e) => e.action)).toEqual(['store.paused']);
    const bad = await api(t.localUrl, 'GET', '/api/audit?format=xml');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { field: 'query.format' } });
  });
});
