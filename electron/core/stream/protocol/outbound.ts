// Every event the connector sends to Stream (stream-api.md A4, B4), built in one place. The
// body string returned here is stored in the outbox and sent byte for byte on every attempt, so
// the signature and the Idempotency-Key never change between retries.
import { z } from 'zod';
import type { StaffStatus } from '../../../../shared/domain.js';
import type { LineItem, Modifier } from '../../../../shared/order.js';
import type { PosValidation } from './answers.js';
import {
  IN_STORE_CUSTOMER_ID,
  OAUTH_TOKEN_PATH,
  OUTBOUND_IDEMPOTENCY_HEADER,
  OUTBOUND_SIGNATURE_HEADER,
} from './assumptions.js';
import { signBody } from './signature.js';

export type EventShape = 'event_data' | 'type_object';

export interface OutgoingEvent {
  kind: string;
  /** Decisions race Stream's 60-second window and get the fast retry phase. */
  urgency: 'decision' | 'normal';
  body: string;
}

export function orderAccepted(
  providerId: string,
  locationId: string,
  prepTimeMinutes: number,
): OutgoingEvent {
  return {
    kind: 'order.accepted',
    urgency: 'decision',
    body: JSON.stringify({
      type: 'order.accepted',
      object: {
        provider_id: providerId,
        location_id: locationId,
        prep_time_minutes: prepTimeMinutes,
      },
    }),
  };
}

export function orderRejected(
  providerId: string,
  locationId: string,
  posValidation: PosValidation,
): OutgoingEvent {
  return {
    kind: 'order.rejected',
    urgency: 'decision',
    body: JSON.stringify({
      type: 'order.rejected',
      object: { provider_id: providerId, location_id: locationId, posValidation },
    }),
  };
}

/** Our statuses as Stream's wire names (A4). */
export const WIRE_STATUS: Record<StaffStatus | 'canceled', string> = {
  preparing: 'preparing',
  ready: 'ready_for_pickup',
  out_for_delivery: 'out_for_delivery',
  completed: 'completed',
  canceled: 'canceled',
};

function shaped(
  shape: EventShape,
  name: string,
  order: Record<string, unknown>,
  locationId: string,
): string {
  return shape === 'event_data'
    ? JSON.stringify({ event: name, data: { order } })
    : JSON.stringify({ type: name, object: { ...order, location_id: locationId } });
}

export function orderStatusUpdated(
  shape: EventShape,
  providerId: string,
  locationId: string,
  status: StaffStatus | 'canceled',
): OutgoingEvent {
  return {
    kind: 'order.status.updated',
    urgency: 'normal',
    body: shaped(
      shape,
      'order.status.updated',
      { provider_id: providerId, status: WIRE_STATUS[status] },
      locationId,
    ),
  };
}

export function orderCanceled(
  shape: EventShape,
  providerId: string,
  locationId: string,
  reason: string,
): OutgoingEvent {
  return {
    kind: 'order.canceled',
    urgency: 'normal',
    body: shaped(shape, 'order.canceled', { provider_id: providerId, reason }, locationId),
  };
}

export function locationStatusUpdated(
  locationId: string,
  active: boolean,
  pausedUntil?: number,
): OutgoingEvent {
  const object: Record<string, unknown> = {
    location_id: locationId,
    status: active ? 'active' : 'inactive',
  };
  if (!active && pausedUntil !== undefined) object.paused_until = pausedUntil;
  return {
    kind: 'location.status.updated',
    urgency: 'normal',
    body: JSON.stringify({ type: 'location.status.updated', object }),
  };
}

/** A4: every event goes to one endpoint. A path prefix in `apiUrl` (…/v1) is kept. */
export function webhookUrl(apiUrl: string, partnerSlug: string): URL {
  const base = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  return new URL(`pos/${encodeURIComponent(partnerSlug)}/webhook`, base);
}

/** A4 + B4: the headers of one delivery attempt, signed over the exact stored body bytes. */
export function webhookHeaders(
  secret: string,
  eventId: string,
  body: Buffer,
  bearerToken?: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [OUTBOUND_SIGNATURE_HEADER]: signBody(secret, body),
    [OUTBOUND_IDEMPOTENCY_HEADER]: eventId,
  };
  if (bearerToken) headers.authorization = `Bearer ${bearerToken}`;
  return headers;
}

export function tokenUrl(apiUrl: string): URL {
  const base = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  return new URL(OAUTH_TOKEN_PATH.replace(/^\//, ''), base);
}

/** The client-credentials grant (RFC 6749 §4.4) as this connector sends it (assumptions.ts). */
export function tokenRequest(
  clientId: string,
  clientSecret: string,
): { headers: Record<string, string>; body: Buffer } {
  const basic = Buffer.from(
    `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
  ).toString('base64');
  return {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      authorization: `Basic ${basic}`,
    },
    body: Buffer.from('grant_type=client_credentials'),
  };
}

export const TokenAnswer = z.object({
  access_token: z.string().min(1).max(8192),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
});
export type TokenAnswer = z.infer<typeof TokenAnswer>;

/** An in-store order (call-in, walk-in …) as the connector knows it, ready to be put on the wire. */
export interface InStoreOrderForStream {
  providerId: string;
  locationId: string;
  locationName: string;
  fulfillmentType: string;
  source: string;
  sourceOrderId: string | null;
  placedAt: number;
  currency: string;
  customer: { name: string | null; phone: string | null; email: string | null } | null;
  deliveryAddress: {
    street: string;
    /** Apartment, unit, floor: `address_line_2` on the wire. */
    unit: string | null;
    city: string;
    state: string | null;
    postalCode: string;
    country: string | null;
  } | null;
  lineItems: readonly LineItem[];
  subtotalCents: number;
  taxCents: number;
  /** The store's own delivery charge (0 when none). */
  deliveryFeeCents: number;
  /** Subtotal + tax + delivery fee: what the customer pays. */
  totalCents: number;
  /** The customer pays at pick-up or at the door. */
  unpaid: boolean;
  notes: string | null;
  requestedFor: number | null;
  includeUtensils: boolean;
}

/** Drop null/undefined fields so optional values are absent rather than `null` on the wire. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/** The delivery address as Stream spells it: the same fields in both shapes, but the seed's
 * `event`/`data.order` shape calls the postal code `zip` and the newer one `postal_code`. */
function wireAddress(
  address: NonNullable<InStoreOrderForStream['deliveryAddress']>,
  postalCodeKey: 'zip' | 'postal_code',
): Record<string, unknown> {
  return compact({
    street: address.street,
    address_line_2: address.unit,
    city: address.city,
    state: address.state,
    [postalCodeKey]: address.postalCode,
    country: address.country,
  });
}

function seedModifier(m: Modifier, currency: string): Record<string, unknown> {
  // The seed shows neither quantity nor nesting; both appear only when the modifier needs them.
  const plain = m.quantity === 1 && m.modifiers.length === 0;
  return compact({
    name: m.name,
    price_amount: m.priceCents,
    price_currency: currency,
    provider_id: m.providerId,
    quantity: plain ? null : m.quantity,
    modifiers: m.modifiers.length ? m.modifiers.map((c) => seedModifier(c, currency)) : null,
  });
}

function newerModifier(m: Modifier, currency: string): Record<string, unknown> {
  return compact({
    provider_id: m.providerId,
    name: m.name,
    quantity: m.quantity,
    price_amount: m.priceCents,
    price_currency: currency,
    modifiers: m.modifiers.length ? m.modifiers.map((c) => newerModifier(c, currency)) : null,
  });
}

/** A4: an in-store `order.created`, in the seed's `event`/`data.order` shape or the newer
 * `type`/`object` shape (B4), per `stream.eventShape`. */
export function inStoreOrderCreated(shape: EventShape, o: InStoreOrderForStream): OutgoingEvent {
  const address = o.deliveryAddress;
  if (shape === 'event_data') {
    const currency = o.currency.toLowerCase();
    const order = compact({
      provider_id: o.providerId,
      location_id: o.locationId,
      fulfillment_type: o.fulfillmentType,
      customer: o.customer && compact({ ...o.customer }),
      delivery_address: address && wireAddress(address, 'zip'),
      line_items: o.lineItems.map((li) =>
        compact({
          name: li.name,
          quantity: li.quantity,
          price_amount: li.priceCents,
          price_currency: currency,
          provider_id: li.providerId,
          special_instructions: li.specialInstructions,
          modifiers: li.modifiers.map((m) => seedModifier(m, currency)),
        }),
      ),
      subtotal_amount: o.subtotalCents,
      tax_amount: o.taxCents,
      delivery_fee_amount: o.deliveryFeeCents > 0 ? o.deliveryFeeCents : null,
      total_amount: o.totalCents,
      currency,
      notes: o.notes,
      requested_for: o.requestedFor,
      unpaid: o.unpaid ? true : null,
    });
    return {
      kind: 'order.created',
      urgency: 'normal',
      body: JSON.stringify({ event: 'order.created', data: { order } }),
    };
  }
  const currency = o.currency.toUpperCase();
  const customerId = o.customer ? IN_STORE_CUSTOMER_ID : null;
  const object = compact({
    idempotency_key: o.providerId,
    provider_id: o.providerId,
    location_id: o.locationId,
    fulfillment_type: o.fulfillmentType,
    source: o.source,
    brand: o.locationName,
    source_order_id: o.sourceOrderId ?? o.providerId,
    placed_at: o.placedAt,
    should_include_utensils: o.includeUtensils,
    customers: o.customer ? [compact({ id: customerId, ...o.customer })] : [],
    line_items: o.lineItems.map((li) =>
      compact({
        provider_id: li.providerId,
        name: li.name,
        quantity: li.quantity,
        price_amount: li.priceCents,
        price_currency: currency,
        customer_id: customerId,
        special_instructions: li.specialInstructions,
        modifiers: li.modifiers.map((m) => newerModifier(m, currency)),
      }),
    ),
    is_future_order: o.requestedFor !== null,
    requested_for: o.requestedFor,
    subtotal: o.subtotalCents,
    tax: o.taxCents,
    tax_withheld_by_dsp: 0,
    delivery_fee: o.deliveryFeeCents,
    unpaid: o.unpaid,
    special_instructions: o.notes,
    delivery_address: address && wireAddress(address, 'postal_code'),
  });
  return {
    kind: 'order.created',
    urgency: 'normal',
    body: JSON.stringify({ type: 'order.created', object }),
  };
}
