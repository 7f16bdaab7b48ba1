// Is everything working? The connector's own report (`GET /api/health`), the push channel, the
// clock difference to the server, and a sound check, in words a shift manager understands.
import { useCallback, useEffect, useState } from 'react';
import type { Health } from '../../../../shared/contract.js';
import { useObservable, useServices } from '../../app/hooks.js';
import { Icon } from '../../app/Icon.js';
import { intlLocale, LANGUAGES, type Language } from '../../i18n/language.js';
import { texts } from '../../i18n/texts.js';
import { explain } from '../../ui/explain.js';
import { clockTime, duration } from '../../ui/format.js';
import { ProblemList } from './HealthBanner.js';
import { OutboxPanel } from './OutboxPanel.js';
import { screenProblems } from './problems.js';
import { PosHealthTile } from './PosHealthTile.js';
import { StreamConnectionPanel } from '../stream-connection/StreamConnectionPanel.js';
import { HEALTH } from './texts.js';

const REFRESH_MS = 5_000;

export function HealthPanel({ now }: { now: number }) {
  const t = texts(HEALTH);
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
  const problems = screenProblems(health?.problems ?? [], soundState, now);
  return (
    <section className="health" aria-labelledby="health-title">
      <h2 id="health-title" className="lane__title">
        {t.title}{' '}
        {health && (
          <span
            className={`status-chip status-chip--${problems.length ? 'canceled' : 'completed'}`}
            data-testid="health-status"
          >
            {problems.length ? t.needsAttention : t.allGood}
          </span>
        )}
      </h2>
      {error && <p className="error-text">{t.unreachable(error)}</p>}
      {problems.length > 0 && <ProblemList problems={problems} />}
      <div className="health__grid">
        <div className="tile">
          <h3>{t.thisScreen}</h3>
          <p>
            {t.liveUpdates} <Mark ok={push === 'open'} />{' '}
            {push === 'open' ? t.push.open : push === 'lost' ? t.push.lost : t.push.connecting}
          </p>
          <p>
            {t.sound} <Mark ok={soundState === 'ready'} />{' '}
            {soundState === 'ready'
              ? t.soundState.ready
              : soundState === 'blocked'
                ? t.soundState.blocked
                : soundState === 'unavailable'
                  ? t.soundState.unavailable
                  : t.soundState.loading}
          </p>
          <p>
            {t.clockDifference}{' '}
            {Math.abs(offset) < 1000
              ? t.underOneSecond
              : t.seconds(
                  (offset / 1000).toLocaleString(intlLocale(), {
                    minimumFractionDigits: 1,
                    maximumFractionDigits: 1,
                    useGrouping: false,
                  }),
                )}
          </p>
          <div className="tile__buttons">
            <button
              type="button"
              className="button button--ghost"
              onClick={() => (sound.unlock(), sound.play('new-order'))}
            >
              {t.testNewOrder}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => (sound.unlock(), sound.play('urgent'))}
            >
              {t.testUrgent}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => (sound.unlock(), sound.play('cancel'))}
            >
              {t.testCancel}
            </button>
          </div>
        </div>
        {health && (
          <>
            <div className="tile">
              <h3>{t.store}</h3>
              <p>
                <strong>{health.location.name}</strong> ({health.location.id})
              </p>
              <p>
                {t.acceptance} {health.acceptanceMode === 'manual' ? t.acceptManual : t.acceptAuto}
              </p>
              <p>
                {t.ordersWaiting} <strong>{health.orders.pending}</strong> · {t.ordersOpen}{' '}
                <strong>{health.orders.open}</strong>
              </p>
              <p>{t.running(duration(now - health.startedAt), health.version)}</p>
            </div>
            <div className="tile">
              <h3>{t.stream}</h3>
              <p>
                {t.lastContact}{' '}
                {health.outbox.lastStreamContactAt
                  ? t.contactAgo(
                      clockTime(health.outbox.lastStreamContactAt),
                      duration(now - health.outbox.lastStreamContactAt),
                    )
                  : t.never}
              </p>
              <p>
                {t.messagesWaiting} <strong>{health.outbox.pending}</strong>
              </p>
              <p>
                {t.failedForGood}{' '}
                <strong className={health.outbox.dead ? 'error-text' : ''}>
                  {health.outbox.dead}
                </strong>
              </p>
              <p>
                {t.listenerToken} <Mark ok={health.streamAuth.bearer} /> · {t.listenerSignature}{' '}
                <Mark ok={health.streamAuth.signature} />
              </p>
            </div>
            <div className="tile">
              <h3>{t.menu}</h3>
              <p>
                {health.catalog.loaded
                  ? t.menuLoaded(
                      health.catalog.objects,
                      health.catalog.loadedAt ? clockTime(health.catalog.loadedAt) : '',
                    )
                  : t.noMenu}
              </p>
            </div>
          </>
        )}
        <PosHealthTile refreshKey={tick} />
        <StreamConnectionPanel refreshKey={tick} now={now} />
        <OutboxPanel />
        <div className="tile">
          <h3>{t.thisCounter}</h3>
          <label className="field">
            <span>{t.cashierName}</span>
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
            {t.largeText}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={prefs.theme === 'light'}
              onChange={(e) => settings.update({ theme: e.target.checked ? 'light' : 'dark' })}
            />{' '}
            {t.lightTheme}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={prefs.skipPreparing}
              data-testid="skip-preparing"
              onChange={(e) => settings.update({ skipPreparing: e.target.checked })}
            />{' '}
            {t.skipPreparing}
          </label>
          <label className="field">
            <span>{t.language}</span>
            {/* Each language named in itself, so whoever reads it finds their own. */}
            <select
              value={prefs.language}
              data-testid="language"
              onChange={(e) => settings.update({ language: e.target.value as Language })}
            >
              {(Object.entries(LANGUAGES) as [Language, string][]).map(([code, name]) => (
                <option key={code} value={code} lang={code}>
                  {name}
                </option>
              ))}
            </select>
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
      <span className="visually-hidden">{ok ? texts(HEALTH).yes : texts(HEALTH).no}</span>
    </span>
  );
}
