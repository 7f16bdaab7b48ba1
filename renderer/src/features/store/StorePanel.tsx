// Store controls: is the store taking orders, pause / resume with quick durations, busy mode
// (extra prep minutes), and the 86 list with search, timers and restore. Pause, resume and 86
// need the manager PIN; the core says which (the contract's `manager: true`).
import { useState } from 'react';
import type { StoreStatus } from '../../../../shared/store.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { explain } from '../orders/actions.js';
import { clockTime } from '../orders/format.js';
import { useManagerAction } from './ManagerPin.js';
import { SoldOutPanel } from './SoldOutPanel.js';

const PAUSES = [
  { label: '15 min', request: { minutes: 15 } },
  { label: '30 min', request: { minutes: 30 } },
  { label: '1 hour', request: { minutes: 60 } },
  { label: 'Rest of today', request: { restOfDay: true as const } },
  { label: 'Until I resume', request: {} },
];
const REASONS = ['Too busy', 'Kitchen problem', 'Short of staff', 'Closing early'];
const BUSY_STEPS = [10, 20, 30];

export function StorePanel({ now }: { now: number }) {
  const { api, store, notify } = useServices();
  const status = useObservable(store);
  const withPin = useManagerAction();
  const [reason, setReason] = useState(REASONS[0]!);
  const [busy, setBusy] = useState(false);

  const act = async (what: string, action: () => Promise<StoreStatus | null>): Promise<void> => {
    setBusy(true);
    try {
      const next = await action();
      if (next) {
        store.set(next);
        notify('info', what);
      }
    } catch (err) {
      notify('error', `${what} failed. ${explain(err)}`);
    } finally {
      setBusy(false);
    }
  };

  if (!status) return <p className="lane__empty">Loading the store's status…</p>;
  const paused = status.state === 'paused';
  return (
    <section className="store" aria-labelledby="store-title">
      <h2 id="store-title" className="lane__title">
        Store
      </h2>
      <div className={`store__state store__state--${status.state}`} data-testid="store-state">
        <Icon name={status.acceptingOrders ? 'check' : 'stop'} size="1.6em" />
        <div>
          <p className="store__headline">{headline(status)}</p>
          <p>{streamLine(status)}</p>
        </div>
        {paused && (
          <button
            type="button"
            className="button button--accept"
            disabled={busy}
            onClick={() =>
              void act('Store resumed', () =>
                withPin('Resume taking orders', (pin) => api.resumeStore({}, { managerPin: pin })),
              )
            }
          >
            Resume orders
          </button>
        )}
      </div>

      <div className="store__grid">
        <div className="tile">
          <h3>Pause new orders</h3>
          <fieldset className="choice-row">
            <legend>Reason</legend>
            {REASONS.map((r) => (
              <button
                key={r}
                type="button"
                className={`chip${reason === r ? ' is-picked' : ''}`}
                aria-pressed={reason === r}
                onClick={() => setReason(r)}
              >
                {r}
              </button>
            ))}
          </fieldset>
          <div className="choice-row">
            {PAUSES.map((p) => (
              <button
                key={p.label}
                type="button"
                className="button button--reject"
                disabled={busy}
                onClick={() =>
                  void act(`Store paused (${p.label.toLowerCase()})`, () =>
                    withPin(`Pause orders: ${p.label.toLowerCase()}`, (pin) =>
                      api.pauseStore({ ...p.request, reason }, { managerPin: pin }),
                    ),
                  )
                }
              >
                {p.label}
              </button>
            ))}
          </div>
        </div>
        <div className="tile">
          <h3>Busy mode</h3>
          <p>
            New orders are quoted{' '}
            <strong data-testid="store-prep">{status.prepTimeMinutes} min</strong> prep time
            {status.busy
              ? ` (+${status.busy.extraMinutes} min busy${status.busy.until ? ` until ${clockTime(status.busy.until)}` : ''})`
              : ''}
            .
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
                  void act(`Busy mode: +${m} min`, () =>
                    api.setBusyMode({ extraMinutes: m, minutes: 60 }),
                  )
                }
              >
                +{m} min for 1 h
              </button>
            ))}
            <button
              type="button"
              className="button button--ghost"
              disabled={busy || !status.busy}
              onClick={() => void act('Busy mode off', () => api.setBusyMode({ extraMinutes: 0 }))}
            >
              Off
            </button>
          </div>
        </div>
      </div>
      <SoldOutPanel now={now} />
    </section>
  );
}

function headline(status: StoreStatus): string {
  if (status.state === 'open') return 'OPEN — taking orders';
  if (status.state === 'closed')
    return `CLOSED by opening hours${status.reopensAt ? ` — opens ${clockTime(status.reopensAt)}` : ''}`;
  const until = status.pause?.until
    ? `until ${clockTime(status.pause.until)}`
    : 'until someone resumes';
  return `PAUSED ${until}${status.pause?.reason ? ` — ${status.pause.reason}` : ''}`;
}

function streamLine(status: StoreStatus): string {
  const s = status.stream;
  if (!s) return 'Stream has not been told anything yet.';
  if (s.delivery === 'delivered')
    return `Stream confirmed: ${s.status === 'active' ? 'open' : 'paused'}.`;
  if (s.delivery === 'failed')
    return `Stream was NOT told (${s.lastError ?? 'failed'}). Check Health.`;
  return `Telling Stream… (attempt ${s.attempts})`;
}
