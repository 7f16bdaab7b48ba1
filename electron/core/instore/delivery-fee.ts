// The delivery fee of an in-store order: the store's own charge for taking it to the customer.
// Kept apart from the catalog prices (pricing.ts): the fee is not an item, and the catalog's
// index is rebuilt by its own module. Integer cents; the schema already refused a negative or
// fractional fee, and a fee on an order nobody delivers.
import type { Config } from '../config/schema.js';
import { ApiError } from '../util/errors.js';

export function deliveryFeeCents(
  requested: number | undefined,
  instore: Pick<Config['instore'], 'maxDeliveryFeeCents'>,
): number {
  const fee = requested ?? 0;
  if (fee > instore.maxDeliveryFeeCents)
    throw new ApiError(
      400,
      'invalid_request',
      `body.deliveryFeeCents: ${fee} cents is more than this store's delivery fee can be (${instore.maxDeliveryFeeCents}, instore.maxDeliveryFeeCents)`,
      'body.deliveryFeeCents',
    );
  return fee;
}
