// In-store orders (call-in, walk-in, other first-party orders): priced from the local catalog or
// free text, totalled in integer cents with the configured tax rate, stored as accepted orders,
// and sent to Stream as `order.created` (A4) so Stream can dispatch delivery. The order row, its
// timeline entry and the outbox row commit in one transaction. Status changes and cancels then
// use the same routes as Stream's orders.
import { createHash } from 'node:crypto';
import { taxCents, type InStoreOrderRequest, type InStoreTerms } from '../../../shared/instore.js';
import type { OrderDetail } from '../../../shared/order.js';
import type { CatalogStore } from '../catalog/catalog.js';
import type { Actor, CoreContext } from '../context.js';
import { ensureSameRequest, newOrderRow } from '../orders/new-row.js';
import {
  inStoreOrderCreated,
  type InStoreOrderForStream,
  type NormalizedOrder,
} from '../stream/protocol/index.js';
import { ApiError } from '../util/errors.js';
import { PriceList, subtotalCents } from './pricing.js';

/** Largest total an in-store order may have, in cents (the same bound as an order from Stream). */
const MAX_TOTAL_CENTS = 100_000_000;
/** A `requestedFor` this far in the past is a mistake, not a clock difference between terminals. */
const REQUESTED_FOR_SLACK_MS = 5 * 60_000;

import type { OrderRow } from '../orders/rows.js';

export class InStoreOrders {
  constructor(
    private readonly ctx: CoreContext,
    private readonly catalog: CatalogStore,
    /** An in-store order is taken as soon as it is made: into the POS and onto the kitchen
     * printer like any accepted order, inside its own transaction. */
    private readonly afterAccept: (row: OrderRow, now: number) => void,
  ) {}

  /** How an order taken now is priced (read-only; the figures come from the config). */
  terms(): InStoreTerms {
    const { instore, location } = this.ctx.config;
    return {
      taxRatePercent: instore.taxRatePercent,
      currency: location.currency,
      locationId: location.id,
    };
  }

  create(input: InStoreOrderRequest, actor: Actor): OrderDetail {
    const { ctx } = this;
    const raw = Buffer.from(JSON.stringify(input));
    const sha = createHash('sha256').update(raw).digest('hex');
    const key = `instore:${input.clientKey}`;
    const previous = ctx.orders.findByKey(key);
    if (previous) return this.repeat(previous, sha);

    const now = ctx.clock.now();
    if (input.requestedFor !== undefined && input.requestedFor < now - REQUESTED_FOR_SLACK_MS)
      throw new ApiError(
        400,
        'invalid_request',
        'body.requestedFor: is in the past',
        'body.requestedFor',
      );
    const { location, stream } = ctx.config;
    const lineItems = PriceList.from(this.catalog.current()).lineItems(input.items);
    const subtotal = subtotalCents(lineItems);
    const tax = taxCents(subtotal, ctx.config.instore.taxRatePercent);
    const total = subtotal + tax;
    if (total > MAX_TOTAL_CENTS)
      throw new ApiError(
        400,
        'invalid_request',
        `body.items: total ${total} cents is more than an order can be`,
        'body.items',
      );

    const id = ctx.ids('ord');
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
          city: input.deliveryAddress.city,
          state: input.deliveryAddress.state ?? null,
          postalCode: input.deliveryAddress.postalCode,
          country: input.deliveryAddress.country ?? (location.address.country || null),
        }
      : null;
    const requestedFor = input.requestedFor ?? null;
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
      unpaid: false,
      customers: customer ? [{ id: null, ...customer }] : [],
      deliveryAddress: address,
      specialInstructions: input.notes || null,
      lineItems,
      subtotalCents: subtotal,
      taxCents: tax,
      deliveryFeeCents: 0,
      driverTipCents: 0,
      totalCents: total,
      currency: location.currency.toUpperCase(),
      discounts: [],
      itemIds: lineItems.flatMap((li) => (li.providerId ? [li.providerId] : [])),
      modifierIds: [],
    };
    const row = newOrderRow(normalized, {
      id,
      idempotency_key: key,
      body_sha256: sha,
      raw_body: raw,
      origin: 'in_store',
      status: 'accepted',
      prep_time_minutes: location.prepTimeMinutes,
      received_at: now,
      staff_deadline_at: null,
      stream_deadline_at: null,
      decided_at: now,
      decided_by: actor,
      reject_code: null,
      reject_reason: null,
      answer_status: 201,
      answer_body: JSON.stringify({ provider_id: id }),
      updated_at: now,
    });
    const forStream: InStoreOrderForStream = {
      providerId: id,
      locationId: location.id,
      locationName: location.name,
      fulfillmentType: input.fulfillmentType,
      source: input.source,
      sourceOrderId: input.sourceOrderId ?? null,
      placedAt: now,
      currency: normalized.currency,
      customer,
      deliveryAddress: address,
      lineItems,
      subtotalCents: subtotal,
      taxCents: tax,
      totalCents: total,
      notes: input.notes || null,
      requestedFor,
      includeUtensils: input.includeUtensils,
    };
    ctx.db.transaction(() => {
      ctx.orders.insert(row);
      ctx.orders.addTimeline(
        id,
        now,
        'created',
        actor,
        `in-store (${input.source}), total ${total} cents`,
      );
      ctx.outbox.enqueue({
        id: ctx.ids('evt'),
        lane: 'stream',
        orderingKey: id,
        event: inStoreOrderCreated(stream.eventShape, forStream),
        now,
      });
      this.afterAccept(ctx.orders.get(id)!, now);
    })();
    const summary = ctx.orders.summary(id);
    if (summary) ctx.bus.publish('order.created', summary);
    return ctx.orders.detail(id)!;
  }

  /** The same `clientKey` again: the first order if the request is the same, else 409. */
  private repeat(previous: { id: string; body_sha256: string }, sha: string): OrderDetail {
    ensureSameRequest(
      previous,
      sha,
      'body.clientKey: an in-store order with this key was already taken with different contents (it is on the board; start a new order for a different one)',
      'body.clientKey',
    );
    return this.ctx.orders.detail(previous.id)!;
  }
}
