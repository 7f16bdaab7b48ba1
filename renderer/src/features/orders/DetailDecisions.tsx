// The detail's decisions, the same as the board's: accept (with the prep time) or reject while the
// order waits, then its next step and the staff cancel while it is in progress.
import type { OrderDetail } from '../../../../shared/order.js';
import { useTexts } from '../../i18n/context.js';
import type { OrderActions } from './actions.js';
import { useBoardUi } from './board-ui.js';
import { CancelControl } from './CancelControl.js';
import { Countdown } from './Countdown.js';
import { PrepStepper } from './PrepStepper.js';
import { CARD } from './texts.js';
import { useNextStep } from './use-next-step.js';

interface Props {
  order: OrderDetail;
  now: number;
  actions: OrderActions;
  defaultPrep: number;
}

export function DetailDecisions({ order, now, actions, defaultPrep }: Props) {
  const ui = useBoardUi();
  const step = useNextStep()(order);
  const busy = actions.busy.has(order.id);
  const prep = ui.prepFor(order.id, order.prepTimeMinutes ?? defaultPrep);
  const t = useTexts(CARD);
  if (order.status === 'pending')
    return (
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
          value={prep}
          onChange={(m) => ui.setPrep(order.id, m)}
          idPrefix={`detail-${order.id}`}
        />
        <button
          type="button"
          className="button button--accept"
          disabled={busy}
          onClick={() => void actions.accept(order.id, prep)}
        >
          {t.accept}
        </button>
        <button
          type="button"
          className="button button--reject"
          onClick={() => ui.openReject(order.id)}
        >
          {t.reject}
        </button>
      </div>
    );
  if (!step) return null;
  return (
    <div className="detail__decide">
      <button
        type="button"
        className="button button--step"
        disabled={busy}
        onClick={() => void actions.setStatus(order.id, step.status)}
      >
        {step.label}
      </button>
      <CancelControl busy={busy} onCancel={(reason) => void actions.cancel(order.id, reason)} />
    </div>
  );
}
