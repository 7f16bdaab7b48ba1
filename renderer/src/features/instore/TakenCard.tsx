// The order as the connector took it: its number, the connector's own totals (the delivery fee
// among them) and, when it is not paid yet, what to collect.
import type { OrderDetail } from '../../../../shared/order.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { orderNumber } from '../../ui/labels.js';
import { money } from '../../ui/format.js';
import { TICKET_TEXTS } from './texts.js';

interface Props {
  order: OrderDetail;
  onOpen: () => void;
  onDismiss: () => void;
}

export function TakenCard({ order, onOpen, onDismiss }: Props) {
  const language = useLanguage();
  const t = useTexts(TICKET_TEXTS);
  const $ = (cents: number): string => money(cents, order.currency, language);
  return (
    <div className="taken" role="status" data-testid="order-taken" data-order-id={order.id}>
      <p className="taken__title">
        {t.takenBefore} <strong className="order-number">{orderNumber(order)}</strong>{' '}
        {t.takenAfter}
      </p>
      <dl className="totals">
        <dt>{t.subtotal}</dt>
        <dd>{$(order.subtotalCents)}</dd>
        <dt>{t.tax}</dt>
        <dd data-testid="taken-tax">{$(order.taxCents)}</dd>
        {order.deliveryFeeCents > 0 && (
          <>
            <dt>{t.deliveryFee}</dt>
            <dd data-testid="taken-fee">{$(order.deliveryFeeCents)}</dd>
          </>
        )}
        <dt className="totals__total">{t.total}</dt>
        <dd className="totals__total" data-testid="taken-total">
          {$(order.totalCents)}
        </dd>
      </dl>
      <p
        className={`taken__payment${order.unpaid ? ' taken__payment--unpaid' : ''}`}
        data-testid="taken-payment"
      >
        {order.unpaid ? t.collect($(order.totalCents)) : t.paid}
      </p>
      <div className="taken__buttons">
        <button type="button" className="button button--step button--small" onClick={onOpen}>
          {t.open}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
          {t.ok}
        </button>
      </div>
    </div>
  );
}
