// One order in the history list: when it came in (on the store's clock), its number, source,
// status, customer, item count and total. Memoized, so scrolling renders only the rows that come
// into view.
import { memo } from 'react';
import type { OrderSummary } from '../../../../shared/order.js';
import { useLanguage } from '../../i18n/context.js';
import type { Language } from '../../i18n/language.js';
import { clockTime, money, storeFormat } from '../../ui/format.js';
import { orderNumber, sourceName, statusLabel } from '../../ui/labels.js';

/** "Nov 23 06:39 PM" / "23 nov 6:39 p.m.": when a row's order came in, on the store's clock
 * (format.ts makes each formatter once: thousands of rows format their time while scrolling).
 * Spanish drops the hour's leading zero: its "p.m." is wider than "PM", and the column is sized
 * for the English. */
function rowWhen(epochMs: number, language: Language): string {
  const day = storeFormat('row-day', { day: 'numeric', month: 'short' }, language).format(epochMs);
  const time =
    language === 'en'
      ? clockTime(epochMs, language)
      : storeFormat('row-time', { hour: 'numeric', minute: '2-digit' }, language).format(epochMs);
  return `${day} ${time}`;
}

export const HistoryRow = memo(function HistoryRow({
  order: o,
  onOpen,
}: {
  order: OrderSummary;
  onOpen: (id: string) => void;
}) {
  // Its formats follow the language; reading it also re-renders this memoized row on a switch.
  const language = useLanguage();
  return (
    <button
      type="button"
      className="history-row"
      data-testid="history-row"
      data-order-id={o.id}
      onClick={() => onOpen(o.id)}
    >
      <span className="history-row__when">{rowWhen(o.receivedAt, language)}</span>
      <strong className="order-number">{orderNumber(o)}</strong>
      <span className="history-row__ellipsis">{sourceName(o.source, o.origin, language)}</span>
      <span>
        <span className={`status-chip status-chip--${o.status}`}>
          {statusLabel(o.status, language)}
        </span>
      </span>
      <span className="history-row__ellipsis">{o.customerName ?? ''}</span>
      <span className="num">{o.itemCount}</span>
      <span className="num">{money(o.totalCents, o.currency, language)}</span>
    </button>
  );
});
