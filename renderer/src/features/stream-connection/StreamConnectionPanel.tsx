// Connect to Stream (merchant onboarding): the connection's state as the core reports it, a
// connect code for Stream's sign-in page (manager PIN), and Disconnect (manager PIN, confirmed).
import { useCallback, useEffect, useState } from 'react';
import type { ConnectCode, StreamConnection } from '../../../../shared/stream-connection.js';
import { useServices } from '../../app/hooks.js';
import { texts } from '../../i18n/texts.js';
import { explain } from '../orders/actions.js';
import { clockTime, requestedTime } from '../orders/format.js';
import { useManagerAction } from '../store/ManagerPin.js';
import { STREAM_CONNECTION } from './texts.js';

export function StreamConnectionPanel({ refreshKey, now }: { refreshKey: number; now: number }) {
  const t = texts(STREAM_CONNECTION);
  const { api, notify } = useServices();
  const withPin = useManagerAction();
  const [conn, setConn] = useState<StreamConnection | null>(null);
  const [code, setCode] = useState<ConnectCode | null>(null);
  const [busy, setBusy] = useState(false);
  /** Disconnect stops every order from Stream: one more tap to be sure. */
  const [confirming, setConfirming] = useState(false);

  const refresh = useCallback(() => {
    api.getStreamConnection().then(setConn, (err: unknown) => notify('error', explain(err)));
  }, [api, notify]);
  useEffect(refresh, [refresh, refreshKey]);

  const act = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      notify('error', t.failed(explain(err)));
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const dayAndTime = (at: number): string => requestedTime(new Date(at).toISOString(), now) ?? '';
  const shownCode = code && code.expiresAt > now ? code : null;
  if (!conn) return null;
  return (
    <div className="tile" data-testid="stream-connection">
      <h3>{t.title}</h3>
      <p data-testid="stream-connection-state">
        <strong>{t.state[conn.state]}</strong>
      </p>
      {conn.state === 'connected' && (
        <>
          {conn.connectedSince && <p>{t.since(dayAndTime(conn.connectedSince))}</p>}
          {conn.clientId && <p>{t.client(conn.clientId)}</p>}
          <p>{conn.lastCallAt ? t.lastCall(dayAndTime(conn.lastCallAt)) : t.noCallYet}</p>
          {conn.accessTokenExpiresAt && (
            <p>{t.tokenExpiry(clockTime(conn.accessTokenExpiresAt))}</p>
          )}
        </>
      )}
      {conn.state === 'disconnected' && conn.disconnectedAt && (
        <p>{t.disconnectedAt(dayAndTime(conn.disconnectedAt))}</p>
      )}
      {conn.state !== 'not_configured' && (
        <>
          <p>{t.howTo}</p>
          {shownCode ? (
            <p className="connect-code" data-testid="connect-code">
              <span>{t.codeLabel}</span> <strong>{shownCode.code}</strong>
              <br />
              {t.codeValid(clockTime(shownCode.expiresAt))}
            </p>
          ) : (
            conn.connectCodeExpiresAt && (
              <p>{t.codeWaiting(clockTime(conn.connectCodeExpiresAt))}</p>
            )
          )}
          <div className="tile__buttons">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  const made = await withPin(t.codePrompt, (pin) =>
                    api.createStreamConnectCode({}, { managerPin: pin }),
                  );
                  if (made) setCode(made);
                })
              }
            >
              {t.getCode}
            </button>
            {conn.state === 'connected' && !confirming && (
              <button
                type="button"
                className="button button--reject"
                disabled={busy}
                onClick={() => setConfirming(true)}
              >
                {t.disconnect}
              </button>
            )}
          </div>
          {conn.state === 'connected' && confirming && (
            <div className="tile__confirm" role="group" aria-label={t.disconnectPrompt}>
              <p>
                <strong>{t.disconnectWarning}</strong>
              </p>
              <div className="choice-row">
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => setConfirming(false)}
                >
                  {t.keepConnected}
                </button>
                <button
                  type="button"
                  className="button button--reject"
                  disabled={busy}
                  onClick={() =>
                    void act(async () => {
                      const after = await withPin(t.disconnectPrompt, (pin) =>
                        api.disconnectStream({}, { managerPin: pin }),
                      );
                      setConfirming(false);
                      if (after) {
                        setConn(after);
                        setCode(null);
                        notify('info', t.disconnected);
                      }
                    })
                  }
                >
                  {t.disconnectConfirm}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
