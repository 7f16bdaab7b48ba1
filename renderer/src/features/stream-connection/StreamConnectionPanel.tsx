// Connect to Stream (merchant onboarding): the connection's state as the core reports it, a
// connect code for Stream's sign-in page (manager PIN), and Disconnect (manager PIN, confirmed).
import { useCallback, useEffect, useState } from 'react';
import type { ConnectCode, StreamConnection } from '../../../../shared/stream-connection.js';
import { useServices } from '../../app/hooks.js';
import { useLanguage, useLanguageNow, useTexts } from '../../i18n/context.js';
import { explain } from '../../ui/explain.js';
import { clockTime, requestedTime } from '../../ui/format.js';
import { useManagerAction } from '../../ui/ManagerPin.js';
import { ActionButton } from '../../ui/ActionButton.js';
import { ConfirmRow } from '../../ui/ConfirmRow.js';
import { useBusyAction } from '../../ui/use-busy-action.js';
import { STREAM_CONNECTION } from './texts.js';

export function StreamConnectionPanel({ refreshKey, now }: { refreshKey: number; now: number }) {
  const language = useLanguage();
  // A switch must not fetch again (and say the failure again): the notice takes the language
  // on screen when it fails.
  const languageNow = useLanguageNow();
  const t = useTexts(STREAM_CONNECTION);
  const { api, notify } = useServices();
  const withPin = useManagerAction();
  const [conn, setConn] = useState<StreamConnection | null>(null);
  const [code, setCode] = useState<ConnectCode | null>(null);
  /** Disconnect stops every order from Stream: one more tap to be sure. */
  const [confirming, setConfirming] = useState(false);

  const refresh = useCallback(() => {
    api
      .getStreamConnection()
      .then(setConn, (err: unknown) => notify('error', explain(err, languageNow())));
  }, [api, languageNow, notify]);
  useEffect(refresh, [refresh, refreshKey]);

  const { busy, run: act } = useBusyAction(t.failed, refresh);
  const dayAndTime = (at: number): string =>
    requestedTime(new Date(at).toISOString(), now, language) ?? '';
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
            <p>{t.tokenExpiry(clockTime(conn.accessTokenExpiresAt, language))}</p>
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
              {t.codeValid(clockTime(shownCode.expiresAt, language))}
            </p>
          ) : (
            conn.connectCodeExpiresAt && (
              <p>{t.codeWaiting(clockTime(conn.connectCodeExpiresAt, language))}</p>
            )
          )}
          <div className="tile__buttons">
            <ActionButton
              busy={busy}
              onClick={() =>
                act(async () => {
                  const made = await withPin(t.codePrompt, (pin) =>
                    api.createStreamConnectCode({}, { managerPin: pin }),
                  );
                  if (made) setCode(made);
                })
              }
            >
              {t.getCode}
            </ActionButton>
            {conn.state === 'connected' && !confirming && (
              <ActionButton kind="reject" busy={busy} onClick={() => setConfirming(true)}>
                {t.disconnect}
              </ActionButton>
            )}
          </div>
          {conn.state === 'connected' && confirming && (
            <ConfirmRow
              label={t.disconnectPrompt}
              warning={t.disconnectWarning}
              keep={t.keepConnected}
              confirm={t.disconnectConfirm}
              busy={busy}
              onKeep={() => setConfirming(false)}
              onConfirm={() =>
                act(async () => {
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
            />
          )}
        </>
      )}
    </div>
  );
}
