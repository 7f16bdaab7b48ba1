// The flags that change what staff must do with an order, as words in boxes (never colour alone).
import type { OrderSummary } from '../../../../shared/order.js';
import { Icon } from '../../app/Icon.js';
import { requestedTime } from './format.js';

export function OrderBadges({ order, now }: { order: OrderSummary; now: number }) {
  const when = requestedTime(order.requestedFor, now);
  return (
    <span className="badges">
      {order.isFuture && (
        <span className="badge badge--future" title="Scheduled for later">
          <Icon name="clock" /> FUTURE{when ? ` · ${when}` : ''}
        </span>
      )}
      {order.unpaid && (
        <span className="badge badge--unpaid" title="Collect payment">
          <Icon name="cash" /> UNPAID · collect payment
        </span>
      )}
    </span>
  );
}
