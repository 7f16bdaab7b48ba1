// Messages to Stream: what is waiting to be sent (the backlog) and what Stream refused for good
// (dead letters), each dead one with a Replay button. Refreshed by push events and every few
// seconds while open.
import { useCallback, useEffect, useState } from 'react';
import type { OutboxEvent } from '../../../../shared/outbox.js';
import { useServices } from '../../app/hooks.js';
import { explain } from '../orders/actions.js';
import { clockTimeWithSeconds } from '../orders/format.js';

const REFRESH_MS = 5_000;

export function OutboxPanel() {
  const { api, notify, onPush } = useServices();
  const [backlog, setBacklog] = useState<OutboxEvent[]>([]);
  const [dead, setDead] = useState<OutboxEvent[]>([]);

  const refresh = useCallback(() => {
    api.listOutboxEvents({ state: 'backlog', limit: 50 }).then(
      (r) => setBacklog(r.events),
      () => undefined,
    );
    api.listOutboxEvents({ state: 'dead', limit: 50 }).then(
      (r) => setDead(r.events),
      () => undefined,
    );
  }, [api]);
  useEffect(() => {
    refresh();
    const id = setInterval(refresh, REFRESH_MS);
    const off = onPush((m) => {
      if (m.event === 'outbox.dead') refresh();
    });
    return () => {
      clearInterval(id);
      off();
    };
  }, [onPush, refresh]);

  const replay = async (event: OutboxEvent): Promise<void> => {
    try {
      await api.replayOutboxEvent({ id: event.id });
      notify('info', `Sending ${event.kind} again`);
      refresh();
    } catch (err) {
      notify('error', `Replay failed. ${explain(err)}`);
    }
  };

  return (
    <div className="tile outbox" data-testid="outbox-panel">
      <h3>Messages to Stream</h3>
      <p>
        Waiting to send: <strong>{backlog.length}</strong> · failed for good:{' '}
        <strong className={dead.length ? 'error-text' : ''}>{dead.length}</strong>
      </p>
      {dead.length > 0 && (
        <ul className="sold-out__list" aria-label="Messages Stream refused">
          {dead.map((e) => (
            <li key={e.id} className="sold-out__row" data-testid="dead-event">
              <strong>{e.kind}</strong>
              <span className="muted">
                order {e.orderingKey} · {e.attempts} tries · {e.lastStatus ?? 'no answer'}{' '}
                {e.lastError ?? ''}
              </span>
              <button
                type="button"
                className="button button--step button--small"
                onClick={() => void replay(e)}
              >
                Replay
              </button>
            </li>
          ))}
        </ul>
      )}
      {backlog.length > 0 && (
        <details>
          <summary>Waiting ({backlog.length})</summary>
          <ul>
            {backlog.map((e) => (
              <li key={e.id}>
                {e.kind} for {e.orderingKey} · {e.state} · {e.attempts} tries · next{' '}
                {clockTimeWithSeconds(e.nextAttemptAt)}
                {e.lastError ? ` · ${e.lastError}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
