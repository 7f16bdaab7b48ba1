// Every order the connector kept, for a manager: search by order number, customer or item,
// narrow by days, source and status, scroll through as many as there are (a windowed list that
// loads the next page while scrolling), see the daily totals per source, export the same search
// as CSV, and open any order's details. State in use-history-panel.ts; controls in
// HistoryControls.tsx; one row in HistoryRow.tsx.
import { useCallback } from 'react';
import type { OrderSummary } from '../../../../shared/order.js';
import { useTexts } from '../../i18n/context.js';
import { DailyTotals } from './DailyTotals.js';
import { HistoryFilterBar, HistorySearchBar } from './HistoryControls.js';
import { HistoryRow } from './HistoryRow.js';
import { HISTORY } from './texts.js';
import { isOrderNumber } from './use-history.js';
import { type HistoryPanelState, useHistoryPanel } from './use-history-panel.js';
import { VirtualList } from './VirtualList.js';

/** Row height in rem: with the root font size it gives pixels, so large text keeps rows whole. */
const ROW_REM = 3.3;

interface Props {
  now: number;
  /** On screen now (the panel stays mounted while other screens show). */
  active: boolean;
  onOpenOrder: (id: string) => void;
}

export function HistoryPanel({ now, active, onOpenOrder }: Props) {
  const s = useHistoryPanel(now, active);
  return (
    <section className="history" aria-labelledby="history-title">
      <HistorySearchBar s={s} />
      <HistoryFilterBar s={s} />
      <div className="history__body" data-view={s.view}>
        <HistoryList s={s} onOpenOrder={onOpenOrder} />
        <DailyTotals
          days={s.totals.days}
          currency={s.currency}
          caption={s.caption}
          error={s.totals.error}
        />
      </div>
    </section>
  );
}

function HistoryList({
  s,
  onOpenOrder,
}: {
  s: HistoryPanelState;
  onOpenOrder: (id: string) => void;
}) {
  const t = useTexts(HISTORY);
  const { pages, filters } = s;
  // The root font size follows the large-text setting and the window width (base.css).
  const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 17;
  const renderRow = useCallback(
    (o: OrderSummary) => <HistoryRow order={o} onOpen={onOpenOrder} />,
    [onOpenOrder],
  );
  return (
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
          {t.noMatch(s.q.trim())}
        </p>
      ) : (
        <VirtualList
          items={pages.orders}
          rowHeight={Math.round(ROW_REM * rootPx)}
          keyOf={(o) => o.id}
          renderRow={renderRow}
          label={t.ordersFound}
          setSize={pages.complete ? pages.orders.length : -1}
          onNearEnd={pages.complete ? undefined : pages.loadMore}
          resetKey={JSON.stringify(filters) + s.refresh}
          onAtTop={s.setAtTop}
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
  );
}
