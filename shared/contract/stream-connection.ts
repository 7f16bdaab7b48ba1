// Connecting the store to Stream (merchant onboarding, electron/core/stream/auth): a connect
// code for Stream's sign-in page, the connection's state, and Disconnect.
import { ConnectCode, StreamConnection } from '../stream-connection.js';
import { call } from './call.js';

export const streamConnectionCalls = {
  /** A connect code (10 minutes) for the sign-in page Stream opens; an earlier one stops working. */
  createStreamConnectCode: call({
    method: 'POST',
    path: '/api/stream/connect-code',
    response: ConnectCode,
    manager: true,
  }),
  /** Never connected / connected since, by which client, last call from Stream, token expiry. */
  getStreamConnection: call({
    method: 'GET',
    path: '/api/stream/connection',
    response: StreamConnection,
  }),
  /** Revokes every token Stream holds (it must be connected again); audited. */
  disconnectStream: call({
    method: 'POST',
    path: '/api/stream/disconnect',
    response: StreamConnection,
    manager: true,
  }),
} as const;
