// What a call authenticated with a merchant's access token may reach on the gateway: only the
// stores registered for that merchant. A call with the partner-level credentials (inbound token,
// body signature) is not limited, as before onboarding.
//
// A store never sees the merchant's access token: once the gateway has checked the token and
// that the location is the merchant's, the relayed request carries the partner credentials
// instead (the same `stream.*` secrets every store is configured with), so the store's own
// unchanged Stream-auth code accepts it. See gateway/README.md, "Merchant onboarding".
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../../electron/core/http/errors.js';
import { relayableHeaders } from '../../electron/core/relay/wire.js';
import {
  INBOUND_SIGNATURE_HEADER,
  MERCHANT_HEADER,
} from '../../electron/core/stream/protocol/index.js';
import { signBody } from '../../electron/core/stream/protocol/signature.js';
import type { GatewayConfig } from '../config.js';
import type { Fleet } from '../fleet.js';

/** The merchant the call is limited to; undefined for the partner-level credentials. */
export const callerMerchant = (request: FastifyRequest): string | undefined =>
  request.streamAuth?.merchantId;

/** `ok`: forward; `unknown`: a merchant-limited call for a location nobody registered, or any
 * call for a store the gateway refused (its merchant not bound: gateway/store-binding.ts),
 * answered as an unknown location, never forwarded; `other_merchant`: refused with 403. */
export type LocationScope = 'ok' | 'unknown' | 'other_merchant';

export function locationScope(
  request: FastifyRequest,
  fleet: Fleet,
  locationId: string,
): LocationScope {
  if (fleet.refusal(locationId)) return 'unknown';
  const merchant = callerMerchant(request);
  if (merchant === undefined) return 'ok';
  const store = fleet.get(locationId);
  if (!store) return 'unknown';
  return store.record.merchantId === merchant ? 'ok' : 'other_merchant';
}

export function refuseOtherMerchant(
  reply: FastifyReply,
  request: FastifyRequest,
  locationId: string,
): FastifyReply {
  return reply
    .code(403)
    .send(
      errorBody(
        'location_not_of_merchant',
        `location ${locationId} does not belong to merchant ${callerMerchant(request)}, whose access token this is`,
      ),
    );
}

/** Get Locations: the token's merchant (a different X-Provider-Merchant-Id is refused), else the
 * header's, else every store. */
export function merchantFilter(
  request: FastifyRequest,
): { merchant: string | undefined } | { refused: string } {
  const asked = request.headers[MERCHANT_HEADER];
  const header = typeof asked === 'string' && asked !== '' ? asked : undefined;
  const merchant = callerMerchant(request);
  if (merchant === undefined) return { merchant: header };
  if (header !== undefined && header !== merchant)
    return { refused: `the access token is merchant ${merchant}'s, not ${header}'s` };
  return { merchant };
}

/** The headers relayed to the store. An access-token call is re-credentialed with the partner
 * credentials (the token itself is dropped); any other call goes as received, so the store
 * checks Stream's own credentials again. */
export function storeHeaders(
  request: FastifyRequest,
  stream: GatewayConfig['stream'],
): Record<string, string> {
  const headers = relayableHeaders(request.headers);
  if (callerMerchant(request) === undefined) return headers;
  delete headers.authorization;
  delete headers[INBOUND_SIGNATURE_HEADER];
  if (stream.inboundToken) headers.authorization = `Bearer ${stream.inboundToken}`;
  if (stream.webhookSecret && Buffer.isBuffer(request.body))
    headers[INBOUND_SIGNATURE_HEADER] = signBody(stream.webhookSecret, request.body);
  return headers;
}
