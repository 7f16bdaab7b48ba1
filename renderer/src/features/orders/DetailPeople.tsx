// The detail's right column: who the order is for and how to reach them, where it goes (either
// address shape Stream sends, shared/address.ts), the driver, what Stream last said, a refusal's
// reason, and the timeline of who did what.
import { addressText } from '../../../../shared/address.js';
import type { OrderDetail } from '../../../../shared/order.js';
import { useLanguage } from '../../i18n/context.js';
import { useTexts } from '../../i18n/context.js';
import { clockTime, clockTimeWithSeconds } from '../../ui/format.js';
import { rejectLabel } from '../../ui/labels.js';
import { DETAIL, timelineKind } from './texts.js';

export function DetailPeople({ order }: { order: OrderDetail }) {
  const t = useTexts(DETAIL);
  const language = useLanguage();
  // Every address shape Stream sends; one we cannot read is shown as sent rather than hidden.
  const address = order.deliveryAddress ? addressText(order.deliveryAddress) : [];
  if (order.deliveryAddress && !address.length) address.push(JSON.stringify(order.deliveryAddress));
  return (
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
      {address.length > 0 && (
        <>
          <h3>{t.deliverTo}</h3>
          <address>{address.join(', ')}</address>
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
          {order.rejectCode ? rejectLabel(order.rejectCode, language).title + ': ' : ''}
          {order.rejectReason}
        </p>
      )}
      <h3 id="detail-timeline">{t.timeline}</h3>
      <ol className="timeline" aria-labelledby="detail-timeline">
        {order.timeline.map((entry, i) => (
          <li key={i}>
            <time dateTime={new Date(entry.at).toISOString()}>
              {clockTimeWithSeconds(entry.at, language)}
            </time>{' '}
            <strong>{timelineKind(entry.kind, language)}</strong>{' '}
            <span className="actor">{t.by(entry.actor)}</span>
            {entry.detail && <span className="timeline__detail"> — {entry.detail}</span>}
          </li>
        ))}
      </ol>
      <p className="muted">
        {t.received(clockTime(order.receivedAt, language))}
        {order.decidedAt && t.decided(clockTime(order.decidedAt, language), order.decidedBy ?? '?')}
      </p>
    </section>
  );
}
