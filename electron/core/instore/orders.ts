// In-store orders (call-in, walk-in, other first-party orders): priced from the local catalog or
// free text, totalled in integer cents with the configured tax rate, stored as accepted orders,
// and sent to Stream as `order.created` (A4) so Stream can dispatch delivery. The order row, its
// timeline entry and the outbox row commit in one transaction. Status changes and cancels then
// use the same routes as Stream's orders.
import { createHash } from 'node:crypto';
import {
  taxCents,
  type CustomerLookupAnswer,
  type CustomerLookupRequest,
  type InStoreOrderRequest,
  type InStoreTerms,
} from '../../../shared/instore.js';
import type { OrderDetail } from '../../../shared/order.js';
import type { CatalogStore } from '../catalog/catalog.js';
import type { Actor, CoreContext } from '../context.js';
import { ensureSameRequest, newOrderRow } from '../orders/new-row.js';
import type { OrderRow } from '../orders/rows.js';
import { inStoreOrderCreated } from '../stream/protocol/index.js';
import { ApiError } from '../util/errors.js';
import { CustomerLookup } from './customer-lookup.js';
import { deliveryFeeCents } from './delivery-fee.js';
import { inStoreShape, type InStoreMoney } from './order-shape.js';
import { PriceList, subtotalCents } from './pricing.js';

/** Largest total an in-store order may have, in cents (the same bound as an order from Stream). */
const MAX_TOTAL_CENTS = 100_000_000;
/** A `requestedFor` this far in the past is a mistake, not a clock difference between terminals. */
const REQUESTED_FOR_SLACK_MS = 5 * 60_000;

export class InStoreOrders {
  private readonly lookup: CustomerLookup;

  constructor(
    private readonly ctx: CoreContext,
    private readonly catalog: CatalogStore,
    /** An in-store order is taken as soon as it is made: into the POS and onto the kitchen
     * printer like any accepted order, inside its own transaction. */
    private readonly afterAccept: (row: OrderRow, now: number) => void,
  ) {
    this.lookup = new CustomerLookup(ctx.db);
  }

  /** How an order taken now is priced (read-only; the figures come from the config). */
  terms(): InStoreTerms {
    const { instore, location } = this.ctx.config;
    return {
      taxRatePercent: instore.taxRatePercent,
      currency: location.currency,
      locationId: location.id,
      deliveryFeeCents: instore.deliveryFeeCents,
      maxDeliveryFeeCents: instore.maxDeliveryFeeCents,
    };
  }

  /** Past customers with this phone number (customer-lookup.ts). */
  lookUpCustomer(input: CustomerLookupRequest): CustomerLookupAnswer {
    return { customers: this.lookup.find(input.phone, this.ctx.clock.now()) };
  }

  /** Tax on the items only; the delivery fee is the store's own charge on top (README 12). */
  private money(input: InStoreOrderRequest, subtotal: number): InStoreMoney {
    const tax = taxCents(subtotal, this.ctx.config.instore.taxRatePercent);
    const fee = deliveryFeeCents(input.deliveryFeeCents, this.ctx.config.instore);
    return {
      subtotalCents: subtotal,
      taxCents: tax,
      deliveryFeeCents: fee,
      totalCents: subtotal + tax + fee,
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
    const money = this.money(input, subtotalCents(lineItems));
    const total = money.totalCents;
    if (total > MAX_TOTAL_CENTS)
      throw new ApiError(
        400,
        'invalid_request',
        `body.items: total ${total} cents is more than an order can be`,
        'body.items',
      );

    const id = ctx.ids('ord');
    const { normalized, forStream } = inStoreShape(input, lineItems, money, id, now, ctx.config);
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
    ctx.db.transaction(() => {
      ctx.orders.insert(row);
      this.lookup.note(id, input.customer?.phone ?? null, now);
      ctx.orders.addTimeline(
        id,
        now,
        'created',
        actor,
        `in-store (${input.source}), total ${total} cents${input.unpaid ? ', unpaid' : ''}`,
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
