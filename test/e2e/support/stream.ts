// Plays Stream in the e2e tests: signed orders, updates and cancels to the real listener.
import {
  halfAndHalfPizza,
  cheeseburger,
  largeFries,
  orderCanceled,
  orderCreated,
  orderUpdated,
  type OrderOptions,
} from '../../support/orders.js';
import { sendToStreamListener } from '../../support/stream-client.js';

type Answer = { order: { provider_id: string } };

/** Sends an `order.created` and returns our order id (the `provider_id` in the answer). */
export async function sendOrder(streamUrl: string, options: OrderOptions = {}): Promise<string> {
  const res = await sendToStreamListener<Answer>(streamUrl, orderCreated(options));
  if (res.status !== 200)
    throw new Error(`order.created answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.order.provider_id;
}

export async function sendCancel(streamUrl: string, orderId: string): Promise<void> {
  const res = await sendToStreamListener(streamUrl, orderCanceled(orderId));
  if (res.status !== 200)
    throw new Error(`order.canceled answered ${res.status}: ${JSON.stringify(res.body)}`);
}

export async function sendUpdate(
  streamUrl: string,
  orderId: string,
  fields: Record<string, unknown>,
): Promise<void> {
  const res = await sendToStreamListener(streamUrl, orderUpdated(orderId, fields));
  if (res.status !== 200)
    throw new Error(`order.updated answered ${res.status}: ${JSON.stringify(res.body)}`);
}

/** A big order: every level of modifiers, several items, notes. */
export const bigOrderItems = (): Record<string, unknown>[] => [
  cheeseburger(2),
  halfAndHalfPizza(),
  largeFries(),
];
