// Everything about one order: items with the full modifier tree, notes, customer, address,
// money, driver and the timeline of who did what. Opened from any card; it follows the order
// live (use-order-detail.ts), and offers the same decisions as the board (DetailDecisions.tsx).
import { DeliveryList } from '../delivery/DeliveryState.js';
import { Modal } from '../../ui/Modal.js';
import { FULFILLMENT_ICON, Icon } from '../../app/Icon.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import type { OrderActions } from './actions.js';
import { DetailDecisions } from './DetailDecisions.js';
import { DetailPeople } from './DetailPeople.js';
import { money } from '../../ui/format.js';
import {
  fulfillmentLabel,
  itemCount,
  orderNumber,
  statusLabel,
  sourceName,
} from '../../ui/labels.js';
import { AllergyFlag, LineItems } from './ModifierTree.js';
import { MoneyBreakdown } from './MoneyBreakdown.js';
import { OrderBadges } from './OrderBadges.js';
import { PosLegPanel } from './PosLegPanel.js';
import { DETAIL } from './texts.js';
import { useOrderDetail } from './use-order-detail.js';

interface Props {
  id: string;
  /** The summary's `updatedAt`, so the detail reloads when the order changes. */
  version: number | undefined;
  /** The summary's delivery state, so the detail reloads when Stream gets (or fails) a message. */
  deliveryVersion?: string | undefined;
  now: number;
  actions: OrderActions;
  defaultPrep: number;
  onClose: () => void;
}

export function OrderDetailPanel({
  id,
  version,
  deliveryVersion,
  now,
  actions,
  defaultPrep,
  onClose,
}: Props) {
  const language = useLanguage();
  const { order, error } = useOrderDetail(id, version, deliveryVersion);
  const t = useTexts(DETAIL);
  const number = order ? orderNumber(order) : '';
  const title = order ? `${sourceName(order.source, order.origin, language)} ${number}` : t.order;
  return (
    <Modal title={title} labelledBy="detail-title" onClose={onClose} className="modal--detail">
      <div className="modal__head">
        <h2 id="detail-title" className="modal__title">
          {title}
          {order && (
            <span className={`status-chip status-chip--${order.status}`}>
              {statusLabel(order.status, language)}
            </span>
          )}
        </h2>
        <button
          type="button"
          className="button button--ghost"
          onClick={onClose}
          aria-label={t.closeLabel}
        >
          {t.close}
        </button>
      </div>
      {error && !order && <p className="error-text">{t.loadFailed(error)}</p>}
      {!order && !error && <p>{t.loading}</p>}
      {order && (
        <div className="detail" data-testid="order-detail">
          <div className="detail__summary">
            <p className="detail__what">
              <Icon name={FULFILLMENT_ICON[order.fulfillmentType]} />
              {fulfillmentLabel(order.fulfillmentType, language)} ·{' '}
              {itemCount(order.itemCount, language)} ·{' '}
              <strong>{money(order.totalCents, order.currency, language)}</strong>
              {order.prepTimeMinutes !== null && order.status !== 'pending' && (
                <> · {t.prep(order.prepTimeMinutes)}</>
              )}
            </p>
            <OrderBadges order={order} now={now} />
          </div>

          {order.specialInstructions && (
            <p className="instructions instructions--order">
              <Icon name="warning" />
              <strong>{t.orderNote}</strong> <AllergyFlag note={order.specialInstructions} />
              {order.specialInstructions}
            </p>
          )}

          {order.fulfillmentInstructions && (
            <p className="instructions instructions--order">
              <Icon name="route" />
              <strong>{t.deliveryNote}</strong> {order.fulfillmentInstructions}
            </p>
          )}

          <DetailDecisions order={order} now={now} actions={actions} defaultPrep={defaultPrep} />

          <DeliveryList deliveries={order.deliveries} now={now} />
          <PosLegPanel orderId={order.id} status={order.status} version={version} />

          <div className="detail__columns">
            <section aria-labelledby="detail-items">
              <h3 id="detail-items">{t.items}</h3>
              <LineItems items={order.lineItems} currency={order.currency} />
              <MoneyBreakdown order={order} />
            </section>
            <DetailPeople order={order} />
          </div>
        </div>
      )}
    </Modal>
  );
}
