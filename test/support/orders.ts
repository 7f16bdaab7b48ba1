// Realistic Stream `order.created` payloads built from the dev catalog (config/dev-catalog.json):
// every fulfillment type, three-level nested modifiers, future and unpaid orders, and the older
// payload generation. Used by tests, the simulator and the benchmarks.
import { randomUUID } from 'node:crypto';

type Json = Record<string, unknown>;

export interface OrderOptions {
  locationId?: string;
  fulfillmentType?:
    'delivery' | 'merchant_managed_delivery' | 'pickup' | 'curbside' | 'drive_thru' | 'dine_in';
  source?: string;
  idempotencyKey?: string;
  dspOrderNumber?: string;
  future?: boolean;
  unpaid?: boolean;
  lineItems?: Json[];
  /** The order's note (default "Leave at the door"); null sends none. */
  specialInstructions?: string | null;
  /** Discount entries as Stream sends them (A1 leaves their shape open). */
  discounts?: Json[];
  taxWithheldCents?: number;
}

export const cheeseburger = (quantity = 1): Json => ({
  provider_id: 'fam-cheeseburger',
  name: 'Cheeseburger',
  quantity,
  price_amount: 899,
  price_currency: 'USD',
  special_instructions: 'Cut in half please',
  modifiers: [
    {
      provider_id: 'mod-extra-patty',
      name: 'Extra Patty',
      quantity: 2,
      price_amount: 250,
      price_currency: 'usd',
    },
    {
      provider_id: 'mod-medium',
      name: 'Medium',
      quantity: 1,
      price_amount: 0,
      price_currency: 'usd',
    },
  ],
});

export const largeFries = (): Json => ({
  provider_id: 'fam-fries|item-fries-large',
  name: 'Fries (Large)',
  quantity: 1,
  price_amount: 449,
  price_currency: 'USD',
  modifiers: [
    {
      provider_id: 'mod-no-salt',
      name: 'No Salt',
      quantity: 1,
      price_amount: 0,
      price_currency: 'USD',
    },
  ],
});

/** Half & Half → Left: Pepperoni → Extra: three levels of modifiers. */
export const halfAndHalfPizza = (): Json => ({
  provider_id: 'fam-pizza|item-pizza-16',
  name: 'Pizza 16 inch',
  quantity: 1,
  price_amount: 1799,
  price_currency: 'USD',
  modifiers: [
    {
      provider_id: 'mod-half-half',
      name: 'Half & Half',
      quantity: 1,
      price_amount: 0,
      price_currency: 'USD',
      modifiers: [
        {
          provider_id: 'mod-left-pepperoni',
          name: 'Left: Pepperoni',
          quantity: 1,
          price_amount: 100,
          price_currency: 'USD',
          modifiers: [
            {
              provider_id: 'mod-extra-topping',
              name: 'Extra',
              quantity: 1,
              price_amount: 75,
              price_currency: 'USD',
            },
          ],
        },
        {
          provider_id: 'mod-right-mushroom',
          name: 'Right: Mushroom',
          quantity: 1,
          price_amount: 100,
          price_currency: 'USD',
        },
      ],
    },
  ],
});

function subtotalOf(items: Json[]): number {
  const mods = (list: unknown): number =>
    ((list as Json[] | undefined) ?? []).reduce(
      (s, m) =>
        s + ((m.quantity as number) ?? 1) * ((m.price_amount as number) + mods(m.modifiers)),
      0,
    );
  return items.reduce(
    (s, li) => s + (li.quantity as number) * ((li.price_amount as number) + mods(li.modifiers)),
    0,
  );
}

/** The newest documented `order.created` (A1). */
export function orderCreated(options: OrderOptions = {}): Json {
  const lineItems = options.lineItems ?? [cheeseburger(), largeFries()];
  const subtotal = subtotalOf(lineItems);
  const fulfillment = options.fulfillmentType ?? 'delivery';
  const dspId = randomUUID();
  const object: Json = {
    idempotency_key: options.idempotencyKey ?? `${options.source ?? 'uber'}_${dspId}`,
    location_id: options.locationId ?? 'store-1',
    fulfillment_type: fulfillment,
    source: options.source ?? 'uber',
    brand: options.source ?? 'uber',
    dsp_order_id: dspId,
    dsp_order_number: options.dspOrderNumber ?? `#${Math.floor(1000 + Math.random() * 9000)}`,
    customers: [
      { id: 'customer_1', name: 'Jane Doe', phone: '+15551234567', email: 'jane@example.com' },
    ],
    line_items: lineItems,
    is_future_order: options.future ?? false,
    subtotal,
    tax: Math.round(subtotal * 0.08),
    tax_withheld_by_dsp: options.taxWithheldCents ?? 0,
    special_instructions:
      options.specialInstructions === undefined ? 'Leave at the door' : options.specialInstructions,
    driver_tip: 300,
    delivery_fee: 199,
    discounts: options.discounts ?? [],
    unpaid: options.unpaid ?? false,
  };
  if (options.future) object.requested_for = new Date(Date.now() + 2 * 3600_000).toISOString();
  if (fulfillment === 'delivery')
    object.delivery_address = {
      address_line_1: '742 Evergreen Terrace',
      city: 'Springfield',
      postal_code: '62704',
      country: 'US',
    };
  return { type: 'order.created', object };
}

/** The older generation: flat customer fields, no idempotency_key. */
export function legacyOrderCreated(options: OrderOptions = {}): Json {
  const modern = orderCreated(options).object as Json;
  const { idempotency_key: _key, customers: _customers, ...rest } = modern;
  return {
    type: 'order.created',
    object: { ...rest, customer_name: 'John Smith', customer_phone: '+15557654321' },
  };
}

export function orderUpdated(orderId: string, fields: Json): Json {
  return {
    type: 'order.updated',
    object: { location_id: 'store-1', order_id: orderId, ...fields },
  };
}

export function orderCanceled(orderId: string): Json {
  return { type: 'order.canceled', object: { provider_id: orderId, location_id: 'store-1' } };
}
