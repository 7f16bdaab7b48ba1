// The Missed group: orders nobody answered in time (or that Stream canceled first), red, with when
// and what Stream was told, each with a one-tap "Seen". They stay until someone taps it, across
// reloads and restarts (the core keeps them). The board composes this above its lanes.
import { useState } from 'react';
import type { OrderSummary } from '../../../../shared/order.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { clockTime, money } from '../../ui/format.js';
import { orderNumber, sourceName } from '../../ui/labels.js';
import { PauseOffer } from './PauseOffer.js';
import { MISSED_TEXTS } from './texts.js';

interface Props {
  orders: readonly OrderSummary[];
  onOpen: (id: string) => void;
}

export function MissedGroup({ orders, onOpen }: Props) {
  const language = useLanguage();
  const { api, orders: liveOrders, notify } = useServices();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const t = useTexts(MISSED_TEXTS);
  if (!orders.length) return <PauseOffer />;

  const seen = async (id: string): Promise<void> => {
    setBusy((b) => new Set(b).add(id));
    try {
      const detail = await api.markMissedSeen({ id });
      liveOrders.upsert(detail);
    } catch (err) {
      notify('error', t.offer.failed((err as Error).message));
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(id);
        return next;
      });
    }
  };

  return (
    <section className="missed" aria-labelledby="missed-title" data-testid="missed-group">
      <h2 id="missed-title" className="missed__title">
        {t.title} <span className="lane__count">{orders.length}</span>
        <span className="missed__explain">{t.explain}</span>
      </h2>
      <PauseOffer />
      <ul className="missed__list" aria-label={t.list}>
        {orders.map((o) => {
          const name = `${sourceName(o.source, o.origin, language)} ${orderNumber(o)}`;
          return (
            <li key={o.id} className="missed__row" data-order-id={o.id} data-testid="missed-order">
              <button type="button" className="missed__main" onClick={() => onOpen(o.id)}>
                <strong className="missed__when">
                  {t.missedAt(clockTime(o.missed!.at, language))}
                </strong>
                <strong className="order-number">{name}</strong>
                {o.customerName && <span>{o.customerName}</span>}
                <span>{money(o.totalCents, o.currency, language)}</span>
                <span className="missed__told">
                  {o.missed!.reason === 'store_unreachable' ? (
                    t.storeUnreachable
                  ) : (
                    <>
                      {o.missed!.reason === 'expired' ? t.expired : t.streamCanceled}{' '}
                      <q>{o.missed!.note}</q>
                    </>
                  )}
                </span>
              </button>
              <button
                type="button"
                className="button missed__seen"
                disabled={busy.has(o.id)}
                aria-label={t.seenLabel(name)}
                onClick={() => void seen(o.id)}
              >
                {t.seen}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The top bar's "N missed today"; nothing while none was missed. */
export function MissedToday() {
  const summary = useObservable(useServices().missed);
  const t = useTexts(MISSED_TEXTS);
  if (!summary?.today) return null;
  // On a narrow screen the short form, so the tabs stay on one row.
  return (
    <span className="topbar__missed" data-testid="missed-today" title={t.today(summary.today)}>
      <span className="label--wide">{t.today(summary.today)}</span>
      <span className="label--narrow">{t.short(summary.today)}</span>
    </span>
  );
}
