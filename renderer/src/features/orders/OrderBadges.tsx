// The flags that change what staff must do with an order, as words in boxes (never colour alone).
import type { OrderSummary } from '../../../../shared/order.js';
import { Icon } from '../../app/Icon.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { requestedTime } from '../../ui/format.js';
import { CARD } from './texts.js';

export function OrderBadges({ order, now }: { order: OrderSummary; now: number }) {
  const language = useLanguage();
  const when = requestedTime(order.requestedFor, now, language);
  const t = useTexts(CARD);
  return (
    <span className="badges">
      {order.isFuture && (
        <span className="badge badge--future" title={t.futureTitle}>
          <Icon name="clock" /> {t.future}
          {when ? ` · ${when}` : ''}
        </span>
      )}
      {order.unpaid && (
        <span className="badge badge--unpaid" title={t.unpaidTitle}>
          <Icon name="cash" /> {t.unpaid}
        </span>
      )}
    </span>
  );
}
