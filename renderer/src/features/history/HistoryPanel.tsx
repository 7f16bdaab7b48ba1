// Every order the connector kept, for a manager: search by order number, customer or item,
// narrow by days, source and status, scroll through as many as there are (a windowed list that
// loads the next page while scrolling), see the daily totals per source, export the same search
// as CSV, and open any order's details.
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { OrderStatus } from '../../../../shared/domain.js';
import type { OrderSummary } from '../../../../shared/order.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { explain } from '../orders/actions.js';
import { clockTime, money } from '../orders/format.js';
import { orderNumber, sourceName, statusLabel } from '../orders/labels.js';
import { DailyTotals } from './DailyTotals.js';
import { saveDownload } from './download.js';
import {
  dayLabel,
  localDay,
  presetRange,
  RANGE_LABEL,
  RANGE_PRESETS,
  RANGE_SHORT,
  totalsRange,
  type RangePreset,
} from './local-day.js';
import { COMMON_SOURCES, historySourceLabel } from './sources.js';
import {
  historyQuery,
  useHistorySearch,
  useHistoryTotals,
  type HistoryFilters,
} from './use-history.js';
import { VirtualList } from './VirtualList.js';

const STATUS_FILTERS: { id: string; label: string; statuses: OrderStatus[] }[] = [
  { id: 'all', label: 'Any status', statuses: [] },
  {
    id: 'open',
    label: 'Open',
    statuses: ['pending', 'accepted', 'preparing', 'ready', 'out_for_delivery'],
  },
  { id: 'completed', label: 'Completed', statuses: ['completed'] },
  { id: 'canceled', label: 'Canceled', statuses: ['canceled'] },
  { id: 'refused', label: 'Rejected or missed', statuses: ['rejected', 'expired'] },
];
const SEARCH_DELAY_MS = 250;
/** Row height in rem: with the root font size it gives pixels, so large text keeps rows whole. */
const ROW_REM = 3.3;

interface Props {
  now: number;
  onOpenOrder: (id: string) => void;
}

export function HistoryPanel({ now, onOpenOrder }: Props) {
  const services = useServices();
  const { api, notify } = services;
  const store = useObservable(services.store);
  const timeZone = store?.schedule.timeZone;
  const today = localDay(now, timeZone);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [preset, setPreset] = useState<RangePreset | null>('week');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [statusFilter, setStatusFilter] = useState('all');
  const [source, setSource] = useState('');
  const [refresh, setRefresh] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [view, setView] = useState<'orders' | 'totals'>('orders');

  useEffect(() => {
    const id = setTimeout(() => setQ(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(id);
  }, [typed]);

  const range = preset ? presetRange(preset, today) : custom;
  const filters: HistoryFilters = {
    q,
    from: range.from,
    to: range.to,
    source,
    statuses: STATUS_FILTERS.find((s) => s.id === statusFilter)?.statuses ?? [],
  };
  const pages = useHistorySearch(filters, refresh);
  const totalsDays = totalsRange(range, today);
  const totals = useHistoryTotals(totalsDays.from, totalsDays.to, refresh);
  const currency = pages.orders[0]?.currency ?? 'USD';
  const sources = useMemo(
    () => [...new Set([...COMMON_SOURCES, ...totals.days.map((d) => d.source)])].sort(),
    [totals.days],
  );
  // The root font size follows the large-text setting and the window width (base.css).
  const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 17;
  const rowHeight = Math.round(ROW_REM * rootPx);

  const exportCsv = async (): Promise<void> => {
    setExporting(true);
    try {
      const saved = await saveDownload(await api.exportHistory(historyQuery(filters)));
      if (saved) notify('info', `Exported ${saved}`);
    } catch (err) {
      notify('error', `Export failed. ${explain(err)}`);
    } finally {
      setExporting(false);
    }
  };

  const renderRow = useCallback(
    (o: OrderSummary) => <HistoryRow order={o} onOpen={onOpenOrder} />,
    [onOpenOrder],
  );

  const caption =
    preset && preset !== 'all'
      ? RANGE_LABEL[preset]
      : totalsDays.from === totalsDays.to
        ? dayLabel(totalsDays.from)
        : `${dayLabel(totalsDays.from)} – ${dayLabel(totalsDays.to)}`;

  return (
    <section className="history" aria-labelledby="history-title">
      <div className="history__head">
        <h2 id="history-title" className="lane__title">
          History
        </h2>
        <label className="field history__search">
          <span className="visually-hidden">Search orders</span>
          <input
            type="search"
            value={typed}
            placeholder="Order number, customer or item"
            data-testid="history-search"
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setQ(typed);
            }}
          />
        </label>
        <label className="field field--inline">
          <span>Source</span>
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {historySourceLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => setRefresh((r) => r + 1)}
        >
          Refresh
        </button>
        <button
          type="button"
          className="button button--step"
          disabled={exporting}
          onClick={() => void exportCsv()}
        >
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <div className="history__filters">
        <div className="choice-row" role="group" aria-label="Days">
          {RANGE_PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              className={`chip${preset === p ? ' is-picked' : ''}`}
              aria-pressed={preset === p}
              aria-label={RANGE_LABEL[p]}
              onClick={() => setPreset(p)}
            >
              <span className="label--wide">{RANGE_LABEL[p]}</span>
              <span className="label--narrow">{RANGE_SHORT[p]}</span>
            </button>
          ))}
          <label className="field field--inline">
            <span>From</span>
            <input
              type="date"
              value={range.from}
              max={today}
              onChange={(e) => {
                setCustom({ from: e.target.value, to: range.to });
                setPreset(null);
              }}
            />
          </label>
          <label className="field field--inline">
            <span>to</span>
            <input
              type="date"
              value={range.to}
              max={today}
              onChange={(e) => {
                setCustom({ from: range.from, to: e.target.value });
                setPreset(null);
              }}
            />
          </label>
        </div>
        <div className="history__row">
          <div className="choice-row" role="group" aria-label="Status">
            {STATUS_FILTERS.map((s) => (
              <button
                key={s.id}
                type="button"
                className={`chip${statusFilter === s.id ? ' is-picked' : ''}`}
                aria-pressed={statusFilter === s.id}
                onClick={() => setStatusFilter(s.id)}
              >
                {s.label}
              </button>
            ))}
          </div>
          <div className="history__switch" role="group" aria-label="Show">
            <button
              type="button"
              className={`chip${view === 'orders' ? ' is-picked' : ''}`}
              aria-pressed={view === 'orders'}
              onClick={() => setView('orders')}
            >
              Orders
            </button>
            <button
              type="button"
              className={`chip${view === 'totals' ? ' is-picked' : ''}`}
              aria-pressed={view === 'totals'}
              onClick={() => setView('totals')}
            >
              Daily totals
            </button>
          </div>
        </div>
      </div>
      <div className="history__body" data-view={view}>
        <div className="history__list">
          <div className="history-row history-row--head" aria-hidden="true">
            <span>When</span>
            <span>Number</span>
            <span>Source</span>
            <span>Status</span>
            <span>Customer</span>
            <span className="num">Items</span>
            <span className="num">Total</span>
          </div>
          {pages.error && <p className="error-text">Search failed: {pages.error}</p>}
          {!pages.loading && pages.orders.length === 0 && !pages.error ? (
            <p className="lane__empty" data-testid="history-empty">
              No orders match{q.trim() ? ` “${q.trim()}”` : ''} on these days.
            </p>
          ) : (
            <VirtualList
              items={pages.orders}
              rowHeight={rowHeight}
              keyOf={(o) => o.id}
              renderRow={renderRow}
              label="Orders found"
              setSize={pages.complete ? pages.orders.length : -1}
              onNearEnd={pages.complete ? undefined : pages.loadMore}
              resetKey={JSON.stringify(filters) + refresh}
              footer={
                <p className="muted vlist__note" data-testid="history-status">
                  {pages.loading
                    ? 'Loading…'
                    : pages.complete
                      ? count(pages.orders.length)
                      : `${count(pages.orders.length)} so far: scroll for more`}
                </p>
              }
            />
          )}
        </div>
        <DailyTotals
          days={totals.days}
          currency={currency}
          caption={caption}
          error={totals.error}
        />
      </div>
    </section>
  );
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'order' : 'orders'}`;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** One row; memoized, so scrolling renders only the rows that come into view. */
const HistoryRow = memo(function HistoryRow({
  order: o,
  onOpen,
}: {
  order: OrderSummary;
  onOpen: (id: string) => void;
}) {
  return (
    <button
      type="button"
      className="history-row"
      data-testid="history-row"
      data-order-id={o.id}
      onClick={() => onOpen(o.id)}
    >
      <span className="history-row__when">
        {dayFormat.format(o.receivedAt)} {clockTime(o.receivedAt)}
      </span>
      <strong className="order-number">{orderNumber(o)}</strong>
      <span className="history-row__ellipsis">{sourceName(o.source, o.origin)}</span>
      <span>
        <span className={`status-chip status-chip--${o.status}`}>{statusLabel(o.status)}</span>
      </span>
      <span className="history-row__ellipsis">{o.customerName ?? ''}</span>
      <span className="num">{o.itemCount}</span>
      <span className="num">{money(o.totalCents, o.currency)}</span>
    </button>
  );
});
