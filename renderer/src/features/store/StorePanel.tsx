// Store controls: is the store taking orders, pause / resume with quick durations, busy mode
// (extra prep minutes), and the 86 list with search, timers and restore. Pause, resume and 86
// need the manager PIN; the core says which (the contract's `manager: true`).
import { DeliveryBadge } from '../delivery/DeliveryState.js';
import { useState } from 'react';
import type { StoreStatus } from '../../../../shared/store.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { explain } from '../../ui/explain.js';
import { storeDayTime } from '../../ui/format.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { useManagerAction } from '../../ui/ManagerPin.js';
import { ChoiceChips } from '../../ui/ChoiceChips.js';
import { PinSetupPanel } from './PinSetupPanel.js';
import { usePinStatus } from './use-pin-status.js';
import { SoldOutPanel } from './SoldOutPanel.js';
import { STORE_TEXTS } from './texts.js';
import type { Language } from '../../i18n/language.js';

type StoreTexts = (typeof STORE_TEXTS)['en'];

const PAUSES: {
  label: (t: StoreTexts) => string;
  request: { minutes?: number; restOfDay?: true };
}[] = [
  { label: (t) => t.pauseFor.minutes(15), request: { minutes: 15 } },
  { label: (t) => t.pauseFor.minutes(30), request: { minutes: 30 } },
  { label: (t) => t.pauseFor.hour, request: { minutes: 60 } },
  { label: (t) => t.pauseFor.restOfDay, request: { restOfDay: true } },
  { label: (t) => t.pauseFor.untilResumed, request: {} },
];
const REASONS = ['tooBusy', 'kitchen', 'staff', 'closingEarly'] as const;
const BUSY_STEPS = [10, 20, 30];

export function StorePanel({ now }: { now: number }) {
  const language = useLanguage();
  const { api, storeStatus, notify } = useServices();
  const status = useObservable(storeStatus);
  const withPin = useManagerAction();
  const [reason, setReason] = useState<(typeof REASONS)[number]>(REASONS[0]);
  const t = useTexts(STORE_TEXTS);
  const [busy, setBusy] = useState(false);
  const pinStatus = usePinStatus();

  const act = async (what: string, action: () => Promise<StoreStatus | null>): Promise<void> => {
    setBusy(true);
    try {
      const next = await action();
      if (next) {
        storeStatus.offer(next);
        notify('info', what);
      }
    } catch (err) {
      notify('error', t.failed(what, explain(err, language)));
    } finally {
      setBusy(false);
    }
  };

  if (!status) return <p className="lane__empty">{t.loading}</p>;
  const paused = status.state === 'paused';
  return (
    <section className="store" aria-labelledby="store-title">
      <h2 id="store-title" className="lane__title">
        {t.title}
      </h2>
      {pinStatus && !pinStatus.isSet && <PinSetupPanel />}
      <div className={`store__state store__state--${status.state}`} data-testid="store-state">
        <Icon name={status.acceptingOrders ? 'check' : 'stop'} size="1.6em" />
        <div>
          <p className="store__headline">{headline(status, t, now, language)}</p>
          {status.stream?.outbox ? (
            <p>
              {status.stream.delivery === 'delivered' && streamLine(status, t)}{' '}
              <DeliveryBadge delivery={status.stream.outbox} now={now} withKind={false} />
            </p>
          ) : (
            <p>{streamLine(status, t)}</p>
          )}
        </div>
        {paused && (
          <button
            type="button"
            className="button button--accept"
            disabled={busy}
            onClick={() =>
              void act(t.resumed, () =>
                withPin(t.resumePrompt, (pin) => api.resumeStore({}, { managerPin: pin })),
              )
            }
          >
            {t.resume}
          </button>
        )}
      </div>

      <div className="store__grid">
        <div className="tile">
          <h3>{t.pauseTitle}</h3>
          <ChoiceChips
            options={REASONS}
            picked={reason}
            onPick={setReason}
            legend={t.reason}
            label={(r) => t.reasons[r]}
          />
          <div className="choice-row">
            {PAUSES.map((p) => (
              <button
                key={p.label(t)}
                type="button"
                className="button button--reject"
                disabled={busy}
                onClick={() =>
                  void act(t.paused(p.label(t)), () =>
                    withPin(t.pausePrompt(p.label(t)), (pin) =>
                      api.pauseStore(
                        { ...p.request, reason: t.reasons[reason] },
                        { managerPin: pin },
                      ),
                    ),
                  )
                }
              >
                {p.label(t)}
              </button>
            ))}
          </div>
        </div>
        <div className="tile">
          <h3>{t.busyTitle}</h3>
          <p>
            {t.prepBefore}{' '}
            <strong data-testid="store-prep">{t.prepMinutes(status.prepTimeMinutes)}</strong>
            {t.prepAfter(
              status.busy ? status.busy.extraMinutes : null,
              status.busy?.until ? storeDayTime(status.busy.until, now, language) : null,
            )}
          </p>
          <div className="choice-row">
            {BUSY_STEPS.map((m) => (
              <button
                key={m}
                type="button"
                className={`button button--ghost${status.busy?.extraMinutes === m ? ' is-picked' : ''}`}
                aria-pressed={status.busy?.extraMinutes === m}
                disabled={busy}
                onClick={() =>
                  void act(t.busySet(m), () => api.setBusyMode({ extraMinutes: m, minutes: 60 }))
                }
              >
                {t.busyStep(m)}
              </button>
            ))}
            <button
              type="button"
              className="button button--ghost"
              disabled={busy || !status.busy}
              onClick={() => void act(t.busyOff, () => api.setBusyMode({ extraMinutes: 0 }))}
            >
              {t.off}
            </button>
          </div>
        </div>
      </div>
      <SoldOutPanel now={now} />
    </section>
  );
}

function headline(status: StoreStatus, t: StoreTexts, now: number, language: Language): string {
  if (status.state === 'open') return t.headline.open;
  if (status.state === 'closed')
    return t.headline.closed(
      status.reopensAt ? storeDayTime(status.reopensAt, now, language) : null,
    );
  return t.headline.paused(
    status.pause?.until ? storeDayTime(status.pause.until, now, language) : null,
    status.pause?.reason ? status.pause.reason : null,
  );
}

function streamLine(status: StoreStatus, t: StoreTexts): string {
  const s = status.stream;
  if (!s) return t.stream.untold;
  if (s.delivery === 'delivered') return t.stream.confirmed(s.status === 'active');
  if (s.delivery === 'failed') return t.stream.failed(s.lastError);
  return t.stream.telling(s.attempts);
}
