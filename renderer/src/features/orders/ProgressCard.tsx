// An accepted order on its way out, as a compact row: its number, when it is due, driver news
// from Stream, and one button that bumps it to its next step (the group title says its status).
import type { OrderSummary } from '../../../../shared/order.js';
import { FULFILLMENT_ICON, Icon } from '../../app/Icon.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { clockTime, duration } from '../../ui/format.js';
import { fulfillmentLabel, orderNumber, statusLabel, sourceName } from '../../ui/labels.js';
import type { NextStep } from './next-step.js';
import { useNextStep } from './use-next-step.js';
import { OrderDelivery } from '../delivery/DeliveryState.js';
import { OrderBadges } from './OrderBadges.js';
import { CARD } from './texts.js';

interface Props {
  order: OrderSummary;
  now: number;
  busy: boolean;
  /** The board's chosen card: Space or B bumps it to its next step (keyboard.ts). */
  selected: boolean;
  onSelect: () => void;
  onStep: (status: NextStep['status']) => void;
  onOpen: () => void;
}

export function ProgressCard({ order, now, busy, selected, onSelect, onStep, onOpen }: Props) {
  const language = useLanguage();
  const step = useNextStep()(order);
  const number = orderNumber(order);
  const t = useTexts(CARD);
  // Prep time counts from the decision, which lands seconds after receipt: close enough to plan by.
  const dueAt =
    order.prepTimeMinutes !== null ? order.receivedAt + order.prepTimeMinutes * 60_000 : null;
  const late =
    dueAt !== null &&
    now > dueAt &&
    order.status !== 'ready' &&
    order.status !== 'out_for_delivery';
  const driver = [order.deliveryStatus, order.streamStatus]
    .filter(Boolean)
    .join(' · ')
    .replace(/_/g, ' ');
  return (
    <article
      className={`progress-card status--${order.status}${selected ? ' is-selected' : ''}`}
      data-order-id={order.id}
      data-testid="progress-card"
      data-board-card
      tabIndex={-1}
      onPointerDown={onSelect}
      onFocus={onSelect}
    >
      <button
        type="button"
        className="progress-card__main"
        onClick={onOpen}
        aria-label={t.openDetails(
          statusLabel(order.status, language),
          `${sourceName(order.source, order.origin, language)} ${number}`,
        )}
      >
        <span className="progress-card__line">
          <strong className="order-number">{number}</strong>
          {dueAt !== null && (
            <span className={`progress-card__due${late ? ' is-late' : ''}`}>
              {late ? t.late(duration(now - dueAt)) : t.due(clockTime(dueAt, language))}
            </span>
          )}
        </span>
        <span className="progress-card__line progress-card__sub">
          <span className="source">{sourceName(order.source, order.origin, language)}</span>
          <span>
            <Icon name={FULFILLMENT_ICON[order.fulfillmentType]} />{' '}
            {fulfillmentLabel(order.fulfillmentType, language)}
          </span>
          {order.customerName && <span>{order.customerName}</span>}
        </span>
        {order.deliverTo && (
          <span
            className="progress-card__line progress-card__where"
            data-testid="card-deliver-to"
            title={order.deliverTo}
          >
            <Icon name="truck" /> {order.deliverTo}
          </span>
        )}
        {driver && (
          <span className="progress-card__line progress-card__driver">
            <Icon name="route" /> {t.driver} {driver}
          </span>
        )}
        <OrderBadges order={order} now={now} />
      </button>
      {step && (
        <button
          type="button"
          className="button button--step"
          disabled={busy}
          onClick={() => onStep(step.status)}
          aria-keyshortcuts={selected ? 'Space B' : undefined}
        >
          {step.label}
          {selected && <kbd aria-hidden="true">␣</kbd>}
        </button>
      )}
      <OrderDelivery order={order} now={now} short />
    </article>
  );
}
