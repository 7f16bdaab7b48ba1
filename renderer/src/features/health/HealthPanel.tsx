// Is everything working? The connector's own report (`GET /api/health`), the push channel, the
// clock difference to the server, and a sound check, in words a shift manager understands.
// State in use-health.ts; the tiles in HealthTiles.tsx.
import { useObservable, useServices } from '../../app/hooks.js';
import { useTexts } from '../../i18n/context.js';
import { StreamConnectionPanel } from '../stream-connection/StreamConnectionPanel.js';
import { ProblemList } from './HealthBanner.js';
import { MenuTile, StoreTile, StreamTile, ThisCounterTile, ThisScreenTile } from './HealthTiles.js';
import { OutboxPanel } from './OutboxPanel.js';
import { PosHealthTile } from './PosHealthTile.js';
import { screenProblems } from './problems.js';
import { HEALTH } from './texts.js';
import { useHealth } from './use-health.js';

export function HealthPanel({ now }: { now: number }) {
  const t = useTexts(HEALTH);
  const { sound } = useServices();
  const { health, error, tick } = useHealth();
  const soundState = useObservable({ get: sound.getState, subscribe: sound.subscribe });
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
        <ThisScreenTile />
        {health && (
          <>
            <StoreTile health={health} now={now} />
            <StreamTile health={health} now={now} />
            <MenuTile health={health} />
          </>
        )}
        <PosHealthTile refreshKey={tick} />
        <StreamConnectionPanel refreshKey={tick} now={now} />
        <OutboxPanel />
        <ThisCounterTile />
      </div>
    </section>
  );
}
