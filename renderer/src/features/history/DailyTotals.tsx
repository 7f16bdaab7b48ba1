// Daily totals per source for the days shown: orders taken, sales, cancels and refusals, the
// figures a manager reconciles against each delivery service's payout. The whole range comes
// first (per source, then every source), then each day, newest first, under its own heading.
import type { DayTotals } from '../../../../shared/history.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { money } from '../../ui/format.js';
import { dayLabel } from './local-day.js';
import { historySourceLabel } from './sources.js';
import { TOTALS } from './texts.js';

interface Props {
  days: readonly DayTotals[];
  currency: string;
  /** "Last 7 days", "Nov 1 – Nov 23" … */
  caption: string;
  error: string | null;
}

type Sums = Pick<DayTotals, 'orders' | 'salesCents' | 'canceled' | 'rejected'>;

const ZERO: Sums = { orders: 0, salesCents: 0, canceled: 0, rejected: 0 };
function add(a: Sums, b: Sums): Sums {
  return {
    orders: a.orders + b.orders,
    salesCents: a.salesCents + b.salesCents,
    canceled: a.canceled + b.canceled,
    rejected: a.rejected + b.rejected,
  };
}

export function DailyTotals({ days, currency, caption, error }: Props) {
  const language = useLanguage();
  const t = useTexts(TOTALS);
  const bySource = new Map<string, Sums>();
  const byDay = new Map<string, DayTotals[]>();
  for (const d of days) {
    bySource.set(d.source, add(bySource.get(d.source) ?? ZERO, d));
    byDay.set(d.date, [...(byDay.get(d.date) ?? []), d]);
  }
  const all = [...bySource.values()].reduce(add, ZERO);
  const row = (key: string, label: string, s: Sums, className?: string) => (
    <tr key={key} className={className} data-testid="totals-row">
      <th scope="row">{label}</th>
      <td className="num">{s.orders}</td>
      <td className="num">{money(s.salesCents, currency, language)}</td>
      <td className="num">{s.canceled}</td>
      <td className="num">{s.rejected}</td>
    </tr>
  );
  /** A column head: the short form on screen when the language has one, the full word read. */
  const head = (full: string, short: string) =>
    short === full ? (
      full
    ) : (
      <>
        <span aria-hidden="true">{short}</span>
        <span className="visually-hidden">{full}</span>
      </>
    );
  const heading = (label: string) => (
    <tr className="daily-totals__day">
      <th scope="rowgroup" colSpan={5}>
        {label}
      </th>
    </tr>
  );
  return (
    <section className="daily-totals" aria-labelledby="totals-title">
      <h3 id="totals-title">{t.title}</h3>
      {error && <p className="error-text">{t.loadFailed(error)}</p>}
      {/* Focusable, so the keyboard can scroll a long range (WCAG: scrollable region). */}
      <div
        className="daily-totals__scroll"
        tabIndex={0}
        role="region"
        aria-labelledby="totals-title"
      >
        <table data-testid="daily-totals">
          <thead>
            <tr>
              <th scope="col">{t.source}</th>
              <th scope="col" className="num">
                {t.orders}
              </th>
              <th scope="col" className="num">
                {t.sales}
              </th>
              <th scope="col" className="num">
                {head(t.canceled, t.canceledShort)}
              </th>
              <th scope="col" className="num" title={t.rejectedHint}>
                {head(t.rejected, t.rejectedShort)}
              </th>
            </tr>
          </thead>
          {days.length === 0 ? (
            <tbody>
              {heading(caption)}
              <tr>
                <td colSpan={5} className="muted">
                  {t.none}
                </td>
              </tr>
            </tbody>
          ) : (
            <>
              <tbody className="daily-totals__range">
                {heading(caption)}
                {[...bySource.entries()]
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([source, sums]) => row(source, historySourceLabel(source, language), sums))}
                {row('all', t.allSources, all, 'daily-totals__grand')}
              </tbody>
              {[...byDay.entries()]
                .sort(([a], [b]) => b.localeCompare(a))
                .map(([date, list]) => (
                  <tbody key={date} data-day={date}>
                    {heading(dayLabel(date, language))}
                    {list.map((d) => row(d.source, historySourceLabel(d.source, language), d))}
                  </tbody>
                ))}
            </>
          )}
        </table>
      </div>
    </section>
  );
}
