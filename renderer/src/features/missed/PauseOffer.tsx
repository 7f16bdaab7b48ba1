// After `acceptance.missedOfferPauseAfter` missed orders within the window, the screen offers
// what the platforms would otherwise do to the store automatically: a pause (manager PIN) or busy
// mode. "Not now" hides it until the next missed order.
import { useState } from 'react';
import { useObservable, useServices } from '../../app/hooks.js';
import { texts } from '../../i18n/texts.js';
import { useManagerAction } from '../store/ManagerPin.js';
import { MISSED_TEXTS } from './texts.js';

const PAUSE_MINUTES = 30;
const BUSY_EXTRA_MINUTES = 15;

export function PauseOffer() {
  const { api, store, missed, notify } = useServices();
  const summary = useObservable(missed);
  const status = useObservable(store);
  const withPin = useManagerAction();
  const [hiddenAt, setHiddenAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const t = texts(MISSED_TEXTS).offer;
  const alreadyActed = !!status && (!status.acceptingOrders || !!status.busy);
  if (!summary?.offerPause || alreadyActed || hiddenAt === summary.today) return null;

  const act = async (done: string, action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    try {
      const result = await action();
      if (result) notify('info', done);
    } catch (err) {
      notify('error', t.failed((err as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pause-offer" role="alert" data-testid="pause-offer">
      <div className="pause-offer__words">
        <strong>{t.title(summary.recent, summary.windowMinutes)}</strong>
        <span>{t.body}</span>
      </div>
      <div className="pause-offer__actions">
        <button
          type="button"
          className="button button--reject"
          disabled={busy}
          onClick={() =>
            void act(t.paused, () =>
              withPin(t.pausePrompt, async (pin) => {
                const next = await api.pauseStore(
                  { minutes: PAUSE_MINUTES, reason: t.pauseReason },
                  { managerPin: pin },
                );
                store.offer(next);
                return next;
              }),
            )
          }
        >
          {t.pause}
        </button>
        <button
          type="button"
          className="button button--step"
          disabled={busy}
          onClick={() =>
            void act(t.busyOn, async () => {
              const next = await api.setBusyMode({
                extraMinutes: BUSY_EXTRA_MINUTES,
                minutes: 60,
                reason: t.pauseReason,
              });
              store.offer(next);
              return next;
            })
          }
        >
          {t.busy}
        </button>
        <button type="button" className="button" onClick={() => setHiddenAt(summary.today)}>
          {t.later}
        </button>
      </div>
    </div>
  );
}
