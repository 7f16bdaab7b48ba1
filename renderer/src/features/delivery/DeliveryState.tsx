// Whether Stream has an answer staff gave, from its outbox row (shared/delivery.ts): sent ✓ with
// the time, sending with the attempt and the next try, or NOT received by Stream with a Retry.
// Cards, the order detail and the Store screen all show it with these components.
import { useState } from 'react';
import { acceptAtRisk, deliveryView, type Delivery } from '../../../../shared/delivery.js';
import type { OrderSummary } from '../../../../shared/order.js';
import { useServices } from '../../app/hooks.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { clockTimeWithSeconds } from '../../ui/format.js';
import { DELIVERY_TEXTS } from './texts.js';

type Words = (typeof DELIVERY_TEXTS)['en'];

function kindLabel(kind: string, t: Words): string {
  return (t.kind as Record<string, string>)[kind] ?? t.kind.other;
}

/** One event's state in one line; with `withKind`, which answer it was ("Accept: …"). */
export function DeliveryBadge({
  delivery,
  now,
  withKind = true,
}: {
  delivery: Delivery;
  now: number;
  withKind?: boolean;
}) {
  const language = useLanguage();
  const t = useTexts(DELIVERY_TEXTS);
  const view = deliveryView(delivery, now);
  const kind = withKind ? `${kindLabel(delivery.kind, t)}: ` : '';
  let words: string;
  let detail: string | null = null;
  if (view.state === 'sent')
    words = (view.late ? t.sentLate : t.sent)(clockTimeWithSeconds(view.at, language));
  else if (view.state === 'withdrawn') {
    words = t.withdrawn;
    detail = t.withdrawnTodo;
  } else if (view.state === 'sending')
    words = t.sending(view.attempts, Math.max(0, Math.ceil((view.nextTryAt - now) / 1000)));
  else {
    words = t.notReceived;
    const error = view.lastError ?? t.noError;
    detail =
      view.why === 'late'
        ? t.why.late
        : view.why === 'refused'
          ? t.why.refused(error)
          : t.why.stuck(view.attempts, error);
  }
  const tone = view.state === 'sent' && view.late ? 'failed' : view.state;
  return (
    <span
      className={`delivery delivery--${tone}`}
      data-testid="delivery-state"
      data-state={view.state}
    >
      <span className="delivery__words">
        {kind}
        {words}
      </span>
      {detail && <span className="delivery__detail">{detail}</span>}
      {view.state === 'failed' && delivery.state !== 'sent' && (
        <RetryButton eventId={delivery.eventId} />
      )}
    </span>
  );
}

function RetryButton({ eventId }: { eventId: string }) {
  const { api, notify } = useServices();
  const [busy, setBusy] = useState(false);
  const t = useTexts(DELIVERY_TEXTS);
  return (
    <button
      type="button"
      className="button delivery__retry"
      disabled={busy}
      onClick={(e) => {
        e.stopPropagation(); // a card's own tap opens its details
        setBusy(true);
        api.replayOutboxEvent({ id: eventId }).then(
          () => {
            setBusy(false);
            notify('info', t.retrying);
          },
          (err: unknown) => {
            setBusy(false);
            notify('error', t.retryFailed((err as Error).message));
          },
        );
      }}
    >
      {t.retry}
    </button>
  );
}

/** The red warning for an accept Stream did not get inside its window; `short` on a row in
 * progress (a Stream outage turns every row red, and at 1024 px the whole text made each row
 * taller than the lane): the order's details say the rest. */
export function AcceptAtRisk({
  delivery,
  now,
  short = false,
}: {
  delivery: Delivery | null;
  now: number;
  short?: boolean;
}) {
  const t = useTexts(DELIVERY_TEXTS).atRisk;
  if (!acceptAtRisk(delivery, now)) return null;
  return (
    <div className="accept-at-risk" role="alert" data-testid="accept-at-risk">
      <strong>{t.title}</strong>
      {short ? (
        <span>{t.short}</span>
      ) : (
        <>
          <span>{t.body}</span>
          <span className="accept-at-risk__todo">{t.todo}</span>
        </>
      )}
    </div>
  );
}

/** The order detail: every message about the order to Stream, oldest first. */
export function DeliveryList({ deliveries, now }: { deliveries: Delivery[]; now: number }) {
  const t = useTexts(DELIVERY_TEXTS);
  if (!deliveries.length) return null;
  const accept = deliveries.find((d) => d.kind === 'order.accepted') ?? null;
  return (
    <section className="delivery-list" aria-labelledby="detail-deliveries">
      <AcceptAtRisk delivery={accept} now={now} />
      <h3 id="detail-deliveries">{t.listTitle}</h3>
      <ul>
        {deliveries.map((d) => (
          <li key={d.eventId}>
            <DeliveryBadge delivery={d} now={now} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A card's line: the order's delivery state (and the red warning for an accept at risk). */
export function OrderDelivery({
  order,
  now,
  short = false,
}: {
  order: OrderSummary;
  now: number;
  short?: boolean;
}) {
  if (!order.delivery) return null;
  return (
    <div className="order-delivery">
      <AcceptAtRisk delivery={order.delivery} now={now} short={short} />
      <DeliveryBadge delivery={order.delivery} now={now} />
    </div>
  );
}
