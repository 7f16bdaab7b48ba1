// Messages to Stream: what is waiting to be sent (the backlog) and what Stream refused for good
// (dead letters), each dead one with a Replay button. Refreshed by push events and every few
// seconds while open.
import { useCallback, useEffect, useState } from 'react';
import type { OutboxEvent } from '../../../../shared/outbox.js';
import { useServices } from '../../app/hooks.js';
import { useLanguage, useTexts } from '../../i18n/context.js';
import { explain } from '../../ui/explain.js';
import { clockTimeWithSeconds } from '../../ui/format.js';
import { OUTBOX } from './texts.js';

const REFRESH_MS = 5_000;

export function OutboxPanel() {
  const language = useLanguage();
  const t = useTexts(OUTBOX);
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
      notify('info', t.sendingAgain(event.kind));
      refresh();
    } catch (err) {
      notify('error', t.replayFailed(explain(err, language)));
    }
  };

  return (
    <div className="tile outbox" data-testid="outbox-panel">
      <h3>{t.title}</h3>
      <p>
        {t.waitingToSend} <strong>{backlog.length}</strong> · {t.failedForGood}{' '}
        <strong className={dead.length ? 'error-text' : ''}>{dead.length}</strong>
      </p>
      {dead.length > 0 && (
        <ul className="sold-out__list" aria-label={t.refused}>
          {dead.map((e) => (
            <li key={e.id} className="sold-out__row" data-testid="dead-event">
              <strong>{e.kind}</strong>
              <span className="muted">
                {t.dead(e.orderingKey, e.attempts, e.lastStatus?.toString() ?? t.noAnswer)}{' '}
                {e.lastError ?? ''}
              </span>
              <button
                type="button"
                className="button button--step button--small"
                onClick={() => void replay(e)}
              >
                {t.replay}
              </button>
            </li>
          ))}
        </ul>
      )}
      {backlog.length > 0 && (
        <details>
          <summary>{t.waiting(backlog.length)}</summary>
          <ul>
            {backlog.map((e) => (
              <li key={e.id}>
                {t.backlog(
                  e.kind,
                  e.orderingKey,
                  t.state[e.state],
                  e.attempts,
                  clockTimeWithSeconds(e.nextAttemptAt, language),
                )}
                {e.lastError ? ` · ${e.lastError}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
