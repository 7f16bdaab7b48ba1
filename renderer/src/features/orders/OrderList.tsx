// A plain list of orders for the Scheduled and Done & canceled screens: one row per order, the
// status in words, a tap opens the details.
import { OrderDelivery } from '../delivery/DeliveryState.js';
import type { OrderSummary } from '../../../../shared/order.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { clockTime, money, requestedTime } from '../../ui/format.js';
import { FULFILLMENT_ICON, Icon } from '../../app/Icon.js';
import { fulfillmentLabel, orderNumber, statusLabel, sourceName } from '../../ui/labels.js';
import type { NextStep } from './next-step.js';
import { useNextStep } from './use-next-step.js';
import { CARD } from './texts.js';

interface Props {
  title: string;
  empty: string;
  orders: readonly OrderSummary[];
  now: number;
  busy: ReadonlySet<string>;
  onOpen: (id: string) => void;
  onStep?: (id: string, status: NextStep['status']) => void;
}

export function OrderList({ title, empty, orders, now, busy, onOpen, onStep }: Props) {
  const language = useLanguage();
  const t = useTexts(CARD);
  const nextStep = useNextStep();
  return (
    <section className="list-screen" aria-labelledby="list-title">
      <h2 id="list-title" className="lane__title">
        {title} <span className="lane__count">{orders.length}</span>
      </h2>
      {orders.length === 0 ? (
        <p className="lane__empty">{empty}</p>
      ) : (
        <ul className="order-rows">
          {orders.map((o) => {
            const step = onStep ? nextStep(o) : null;
            const when = requestedTime(o.requestedFor, now, language);
            return (
              <li key={o.id} className="order-row" data-order-id={o.id} data-testid="order-row">
                <button type="button" className="order-row__main" onClick={() => onOpen(o.id)}>
                  <span className={`status-chip status-chip--${o.status}`}>
                    {statusLabel(o.status, language)}
                  </span>
                  <strong className="order-number">{orderNumber(o)}</strong>
                  <span>{sourceName(o.source, o.origin, language)}</span>
                  <span>
                    <Icon name={FULFILLMENT_ICON[o.fulfillmentType]} />
                    {fulfillmentLabel(o.fulfillmentType, language)}
                  </span>
                  <span>{o.customerName ?? ''}</span>
                  <span>{money(o.totalCents, o.currency, language)}</span>
                  <span className="muted">
                    {when ? t.forWhen(when) : clockTime(o.updatedAt, language)}
                  </span>
                </button>
                {step && onStep && (
                  <button
                    type="button"
                    className="button button--step"
                    disabled={busy.has(o.id)}
                    onClick={() => onStep(o.id, step.status)}
                  >
                    {step.label}
                  </button>
                )}
                <OrderDelivery order={o} now={now} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
