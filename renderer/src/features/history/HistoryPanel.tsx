// Every order the connector kept, for a manager: search by order number, customer or item,
// narrow by days, source and status, scroll through as many as there are (a windowed list that
// loads the next page while scrolling), see the daily totals per source, export the same search
// as CSV, and open any order's details.
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { OrderStatus } from '../../../../shared/domain.js';
import type { OrderSummary } from '../../../../shared/order.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { currentLanguage } from '../../i18n/language.js';
import { texts } from '../../i18n/texts.js';
import { explain } from '../../ui/explain.js';
import { clockTime, money, storeFormat } from '../../ui/format.js';
import { orderNumber, sourceName, statusLabel } from '../../ui/labels.js';
import { DailyTotals } from './DailyTotals.js';
import { saveDownload } from './download.js';
import {
  dayLabel,
  localDay,
  presetRange,
  RANGE_PRESETS,
  rangeLabel,
  rangeShort,
  totalsRange,
  type RangePreset,
} from './local-day.js';
import { COMMON_SOURCES, historySourceLabel } from './sources.js';
import { HISTORY } from './texts.js';
import { useChangedOrders } from './use-changed-orders.js';
import {
  historyQuery,
  isOrderNumber,
  useHistorySearch,
  useHistoryTotals,
  type HistoryFilters,
} from './use-history.js';
import { VirtualList } from './VirtualList.js';

/** The status filters; each one's name is `HISTORY.statusFilter[id]`. */
const STATUS_FILTERS: {
  id: keyof (typeof HISTORY)['en']['statusFilter'];
  statuses: OrderStatus[];
}[] = [
  { id: 'all', statuses: [] },
  { id: 'open', statuses: ['pending', 'accepted', 'preparing', 'ready', 'out_for_delivery'] },
  { id: 'completed', statuses: ['completed'] },
  { id: 'canceled', statuses: ['canceled'] },
  { id: 'refused', statuses: ['rejected', 'expired'] },
];
const SEARCH_DELAY_MS = 250;
/** Row height in rem: with the root font size it gives pixels, so large text keeps rows whole. */
const ROW_REM = 3.3;

interface Props {
  now: number;
  /** On screen now (the panel stays mounted while other screens show). */
  active: boolean;
  onOpenOrder: (id: string) => void;
}

export function HistoryPanel({ now, active, onOpenOrder }: Props) {
  const t = texts(HISTORY);
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
  const [atTop, setAtTop] = useState(true);
  const searchAgain = useCallback(() => setRefresh((r) => r + 1), []);
  const unseen = useChangedOrders(active, atTop, refresh, searchAgain);
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
      const saved = await saveDownload(
        services.transport,
        await api.exportHistory(historyQuery(filters)),
      );
      if (saved) notify('info', t.exported(saved));
    } catch (err) {
      notify('error', t.exportFailed(explain(err)));
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
      ? rangeLabel(preset)
      : totalsDays.from === totalsDays.to
        ? dayLabel(totalsDays.from)
        : `${dayLabel(totalsDays.from)} – ${dayLabel(totalsDays.to)}`;

  return (
    <section className="history" aria-labelledby="history-title">
      <div className="history__head">
        <h2 id="history-title" className="lane__title">
          {t.title}
        </h2>
        <label className="field history__search">
          <span className="visually-hidden">{t.searchLabel}</span>
          <input
            type="search"
            value={typed}
            placeholder={t.searchPlaceholder}
            data-testid="history-search"
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setQ(typed);
            }}
          />
        </label>
        <label className="field field--inline">
          <span>{t.source}</span>
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="">{t.allSources}</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {historySourceLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={`button ${unseen > 0 ? 'button--step' : 'button--ghost'}`}
          onClick={searchAgain}
          data-testid="history-refresh"
        >
          {unseen > 0 ? t.showChanged(unseen) : t.refresh}
        </button>
        <button
          type="button"
          className="button button--step"
          disabled={exporting}
          onClick={() => void exportCsv()}
        >
          {exporting ? t.exporting : t.exportCsv}
        </button>
      </div>
      <div className="history__filters">
        <div className="choice-row" role="group" aria-label={t.days}>
          {RANGE_PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              className={`chip${preset === p ? ' is-picked' : ''}`}
              aria-pressed={preset === p}
              aria-label={rangeLabel(p)}
              onClick={() => setPreset(p)}
            >
              <span className="label--wide">{rangeLabel(p)}</span>
              <span className="label--narrow">{rangeShort(p)}</span>
            </button>
          ))}
          <label className="field field--inline">
            <span>{t.from}</span>
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
            <span>{t.to}</span>
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
          <div className="choice-row" role="group" aria-label={t.status}>
            {STATUS_FILTERS.map((s) => (
              <button
                key={s.id}
                type="button"
                className={`chip${statusFilter === s.id ? ' is-picked' : ''}`}
                aria-pressed={statusFilter === s.id}
                onClick={() => setStatusFilter(s.id)}
              >
                {t.statusFilter[s.id]}
              </button>
            ))}
          </div>
          <div className="history__switch" role="group" aria-label={t.show}>
            <button
              type="button"
              className={`chip${view === 'orders' ? ' is-picked' : ''}`}
              aria-pressed={view === 'orders'}
              onClick={() => setView('orders')}
            >
              {t.orders}
            </button>
            <button
              type="button"
              className={`chip${view === 'totals' ? ' is-picked' : ''}`}
              aria-pressed={view === 'totals'}
              onClick={() => setView('totals')}
            >
              {t.dailyTotals}
            </button>
          </div>
        </div>
      </div>
      <div className="history__body" data-view={view}>
        <div className="history__list">
          <div className="history-row history-row--head" aria-hidden="true">
            <span>{t.column.when}</span>
            <span>{t.column.number}</span>
            <span>{t.column.source}</span>
            <span>{t.column.status}</span>
            <span>{t.column.customer}</span>
            <span className="num">{t.column.items}</span>
            <span className="num">{t.column.total}</span>
          </div>
          {pages.error && <p className="error-text">{t.searchFailed(pages.error)}</p>}
          {!pages.loading && pages.orders.length === 0 && !pages.error ? (
            <p className="lane__empty" data-testid="history-empty">
              {t.noMatch(q.trim())}
            </p>
          ) : (
            <VirtualList
              items={pages.orders}
              rowHeight={rowHeight}
              keyOf={(o) => o.id}
              renderRow={renderRow}
              label={t.ordersFound}
              setSize={pages.complete ? pages.orders.length : -1}
              onNearEnd={pages.complete ? undefined : pages.loadMore}
              resetKey={JSON.stringify(filters) + refresh}
              onAtTop={setAtTop}
              footer={
                <p className="muted vlist__note" data-testid="history-status">
                  {pages.loading
                    ? t.loading
                    : pages.complete
                      ? t.count(pages.orders.length)
                      : t.soFar(t.count(pages.orders.length))}
                  {isOrderNumber(filters.q) && <> · {t.allDates}</>}
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

/** "Nov 23 06:39 PM" / "23 nov 6:39 p.m.": when a row's order came in, on the store's clock
 * (format.ts makes each formatter once: thousands of rows format their time while scrolling).
 * Spanish drops the hour's leading zero: its "p.m." is wider than "PM", and the column is sized
 * for the English. */
function rowWhen(epochMs: number): string {
  const day = storeFormat('row-day', { day: 'numeric', month: 'short' }).format(epochMs);
  const time =
    currentLanguage() === 'en'
      ? clockTime(epochMs)
      : storeFormat('row-time', { hour: 'numeric', minute: '2-digit' }).format(epochMs);
  return `${day} ${time}`;
}

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
      <span className="history-row__when">{rowWhen(o.receivedAt)}</span>
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
