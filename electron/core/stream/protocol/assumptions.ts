// Everything this connector assumes about Stream beyond its documentation (stream-api.md A6 and
// Part B). Change a value here, and the README's "Protocol assumptions" list, when Stream
// confirms the details. Nothing outside stream/protocol/ may hard-code any of these.

/** Stream rejects an async order itself this long after it was sent (A2). */
export const STREAM_DECISION_WINDOW_MS = 60_000;

/** B2: the header carrying our HMAC-SHA256 of the raw request body, hex or base64. */
export const INBOUND_SIGNATURE_HEADER = 'x-stream-signature';

/** A4: the header on every event we send to Stream. */
export const OUTBOUND_SIGNATURE_HEADER = 'Stream-Webhook-Signature';

/** B4: the header on every event we send, equal to the event's own id. */
export const OUTBOUND_IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Deepest JSON nesting we accept in an order body. Real orders nest modifiers three or four
 * levels (about 12 JSON levels); anything far deeper is hostile. */
export const MAX_JSON_DEPTH = 40;

/** When staff let the window run out and the policy is `reject`, Stream is told this
 * `order_error` (A2 has no "no answer from staff" code; `store_unavailable` maps to Stream's
 * `restaurant_not_accepting_orders`, which is what happened). */
export const TIMEOUT_REJECT_ERROR = 'store_unavailable';
export const TIMEOUT_REJECT_REASON = 'Not accepted by staff in time';

/** An order for a location id that is not ours is rejected with this `order_error`; A3 lists
 * `location_not_found` among Stream's own failure names. */
export const WRONG_LOCATION_ERROR = 'location_not_found';

/** Every 400 to `order.created` carries `posValidation` (A2: Stream reads the reason from it).
 * A body that fails our input check (bad JSON, an unknown `fulfillment_type`, a missing field)
 * is refused with this `order_error` and the check's own words as `order_error_reason`;
 * `invalid_cart` is A2's catch-all for an order that cannot be made as sent. A body whose `type`
 * cannot be read is answered the same way, since it may have been an `order.created`. */
export const INPUT_CHECK_ERROR = 'invalid_cart';

/** How `order.updated` statuses from Stream (A1) move our order, when they do. Statuses not
 * listed (in_progress, ready_for_pickup, out_for_delivery) are shown but move nothing. */
export const STREAM_STATUS_EFFECT: Record<string, 'completed' | 'canceled'> = {
  completed: 'completed',
  failed: 'canceled',
  merchant_canceled: 'canceled',
  dsp_canceled: 'canceled',
};

/** Client-credentials token endpoint, relative to `stream.apiUrl` (named by issue 3, not by
 * Stream's docs). The client authenticates with HTTP Basic, the method RFC 6749 §2.3.1 requires
 * every server to support, and sends `grant_type=client_credentials` form-encoded. */
export const OAUTH_TOKEN_PATH = '/oauth/token';

/** Token lifetime assumed when the token answer has no `expires_in` (RFC 6749 makes it optional). */
export const OAUTH_DEFAULT_LIFETIME_SECONDS = 300;

/** In-store `order.created` (A4 gives two shapes and leaves details open):
 * - in the seed shape a modifier carries `quantity` only when it is not 1 or the modifier has
 *   children, and nested `modifiers` only when it has some, so a simple order looks exactly like
 *   the seed;
 * - `requested_for` is epoch milliseconds, like every other time in Part A;
 * - the newer shape's address is the seed's with `postal_code` instead of `zip`;
 * - the newer shape's `idempotency_key` is our order id (stable across retries), `brand` is the
 *   location name, customers are numbered `customer_1`…, and every line item points at the first;
 * - payment and the delivery fee: the newer shape carries A1's own `unpaid` and `delivery_fee`
 *   (always, as A1's sample does); the seed shape, which names neither, carries `unpaid: true`
 *   only for an unpaid order and `delivery_fee_amount` (its `_amount` naming) only when there is
 *   a fee, so a paid order without a fee looks exactly like the seed. `total_amount` is subtotal
 *   + tax + delivery fee, what the customer pays;
 * - an apartment / unit line travels as `address_line_2` (A5's name for it) in both shapes. */
export const IN_STORE_CUSTOMER_ID = 'customer_1';

// An 86'd line item is named in `stockValidation` by the id the order used for it: the item
// family's id, or `family|item` for a variation (A1's own line-item id), so Stream can match it
// to the cart line; A2 does not say which id it expects (electron/core/store/checks.ts).

// ── Merchant onboarding (A7, B6; issue 16) ──────────────────────────────────────────────────────

/** The Authorize endpoint Stream opens in the merchant's browser (GET: the sign-in page; POST:
 * the connect code typed in). The paths are ours: Stream is given them at partner set-up. */
export const OAUTH_AUTHORIZE_PATH = '/oauth/authorize';

/** The Request Token endpoint Stream calls (JSON, also form-encoded). */
export const OAUTH_ISSUE_TOKEN_PATH = '/oauth/token';

/** `expire_time` and `refresh_token_expire_time` in the Request Token answer are absolute epoch
 * milliseconds (when the token stops working), Stream's unit for every other time (A1). */
export const TOKEN_EXPIRY_UNIT = 'epoch_ms';

/** Request Token answers 201 (A7) with exactly the documented fields; `sso_details` is left out
 * when no SSO field is configured. The grant without `code` is `refresh_token` with a
 * `refresh_token` field (RFC 6749 §6); `grant_type` absent means `authorization_code` (A7's
 * default). The client authenticates with `client_id` + `client_secret` in the body (A7), or
 * with HTTP Basic (RFC 6749 §2.3.1). */
export const TOKEN_ANSWER_STATUS = 201;

/** A `code_challenge` without `code_challenge_method` is taken as S256; `plain` is refused
 * (RFC 7636 §4.2 allows servers to require S256). */
export const PKCE_METHOD = 'S256';
// Fields read when present beyond A1's sample (README assumption 16): `fulfillment_instructions`,
// a customer's `masked_phone_code`, `cancel_source` / `cancel_reason` (inbound.ts); a discount
// entry's amount and label names live with the money in shared/money.ts, which the screen needs.
// Staff statuses per fulfillment type (`out_for_delivery` for delivery types only) are
// shared/domain.ts `staffStatusFits` (README assumption 17).

/** Chains (B7): Stream waits longer than this for Handle Order, so the gateway answers a store
 * that stays silent this long (`answerTimeoutMs`, default) before Stream gives up. */
export const GATEWAY_ANSWER_TIMEOUT_MS = 5000;
/** Chains: Get Locations lists the stores of the merchant whose access token the call carries
 * (gateway onboarding; a different `X-Provider-Merchant-Id` is 403); with the partner-level
 * credentials, those of the merchant named by `X-Provider-Merchant-Id` (the header A7 gives Get
 * Catalog), or every registered store without it (README assumption 21). */
export const MERCHANT_HEADER = 'x-provider-merchant-id';

/** Chains (B7): once the gateway answered `pos_offline` for an order, Stream has failed it (A3)
 * and expects nothing more about it: the store's messages about that order Stream does not have
 * yet (an accept the cashier gave before the withdrawal arrived, a status after it) are closed
 * `withdrawn` with the reason, never sent late (README assumption 23). */
export const AFTER_POS_OFFLINE_SEND_NOTHING = true;
