// Which merchant a store belongs to is decided by the gateway, not by the store: a store's
// registry record says which merchant it claims (`relay.merchantId`, self-declared), and with
// `storeMerchants` set (location id → merchant id, the chain IT's list) a store is believed only
// when its claim matches. A refused store is kept out of the routable fleet (unknown to Stream,
// its merchant's token and onboarding) and shown, worded, in the log and on /metrics.

export interface RefusedStore {
  locationId: string;
  claimedMerchant: string;
  /** undefined: the location is not in the list at all. */
  boundMerchant: string | undefined;
  reason: string;
}

/** null: the store is believed (no list configured, or its claim matches the list). */
export function refuseUnboundStore(
  storeMerchants: Readonly<Record<string, string>> | undefined,
  locationId: string,
  claimedMerchant: string,
): RefusedStore | null {
  if (!storeMerchants) return null;
  const bound = Object.hasOwn(storeMerchants, locationId) ? storeMerchants[locationId] : undefined;
  if (bound === claimedMerchant) return null;
  const reason =
    bound === undefined
      ? `store ${locationId} is not in the gateway's storeMerchants list; add it with its merchant to route its orders`
      : `store ${locationId} claims merchant ${claimedMerchant} but the gateway binds it to merchant ${bound}; fix relay.merchantId on the store (or storeMerchants on the gateway)`;
  return { locationId, claimedMerchant, boundMerchant: bound, reason };
}
