// Wire shape of an in-store order (call-in, walk-in, other first-party orders) in the Local API.
// Items come from the local catalog (`catalogId`: its name and price are the catalog's) or are
// free text with a price. Money is integer cents; `requestedFor` is epoch milliseconds.
import { z } from 'zod';
import { FulfillmentType } from './domain.js';

const Cents = z.number().int().min(0).max(10_000_000);
const CatalogId = z.string().trim().min(1).max(200);
const Name = z.string().trim().min(1).max(200);

export interface InStoreModifierInput {
  catalogId?: string | undefined;
  name?: string | undefined;
  /** Free-text modifiers only; 0 when left out. */
  priceCents?: number | undefined;
  quantity?: number | undefined;
  modifiers?: InStoreModifierInput[] | undefined;
}

/** A catalog object brings its own price; a free-text one needs a name (and, for items, a price). */
function fromCatalogOrFreeText(
  v: { catalogId?: string | undefined; name?: string | undefined; priceCents?: number | undefined },
  ctx: z.RefinementCtx,
  priceRequired: boolean,
): void {
  if (v.catalogId !== undefined) {
    if (v.priceCents !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['priceCents'],
        message: 'comes from the catalog for a catalog item; leave it out',
      });
    return;
  }
  if (v.name === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['name'],
      message: 'required when there is no catalogId',
    });
  if (priceRequired && v.priceCents === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['priceCents'],
      message: 'required when there is no catalogId',
    });
}

export const InStoreModifier: z.ZodType<InStoreModifierInput> = z.lazy(() =>
  z
    .object({
      catalogId: CatalogId.optional(),
      name: Name.optional(),
      priceCents: Cents.optional(),
      quantity: z.number().int().min(1).max(99).optional(),
      modifiers: z.array(InStoreModifier).max(50).optional(),
    })
    .strict()
    .superRefine((v, ctx) => fromCatalogOrFreeText(v, ctx, false)),
);

export const InStoreLineItem = z
  .object({
    catalogId: CatalogId.optional(),
    name: Name.optional(),
    priceCents: Cents.optional(),
    quantity: z.number().int().min(1).max(999),
    specialInstructions: z.string().trim().max(500).optional(),
    modifiers: z.array(InStoreModifier).max(50).optional(),
  })
  .strict()
  .superRefine((v, ctx) => fromCatalogOrFreeText(v, ctx, true));
export type InStoreLineItem = z.infer<typeof InStoreLineItem>;

export const InStoreAddress = z
  .object({
    street: z.string().trim().min(1).max(200),
    /** Apartment, unit, floor, suite: `address_line_2` to Stream, its own line on every screen. */
    unit: z.string().trim().min(1).max(100).optional(),
    city: z.string().trim().min(1).max(100),
    state: z.string().trim().min(1).max(100).optional(),
    postalCode: z.string().trim().min(1).max(20),
    country: z.string().trim().min(2).max(56).optional(),
  })
  .strict();

export const InStoreCustomer = z
  .object({
    name: Name,
    phone: z.string().trim().min(3).max(64).optional(),
    email: z.email().max(320).optional(),
  })
  .strict();

/** A client's idempotency key: the same key however its characters were composed or padded. */
export const IdempotencyKey = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'required: one key per order being taken, sent again with every retry of it (a repeat returns the first order)'
        : 'must be a string',
  })
  .transform((key) => key.normalize('NFC').trim())
  .pipe(z.string().min(1, 'must not be empty').max(100));

/** Fulfillment types a courier drives to the customer: they need an address and a phone. */
export const DELIVERED_FULFILLMENT = ['delivery', 'merchant_managed_delivery'] as const;

export const InStoreOrderRequest = z
  .object({
    fulfillmentType: FulfillmentType,
    /** Where the order came from, e.g. `phone`, `walk_in`, `website`. */
    source: z
      .string()
      .regex(/^[a-z0-9_]{1,40}$/, 'must be lower-case letters, digits or _')
      .default('in_store'),
    /** One key per order being taken, sent again with every try of it: a repeat with the same key
     * returns the first order, so an answer lost on the way (a crash, a dropped connection) never
     * makes a second order. The counter's form makes one per draft; a POS can use its ticket id.
     * Compared after trimming and Unicode NFC normalization. */
    clientKey: IdempotencyKey,
    /** The POS's own ticket number, shown as the order's number. */
    sourceOrderId: z.string().trim().min(1).max(100).optional(),
    customer: InStoreCustomer.optional(),
    items: z.array(InStoreLineItem).min(1, 'needs at least one item').max(200),
    deliveryAddress: InStoreAddress.optional(),
    notes: z.string().trim().max(1000).optional(),
    requestedFor: z.number().int().positive().optional(),
    includeUtensils: z.boolean().default(false),
    /** The customer pays when the order is picked up or delivered (Stream's `unpaid`); left
     * out: paid already, as Stream assumes. */
    unpaid: z.boolean().default(false),
    /** What the store charges for delivering it, in cents (delivery orders only; up to
     * `instore.maxDeliveryFeeCents`, see `getInStoreTerms`). Left out: none. */
    deliveryFeeCents: z.number().int().min(0, 'must not be negative').max(10_000_000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!(DELIVERED_FULFILLMENT as readonly string[]).includes(v.fulfillmentType)) {
      if (v.deliveryFeeCents)
        ctx.addIssue({
          code: 'custom',
          path: ['deliveryFeeCents'],
          message: `only for delivery orders, not ${v.fulfillmentType}`,
        });
      return;
    }
    if (!v.deliveryAddress)
      ctx.addIssue({
        code: 'custom',
        path: ['deliveryAddress'],
        message: `required for ${v.fulfillmentType}`,
      });
    if (!v.customer)
      ctx.addIssue({
        code: 'custom',
        path: ['customer'],
        message: `required for ${v.fulfillmentType}`,
      });
    else if (!v.customer.phone)
      ctx.addIssue({
        code: 'custom',
        path: ['customer', 'phone'],
        message: `required for ${v.fulfillmentType}`,
      });
  });
export type InStoreOrderRequest = z.infer<typeof InStoreOrderRequest>;

export const CancelOrderRequest = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

/** What the new-order form needs to price an order the way the connector will. */
export const InStoreTerms = z.object({
  /** `instore.taxRatePercent`: sales tax on the subtotal, up to three decimals (8.875). */
  taxRatePercent: z.number(),
  /** `location.currency`, ISO 4217. */
  currency: z.string(),
  locationId: z.string(),
  /** `instore.deliveryFeeCents`: the store's usual delivery fee, filled in for a delivery order. */
  deliveryFeeCents: z.number().int(),
  /** `instore.maxDeliveryFeeCents`: the most a delivery fee may be (a larger one is a typo). */
  maxDeliveryFeeCents: z.number().int(),
});
export type InStoreTerms = z.infer<typeof InStoreTerms>;

/** Digits typed before the counter offers a past customer: a whole local number, so a few
 * digits never list the store's customers. */
export const LOOKUP_MIN_DIGITS = 7;
/** Past customers one look-up offers at most. */
export const LOOKUP_MAX_RESULTS = 3;

/** A phone number as digits only ("+1 (555) 010-0100" → "15550100100"): the one way the form and
 * the core compare numbers, however they were typed. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D+/g, '');
}

export const CustomerLookupRequest = z
  .object({
    /** The number as typed; compared by its digits, at least LOOKUP_MIN_DIGITS of them. */
    phone: z
      .string()
      .max(64)
      .refine(
        (p) => phoneDigits(p).length >= LOOKUP_MIN_DIGITS,
        `needs at least ${LOOKUP_MIN_DIGITS} digits`,
      ),
  })
  .strict();
export type CustomerLookupRequest = z.infer<typeof CustomerLookupRequest>;

/** A customer of this store's own past in-store orders, as the form offers it. */
export const PastCustomer = z.object({
  name: z.string(),
  /** The number as it was last given. */
  phone: z.string(),
  /** The last delivery address they gave; null when they never had one delivered. */
  address: z
    .object({
      street: z.string(),
      unit: z.string().nullable(),
      city: z.string(),
      state: z.string().nullable(),
      postalCode: z.string(),
    })
    .nullable(),
  lastOrderAt: z.number().int(),
  orders: z.number().int(),
});
export type PastCustomer = z.infer<typeof PastCustomer>;

export const CustomerLookupAnswer = z.object({ customers: z.array(PastCustomer) });
export type CustomerLookupAnswer = z.infer<typeof CustomerLookupAnswer>;

/** Tax on the subtotal at `ratePercent` (up to three decimals, e.g. 8.875), rounded half up, in
 * integer arithmetic: the rate becomes thousandths of a percent so no float touches the money.
 * The core prices orders with it and the form's live totals use the same rule. */
export function taxCents(subtotal: number, ratePercent: number): number {
  const milliPercent = Math.round(ratePercent * 1000);
  return Math.floor((subtotal * milliPercent + 50_000) / 100_000);
}
