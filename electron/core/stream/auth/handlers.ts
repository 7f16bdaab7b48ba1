// Local API handlers for connecting the store to Stream (shared/stream-connection.ts).
import type { Handlers } from '../../api/handlers.js';
import { conflict } from '../../util/errors.js';
import type { StreamOAuth } from './oauth.js';

type ConnectionCalls = 'createStreamConnectCode' | 'getStreamConnection' | 'disconnectStream';

export function streamConnectionHandlers(oauth: StreamOAuth): Pick<Handlers, ConnectionCalls> {
  return {
    createStreamConnectCode: (_input, { actor }) => {
      if (!oauth.settings)
        throw conflict(
          'onboarding_not_configured',
          'connecting to Stream is not set up: IT must set stream.authorize.clientId, clientSecret and redirectUris',
        );
      return oauth.createConnectCode(actor);
    },
    getStreamConnection: () => oauth.connection(),
    disconnectStream: (_input, { actor, manager }) => oauth.disconnect(actor, manager === true),
  };
}
