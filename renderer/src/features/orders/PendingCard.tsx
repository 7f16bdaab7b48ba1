// A new order waiting for a decision: who it is from, what to cook (items, modifiers, notes),
// how long is left, and the two decisions, each one tap (or one key) away. Cards have one fixed
// height (fewer text rows when that shows one more row of them: use-whole-rows.ts) so a rush
// fills the screen with as many as fit (rush.test.ts counts them).
import type { OrderSummary } from '../../../../shared/order.js';
import { FULFILLMENT_ICON, Icon } from '../../app/Icon.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { CardKitchen } from './CardKitchen.js';
import { badgeRows } from './kitchen-rows.js';
import { Countdown } from './Countdown.js';
import { money } from '../../ui/format.js';
import { fulfillmentLabel, itemCount, orderNumber, sourceName } from '../../ui/labels.js';
import { OrderBadges } from './OrderBadges.js';
import { PrepStepper } from './PrepStepper.js';
import { CARD } from './texts.js';

interface Props {
  order: OrderSummary;
  now: number;
  prep: number;
  /** Text rows the card has for badges and what to cook (use-whole-rows.ts). */
  rows: number;
  selected: boolean;
  ringing: boolean;
  busy: boolean;
  onPrep: (minutes: number) => void;
  onAccept: () => void;
  onReject: () => void;
  onOpen: () => void;
  onSelect: () => void;
}

export function PendingCard({
  order,
  now,
  prep,
  rows,
  selected,
  ringing,
  busy,
  onPrep,
  onAccept,
  onReject,
  onOpen,
  onSelect,
}: Props) {
  const language = useLanguage();
  const number = orderNumber(order);
  const headingId = `order-${order.id}-heading`;
  const t = useTexts(CARD);
  return (
    <article
      className={`pending-card${selected ? ' is-selected' : ''}${ringing ? ' is-ringing' : ''}`}
      aria-labelledby={headingId}
      data-order-id={order.id}
      data-testid="pending-card"
      data-board-card
      // The chosen card is the board's one tab stop; the keys move the focus between cards.
      tabIndex={selected ? 0 : -1}
      onPointerDown={onSelect}
      onFocus={onSelect}
    >
      <div className="pending-card__top">
        {order.staffDeadlineAt !== null && (
          <Countdown
            deadlineAt={order.staffDeadlineAt}
            receivedAt={order.receivedAt}
            now={now}
            size={76}
          />
        )}
        <div className="pending-card__who">
          <h3 id={headingId} className="pending-card__title">
            <span className="order-number">{number}</span>{' '}
            <span className="source">{sourceName(order.source, order.origin, language)}</span>
          </h3>
          <p className="pending-card__what">
            {/* A delivery shows its street first on this one-line row (cut with … if long) so the
                card keeps its fixed height; the truck says "delivery" and the word stays for
                screen readers. The full street is in the title and the detail panel. */}
            {order.deliverTo ? (
              <span className="fulfillment" data-testid="card-deliver-to" title={order.deliverTo}>
                <Icon name={FULFILLMENT_ICON[order.fulfillmentType]} />{' '}
                <span className="visually-hidden">
                  {fulfillmentLabel(order.fulfillmentType, language)}:{' '}
                </span>
                {order.deliverTo}
              </span>
            ) : (
              <span className="fulfillment">
                <Icon name={FULFILLMENT_ICON[order.fulfillmentType]} />{' '}
                {fulfillmentLabel(order.fulfillmentType, language)}
              </span>
            )}
            {order.customerName && <span>{order.customerName}</span>}
          </p>
        </div>
        <div className="pending-card__total">
          {money(order.totalCents, order.currency, language)}
        </div>
      </div>
      <div className="pending-card__body">
        <OrderBadges order={order} now={now} />
        {order.kitchen ? (
          <CardKitchen kitchen={order.kitchen} rows={rows - badgeRows(order)} />
        ) : (
          <p>{itemCount(order.itemCount, language)}</p>
        )}
      </div>
      <div className="pending-card__actions">
        <PrepStepper value={prep} onChange={onPrep} idPrefix={order.id} />
        <button type="button" className="button button--ghost button--small" onClick={onOpen}>
          {t.details} <kbd aria-hidden="true">↵</kbd>
        </button>
        <button
          type="button"
          className="button button--accept"
          disabled={busy}
          onClick={onAccept}
          aria-keyshortcuts={selected ? 'A Space' : 'A'}
        >
          {t.accept} <kbd aria-hidden="true">A</kbd>
        </button>
        <button
          type="button"
          className="button button--reject"
          disabled={busy}
          onClick={onReject}
          aria-keyshortcuts="R"
        >
          {t.reject} <kbd aria-hidden="true">R</kbd>
        </button>
      </div>
    </article>
  );
}
