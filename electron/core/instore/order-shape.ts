// An in-store order as the connector keeps it (the normalized order every screen, the POS and
// the ticket read) and as it goes to Stream (the protocol module puts it on the wire): built
// from the checked request, its priced lines and its money, in one place so the two agree.
import type { InStoreOrderRequest } from '../../../shared/instore.js';
import type { LineItem } from '../../../shared/order.js';
import type { Config } from '../config/schema.js';
import type { InStoreOrderForStream, NormalizedOrder } from '../stream/protocol/index.js';

export interface InStoreMoney {
  subtotalCents: number;
  taxCents: number;
  deliveryFeeCents: number;
  /** Subtotal + tax + delivery fee: what the customer pays the store. */
  totalCents: number;
}

export interface InStoreShape {
  normalized: NormalizedOrder;
  forStream: InStoreOrderForStream;
}

export function inStoreShape(
  input: InStoreOrderRequest,
  lineItems: LineItem[],
  money: InStoreMoney,
  id: string,
  now: number,
  config: Pick<Config, 'location'>,
): InStoreShape {
  const { location } = config;
  const customer = input.customer
    ? {
        name: input.customer.name,
        phone: input.customer.phone ?? null,
        email: input.customer.email ?? null,
      }
    : null;
  const address = input.deliveryAddress
    ? {
        street: input.deliveryAddress.street,
        unit: input.deliveryAddress.unit ?? null,
        city: input.deliveryAddress.city,
        state: input.deliveryAddress.state ?? null,
        postalCode: input.deliveryAddress.postalCode,
        country: input.deliveryAddress.country ?? (location.address.country || null),
      }
    : null;
  const requestedFor = input.requestedFor ?? null;
  const currency = location.currency.toUpperCase();
  const normalized: NormalizedOrder = {
    payloadGeneration: 2,
    source: input.source,
    brand: null,
    dspOrderId: null,
    dspOrderNumber: input.sourceOrderId ?? null,
    locationId: location.id,
    fulfillmentType: input.fulfillmentType,
    isFuture: requestedFor !== null,
    requestedFor: requestedFor === null ? null : new Date(requestedFor).toISOString(),
    unpaid: input.unpaid,
    customers: customer ? [{ id: null, ...customer }] : [],
    deliveryAddress: address,
    specialInstructions: input.notes || null,
    lineItems,
    subtotalCents: money.subtotalCents,
    taxCents: money.taxCents,
    deliveryFeeCents: money.deliveryFeeCents,
    driverTipCents: 0,
    totalCents: money.totalCents,
    currency,
    discounts: [],
    itemIds: lineItems.flatMap((li) => (li.providerId ? [li.providerId] : [])),
    modifierIds: [],
  };
  const forStream: InStoreOrderForStream = {
    providerId: id,
    locationId: location.id,
    locationName: location.name,
    fulfillmentType: input.fulfillmentType,
    source: input.source,
    sourceOrderId: input.sourceOrderId ?? null,
    placedAt: now,
    currency,
    customer,
    deliveryAddress: address,
    lineItems,
    subtotalCents: money.subtotalCents,
    taxCents: money.taxCents,
    deliveryFeeCents: money.deliveryFeeCents,
    totalCents: money.totalCents,
    unpaid: input.unpaid,
    notes: input.notes || null,
    requestedFor,
    includeUtensils: input.includeUtensils,
  };
  return { normalized, forStream };
}
