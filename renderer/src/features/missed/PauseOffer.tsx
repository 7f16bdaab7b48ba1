// After `acceptance.missedOfferPauseAfter` missed orders within the window, the screen offers
// what the platforms would otherwise do to the store automatically: a pause (manager PIN) or busy
// mode. "Not now" hides it until the next missed order.
import { useState } from 'react';
import { useObservable, useServices } from '../../app/hooks.js';
import { useTexts } from '../../i18n/context.js';
import { useManagerAction } from '../../ui/ManagerPin.js';
import { ActionButton } from '../../ui/ActionButton.js';
import { useBusyAction } from '../../ui/use-busy-action.js';
import { MISSED_TEXTS } from './texts.js';

const PAUSE_MINUTES = 30;
const BUSY_EXTRA_MINUTES = 15;

export function PauseOffer() {
  const { api, storeStatus, missed, notify } = useServices();
  const summary = useObservable(missed);
  const status = useObservable(storeStatus);
  const withPin = useManagerAction();
  const [hiddenAt, setHiddenAt] = useState<number | null>(null);
  const t = useTexts(MISSED_TEXTS).offer;
  const { busy, run } = useBusyAction(t.failed);
  const alreadyActed = !!status && (!status.acceptingOrders || !!status.busy);
  if (!summary?.offerPause || alreadyActed || hiddenAt === summary.today) return null;

  const act = (done: string, action: () => Promise<unknown>): Promise<void> =>
    run(async () => {
      if (await action()) notify('info', done);
    });

  return (
    <div className="pause-offer" role="alert" data-testid="pause-offer">
      <div className="pause-offer__words">
        <strong>{t.title(summary.recent, summary.windowMinutes)}</strong>
        <span>{t.body}</span>
      </div>
      <div className="pause-offer__actions">
        <ActionButton
          kind="reject"
          busy={busy}
          onClick={() =>
            act(t.paused, () =>
              withPin(t.pausePrompt, async (pin) => {
                const next = await api.pauseStore(
                  { minutes: PAUSE_MINUTES, reason: t.pauseReason },
                  { managerPin: pin },
                );
                storeStatus.offer(next);
                return next;
              }),
            )
          }
        >
          {t.pause}
        </ActionButton>
        <ActionButton
          kind="step"
          busy={busy}
          onClick={() =>
            act(t.busyOn, async () => {
              const next = await api.setBusyMode({
                extraMinutes: BUSY_EXTRA_MINUTES,
                minutes: 60,
                reason: t.pauseReason,
              });
              storeStatus.offer(next);
              return next;
            })
          }
        >
          {t.busy}
        </ActionButton>
        <ActionButton onClick={() => setHiddenAt(summary.today)}>{t.later}</ActionButton>
      </div>
    </div>
  );
}
