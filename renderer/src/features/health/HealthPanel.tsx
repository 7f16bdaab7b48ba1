// Is everything working? The connector's own report (`GET /api/health`), the push channel, the
// clock difference to the server, and a sound check, in words a shift manager understands.
import { useCallback, useEffect, useState } from 'react';
import type { Health } from '../../../../shared/contract.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { explain } from '../orders/actions.js';
import { clockTime, duration } from '../orders/format.js';
import { OutboxPanel } from './OutboxPanel.js';
import { PosHealthTile } from './PosHealthTile.js';

const REFRESH_MS = 5_000;

export function HealthPanel({ now }: { now: number }) {
  const { api, connection, clock, sound, settings } = useServices();
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Counts refreshes, so the tiles that ask their own calls refresh with the rest. */
  const [tick, setTick] = useState(0);
  const push = useObservable(connection);
  const soundState = useObservable({ get: sound.getState, subscribe: sound.subscribe });
  const prefs = useObservable(settings);

  const refresh = useCallback(() => {
    api.getHealth().then(
      (h) => {
        setHealth(h);
        setError(null);
        setTick((t) => t + 1);
      },
      (err: unknown) => setError(explain(err)),
    );
  }, [api]);
  useEffect(() => {
    refresh();
    const id = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(id);
  }, [refresh]);

  const offset = clock.offset();
  return (
    <section className="health" aria-labelledby="health-title">
      <h2 id="health-title" className="lane__title">
        Health{' '}
        {health && (
          <span
            className={`status-chip status-chip--${health.status === 'ok' ? 'completed' : 'canceled'}`}
            data-testid="health-status"
          >
            {health.status === 'ok' ? 'All good' : 'Needs attention'}
          </span>
        )}
      </h2>
      {error && <p className="error-text">Cannot reach the connector: {error}</p>}
      {health && health.problems.length > 0 && (
        <ul className="problems">
          {health.problems.map((p) => (
            <li key={p}>
              <Icon name="warning" /> {p}
            </li>
          ))}
        </ul>
      )}
      <div className="health__grid">
        <div className="tile">
          <h3>This screen</h3>
          <p>
            Live updates: <Mark ok={push === 'open'} />{' '}
            {push === 'open' ? 'connected' : push === 'lost' ? 'lost, reconnecting' : 'connecting…'}
          </p>
          <p>
            Sound: <Mark ok={soundState === 'ready'} />{' '}
            {soundState === 'ready'
              ? 'on'
              : soundState === 'blocked'
                ? 'blocked until someone taps'
                : soundState === 'unavailable'
                  ? 'unavailable'
                  : 'loading…'}
          </p>
          <p>
            Clock difference to the connector:{' '}
            {Math.abs(offset) < 1000 ? 'under 1 s' : `${(offset / 1000).toFixed(1)} s`}
          </p>
          <div className="tile__buttons">
            <button
              type="button"
              className="button button--ghost"
              onClick={() => (sound.unlock(), sound.play('new-order'))}
            >
              Test new-order sound
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => (sound.unlock(), sound.play('urgent'))}
            >
              Test urgent sound
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => (sound.unlock(), sound.play('cancel'))}
            >
              Test cancel sound
            </button>
          </div>
        </div>
        {health && (
          <>
            <div className="tile">
              <h3>Store</h3>
              <p>
                <strong>{health.location.name}</strong> ({health.location.id})
              </p>
              <p>
                Acceptance:{' '}
                {health.acceptanceMode === 'manual' ? 'staff accept each order' : 'automatic'}
              </p>
              <p>
                Orders waiting: <strong>{health.orders.pending}</strong> · open:{' '}
                <strong>{health.orders.open}</strong>
              </p>
              <p>
                Running for {duration(now - health.startedAt)} · version {health.version}
              </p>
            </div>
            <div className="tile">
              <h3>Stream</h3>
              <p>
                Last contact:{' '}
                {health.outbox.lastStreamContactAt
                  ? `${clockTime(health.outbox.lastStreamContactAt)} (${duration(now - health.outbox.lastStreamContactAt)} ago)`
                  : 'never'}
              </p>
              <p>
                Messages waiting to send: <strong>{health.outbox.pending}</strong>
              </p>
              <p>
                Failed for good:{' '}
                <strong className={health.outbox.dead ? 'error-text' : ''}>
                  {health.outbox.dead}
                </strong>
              </p>
              <p>
                Listener security: token <Mark ok={health.streamAuth.bearer} /> · signature{' '}
                <Mark ok={health.streamAuth.signature} />
              </p>
            </div>
            <div className="tile">
              <h3>Menu</h3>
              <p>
                {health.catalog.loaded
                  ? `${health.catalog.objects} menu entries, loaded ${health.catalog.loadedAt ? clockTime(health.catalog.loadedAt) : ''}`
                  : 'No menu loaded: orders cannot be checked against it'}
              </p>
            </div>
          </>
        )}
        <PosHealthTile refreshKey={tick} />
        <OutboxPanel />
        <div className="tile">
          <h3>This counter</h3>
          <label className="field">
            <span>Cashier name (shown in the order timeline)</span>
            <input
              value={prefs.cashierName}
              maxLength={40}
              onChange={(e) => settings.update({ cashierName: e.target.value })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={prefs.largeText}
              onChange={(e) => settings.update({ largeText: e.target.checked })}
            />{' '}
            Large text
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={prefs.theme === 'light'}
              onChange={(e) => settings.update({ theme: e.target.checked ? 'light' : 'dark' })}
            />{' '}
            Light theme (for bright rooms)
          </label>
        </div>
      </div>
    </section>
  );
}

/** A tick or a cross with its meaning in words for screen readers. */
function Mark({ ok }: { ok: boolean }) {
  return (
    <span className={ok ? 'mark mark--ok' : 'mark mark--bad'}>
      <Icon name={ok ? 'check' : 'cross'} />
      <span className="visually-hidden">{ok ? 'yes' : 'no'}</span>
    </span>
  );
}
