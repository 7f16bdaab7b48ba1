// Local API handlers for connecting the store to Stream (shared/stream-connection.ts). In a chain
// (relay.url set) Stream signs in at the gateway: the code goes there and the tokens live there.
import type { ConnectCode } from '../../../../shared/stream-connection.js';
import type { Handlers } from '../../api/handlers.js';
import { conflict } from '../../util/errors.js';
import type { StreamOAuth } from './oauth.js';

type ConnectionCalls = 'createStreamConnectCode' | 'getStreamConnection' | 'disconnectStream';

/** The chain's side of connecting (electron/core/relay/connect-code.ts). */
export interface ChainConnect {
  createConnectCode(): Promise<ConnectCode>;
}

export function streamConnectionHandlers(
  oauth: StreamOAuth,
  chain: ChainConnect | null = null,
): Pick<Handlers, ConnectionCalls> {
  if (chain) return chainConnectionHandlers(chain);
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

/** In a chain the counter gives codes; connection state and Disconnect are the gateway's. */
function chainConnectionHandlers(chain: ChainConnect): Pick<Handlers, ConnectionCalls> {
  return {
    createStreamConnectCode: () => chain.createConnectCode(),
    getStreamConnection: () => ({
      state: 'chain',
      clientId: null,
      connectedSince: null,
      lastCallAt: null,
      accessTokenExpiresAt: null,
      refreshTokenExpiresAt: null,
      disconnectedAt: null,
      connectCodeExpiresAt: null,
    }),
    disconnectStream: () => {
      throw conflict(
        'chain_disconnect_at_gateway',
        'this store is connected to Stream through the chain gateway: disconnecting is done there by IT, for the whole merchant (npm run gateway -- disconnect <merchant id>)',
      );
    },
  };
}
