// Everything about one order: items with the full modifier tree, notes, customer, address,
// money, driver and the timeline of who did what. Opened from any card; it follows the order
// live, and offers the same decisions as the board.
import { addressText } from '../../../../shared/address.js';
import { DeliveryList } from '../delivery/DeliveryState.js';
import { useEffect, useState } from 'react';
import { CancelControl } from './CancelControl.js';
import type { OrderDetail } from '../../../../shared/order.js';
import { useServices } from '../../app/hooks.js';
import { Modal } from '../../ui/Modal.js';
import { currentLanguage } from '../../i18n/language.js';
import { texts } from '../../i18n/texts.js';
import type { OrderActions } from './actions.js';
import { explain } from '../../ui/explain.js';
import { useBoardUi } from './board-ui.js';
import { Countdown } from './Countdown.js';
import { clockTime, clockTimeWithSeconds, money } from '../../ui/format.js';
import { FULFILLMENT_ICON, Icon } from '../../app/Icon.js';
import {
  fulfillmentLabel,
  itemCount,
  orderNumber,
  rejectLabel,
  statusLabel,
  sourceName,
} from '../../ui/labels.js';
import { LineItems } from './ModifierTree.js';
import { MoneyBreakdown } from './MoneyBreakdown.js';
import { useNextStep } from './use-next-step.js';
import { OrderBadges } from './OrderBadges.js';
import { PosLegPanel } from './PosLegPanel.js';
import { PrepStepper } from './PrepStepper.js';
import { CARD, DETAIL, timelineKind } from './texts.js';

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
  const { api } = useServices();
  const ui = useBoardUi();
  const nextStep = useNextStep();
  const [order, setOrder] = useState<OrderDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.getOrder({ id }).then(
      (d) => live && setOrder(d),
      (err: unknown) => live && setError(explain(err)),
    );
    return () => {
      live = false;
    };
  }, [api, id, version, deliveryVersion]);

  const t = texts(DETAIL);
  const card = texts(CARD);
  const number = order ? orderNumber(order) : '';
  const title = order ? `${sourceName(order.source, order.origin)} ${number}` : t.order;
  return (
    <Modal title={title} labelledBy="detail-title" onClose={onClose} className="modal--detail">
      <div className="modal__head">
        <h2 id="detail-title" className="modal__title">
          {title}
          {order && (
            <span className={`status-chip status-chip--${order.status}`}>
              {statusLabel(order.status)}
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
              {fulfillmentLabel(order.fulfillmentType)} · {itemCount(order.itemCount)} ·{' '}
              <strong>{money(order.totalCents, order.currency)}</strong>
              {order.prepTimeMinutes !== null && order.status !== 'pending' && (
                <> · {t.prep(order.prepTimeMinutes)}</>
              )}
            </p>
            <OrderBadges order={order} now={now} />
          </div>

          {order.specialInstructions && (
            <p className="instructions instructions--order">
              <Icon name="warning" />
              <strong>{t.orderNote}</strong> {order.specialInstructions}
            </p>
          )}

          {order.status === 'pending' && (
            <div className="detail__decide">
              {order.staffDeadlineAt !== null && (
                <Countdown
                  deadlineAt={order.staffDeadlineAt}
                  receivedAt={order.receivedAt}
                  now={now}
                  size={80}
                />
              )}
              <PrepStepper
                value={ui.prepFor(order.id, order.prepTimeMinutes ?? defaultPrep)}
                onChange={(m) => ui.setPrep(order.id, m)}
                idPrefix={`detail-${order.id}`}
              />
              <button
                type="button"
                className="button button--accept"
                disabled={actions.busy.has(order.id)}
                onClick={() =>
                  void actions.accept(
                    order.id,
                    ui.prepFor(order.id, order.prepTimeMinutes ?? defaultPrep),
                  )
                }
              >
                {card.accept}
              </button>
              <button
                type="button"
                className="button button--reject"
                onClick={() => ui.openReject(order.id)}
              >
                {card.reject}
              </button>
            </div>
          )}
          {nextStep(order) && (
            <div className="detail__decide">
              <button
                type="button"
                className="button button--step"
                disabled={actions.busy.has(order.id)}
                onClick={() => void actions.setStatus(order.id, nextStep(order)!.status)}
              >
                {nextStep(order)!.label}
              </button>
              <CancelControl
                busy={actions.busy.has(order.id)}
                onCancel={(reason) => void actions.cancel(order.id, reason)}
              />
            </div>
          )}

          <DeliveryList deliveries={order.deliveries} now={now} />
          <PosLegPanel orderId={order.id} status={order.status} version={version} />

          <div className="detail__columns">
            <section aria-labelledby="detail-items">
              <h3 id="detail-items">{t.items}</h3>
              <LineItems items={order.lineItems} currency={order.currency} />
              <MoneyBreakdown order={order} />
            </section>
            <section aria-labelledby="detail-people">
              <h3 id="detail-people">{t.customer}</h3>
              {order.customers.length === 0 && <p>{t.noCustomer}</p>}
              {order.customers.map((c, i) => (
                <p key={c.id ?? i} className="customer">
                  <strong>{c.name ?? t.customer}</strong>
                  {c.phone && (
                    <>
                      <br />
                      <a href={`tel:${c.phone}`}>{c.phone}</a>
                    </>
                  )}
                </p>
              ))}
              {order.deliveryAddress && (
                <>
                  <h3>{t.deliverTo}</h3>
                  <address>{formatAddress(order.deliveryAddress)}</address>
                </>
              )}
              {order.driver && (
                <>
                  <h3>{t.driver}</h3>
                  <p>
                    {[order.driver.name, order.driver.phone, order.driver.vehicle]
                      .filter(Boolean)
                      .join(' · ') || t.assigned}
                  </p>
                </>
              )}
              {(order.deliveryStatus || order.streamStatus) && (
                <p>
                  Stream:{' '}
                  {[order.streamStatus, order.deliveryStatus]
                    .filter(Boolean)
                    .join(' · ')
                    .replace(/_/g, ' ')}
                </p>
              )}
              {(order.rejectCode || order.rejectReason) && (
                <p className="error-text">
                  {order.rejectCode ? rejectLabel(order.rejectCode).title + ': ' : ''}
                  {order.rejectReason}
                </p>
              )}
              <h3 id="detail-timeline">{t.timeline}</h3>
              <ol className="timeline" aria-labelledby="detail-timeline">
                {order.timeline.map((entry, i) => (
                  <li key={i}>
                    <time dateTime={new Date(entry.at).toISOString()}>
                      {clockTimeWithSeconds(entry.at)}
                    </time>{' '}
                    <strong>{timelineKind(entry.kind, currentLanguage())}</strong>{' '}
                    <span className="actor">{t.by(entry.actor)}</span>
                    {entry.detail && <span className="timeline__detail"> — {entry.detail}</span>}
                  </li>
                ))}
              </ol>
              <p className="muted">
                {t.received(clockTime(order.receivedAt))}
                {order.decidedAt && t.decided(clockTime(order.decidedAt), order.decidedBy ?? '?')}
              </p>
            </section>
          </div>
        </div>
      )}
    </Modal>
  );
}

/** Every address shape (shared/address.ts): street, unit, town, country. */
function formatAddress(address: Record<string, unknown>): string {
  const lines = addressText(address);
  return lines.length ? lines.join(', ') : JSON.stringify(address);
}
