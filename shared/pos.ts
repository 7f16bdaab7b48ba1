// Wire shapes of the POS leg (issue 4): the normalized POS order every driver sends (a versioned
// schema, also published as JSON Schema: electron/core/pos/schema/pos-order.v2.schema.json), the
// POS leg as staff see it in the Local API, the printer's status, and catalog import.
// Money is integer cents; times are epoch milliseconds.
import { z } from 'zod';
import { FulfillmentType } from './domain.js';

// ---------------------------------------------------------------------------------------------
// The normalized POS order, version 1. Any change to this shape is a new version.

export const POS_ORDER_SCHEMA = 'stream-connector.pos-order';
/** 2: discounts applied to the totals, fulfillment instructions, the tax the platform withholds
 * and what the customer paid; the delivery address under both documented field names. */
export const POS_ORDER_VERSION = 2;
/** A void's shape has not changed since the first version. */
export const POS_VOID_VERSION = 1;

const cents = z.number().int();
const ms = z.number().int();

export interface PosModifier {
  provider_id: string | null;
  name: string;
  quantity: number;
  unit_price_cents: number;
  modifiers: PosModifier[];
}
export const PosModifier: z.ZodType<PosModifier> = z
  .object({
    provider_id: z.string().nullable().describe('POS id of the modifier (catalog provider_id)'),
    name: z.string(),
    quantity: z.number().int().min(1).describe('per one unit of the item or modifier above it'),
    unit_price_cents: cents.describe('price of one, without its own nested modifiers'),
    get modifiers(): z.ZodArray<z.ZodType<PosModifier>> {
      return z.array(PosModifier).describe('nested modifiers ("Half & Half" → "Left: Pepperoni")');
    },
  })
  .meta({ id: 'PosModifier' });

export const PosLineItem = z
  .object({
    provider_id: z
      .string()
      .nullable()
      .describe('POS id: the item family, or "<family>|<item>" for a variation (stream-api.md A1)'),
    name: z.string(),
    quantity: z.number().int().min(1),
    unit_price_cents: cents.describe('price of one, without modifiers'),
    total_cents: cents.describe('quantity × (unit price + every modifier, nested ones included)'),
    special_instructions: z.string().nullable(),
    customer_id: z.string().nullable(),
    modifiers: z.array(PosModifier),
  })
  .meta({ id: 'PosLineItem' });

export const PosCustomer = z
  .object({
    id: z.string().nullable(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  })
  .meta({ id: 'PosCustomer' });

export const PosOrder = z
  .object({
    schema: z.literal(POS_ORDER_SCHEMA),
    version: z.literal(POS_ORDER_VERSION),
    order_id: z
      .string()
      .describe('the connector order id: the Idempotency-Key (HTTP) and the file name (folder)'),
    location_id: z.string(),
    origin: z.enum(['stream', 'in_store']),
    source: z.string().nullable().describe('delivery service: uber, doordash …'),
    brand: z.string().nullable(),
    dsp_order_id: z.string().nullable(),
    dsp_order_number: z.string().nullable().describe('the number the courier and customer quote'),
    display_number: z.string().describe('what staff call the order: the DSP number or a short id'),
    fulfillment_type: FulfillmentType,
    placed_at: ms.describe('when the connector received the order'),
    accepted_at: ms.nullable().describe('null while an auto-accepted order waits for the POS'),
    due_at: ms.describe('when the order must be ready: requested time, or acceptance + prep time'),
    is_future: z.boolean(),
    requested_for: z.string().nullable().describe('as Stream sent it (future orders)'),
    prep_time_minutes: z.number().int().nullable(),
    unpaid: z.boolean().describe('the customer pays at pick-up'),
    customers: z.array(PosCustomer),
    delivery_address: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe(
        'as sent, plus address_line_1/street, address_line_2, city, state, postal_code/zip, country',
      ),
    special_instructions: z.string().nullable(),
    fulfillment_instructions: z
      .string()
      .nullable()
      .describe('how to reach the customer ("Gate code 1234")'),
    allergy_alert: z
      .boolean()
      .describe('a note names an allergy (shared/allergy.ts words): show it to whoever cooks'),
    allergy_notes: z
      .array(z.string())
      .describe('the notes that name an allergy: the order\'s first, then "Item: note" per item'),
    currency: z.string().describe('ISO 4217, upper case'),
    line_items: z.array(PosLineItem),
    subtotal_cents: cents.describe('the items, before discounts'),
    discount_cents: cents.describe('every discount together, subtracted from the subtotal'),
    tax_cents: cents,
    tax_withheld_by_dsp_cents: cents.describe('tax the platform pays to the authority itself'),
    delivery_fee_cents: cents,
    driver_tip_cents: cents,
    total_cents: cents.describe(
      'what the store collects: subtotal − discounts + tax − tax withheld by the platform, + the delivery fee on in-store orders (the store’s own charge)',
    ),
    customer_paid_cents: cents.describe(
      'what the customer paid: subtotal − discounts + tax + delivery fee + tip',
    ),
    discounts: z
      .array(z.unknown())
      .describe('as Stream sent them; their sum is discount_cents (item prices are unchanged)'),
  })
  .meta({
    $id: 'https://stream-connector.local/schemas/pos-order.v2.schema.json',
    title: 'Stream Connector POS order, version 2',
    description:
      'One accepted order as the connector hands it to the store POS (HTTP body or dropped file).',
  });
export type PosOrder = z.infer<typeof PosOrder>;

/** A void, as the HTTP body and as the folder driver's `<order id>.void.json`. */
export const PosVoid = z.object({
  schema: z.literal('stream-connector.pos-void'),
  version: z.literal(POS_VOID_VERSION),
  order_id: z.string(),
  pos_order_id: z.string().nullable(),
  reason: z.string(),
  voided_at: ms,
});
export type PosVoid = z.infer<typeof PosVoid>;

// ---------------------------------------------------------------------------------------------
// The POS leg as staff see it.

export const PosTarget = z.enum(['pos', 'printer']);
export type PosTarget = z.infer<typeof PosTarget>;

export const PosLegState = z.enum(['queued', 'sent', 'failed', 'manual', 'withdrawn']);
export type PosLegState = z.infer<typeof PosLegState>;

export const PosLeg = z.object({
  orderId: z.string(),
  dspOrderNumber: z.string().nullable(),
  target: PosTarget,
  driver: z.string(),
  /** queued → sent (with the POS reference) | failed; manual: entered by hand; withdrawn: the
   * order was canceled or rejected before it got there. */
  state: PosLegState,
  posOrderId: z.string().nullable(),
  queuedAt: ms,
  sentAt: ms.nullable(),
  failures: z.number().int(),
  lastError: z.string().nullable(),
  lastAttemptAt: ms.nullable(),
  /** "Not in POS": flagged after too many failures or too long; staff retry or enter it by hand. */
  notInPos: z.boolean(),
  attentionSince: ms.nullable(),
  voidState: z.enum(['queued', 'sent', 'failed', 'skipped']).nullable(),
  voidError: z.string().nullable(),
  voidedAt: ms.nullable(),
  manualBy: z.string().nullable(),
  /** Bumped on every change: of two copies of a leg, the higher revision is the newer. */
  revision: z.number().int(),
});
export type PosLeg = z.infer<typeof PosLeg>;

export const PosLegs = z.object({ legs: z.array(PosLeg) });

/** The kitchen printer, read with ESC/POS real-time status (DLE EOT 1, 2, 4). */
export const PrinterStatus = z.object({
  address: z.string(),
  reachable: z.boolean(),
  /** null: the printer took the connection but did not answer the status request. */
  online: z.boolean().nullable(),
  coverOpen: z.boolean().nullable(),
  paperOut: z.boolean().nullable(),
  paperNearEnd: z.boolean().nullable(),
  error: z.boolean().nullable(),
  /** Plain words for staff: "paper out", "cover open" …; empty when all is well. */
  problems: z.array(z.string()),
  checkedAt: ms,
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;

export const PosStatus = z.object({
  driver: z.enum(['none', 'http', 'folder']),
  printer: z.object({
    enabled: z.boolean(),
    address: z.string().nullable(),
    /** The watch's last reading (`printer.statusCheckSeconds`); null before the first. */
    lastStatus: PrinterStatus.nullable(),
  }),
  /** Which leg an auto-accepted order waits for; null when orders are accepted without one. */
  acceptanceWaitsFor: PosTarget.nullable(),
  /** The POS driver's own check, asked now (HTTP: any answer to `GET {url}/health`; folder: the
   * folder is writable); null without a POS driver. */
  health: z.object({ reachable: z.boolean(), detail: z.string() }).nullable(),
  queued: z.number().int(),
  /** Orders flagged "not in POS", and canceled orders whose void did not reach the POS. */
  attention: z.array(PosLeg),
});
export type PosStatus = z.infer<typeof PosStatus>;

export const PosTargetBody = z.object({ target: PosTarget.default('pos') }).strict();
export const EnteredByHandBody = z
  .object({
    target: PosTarget.default('pos'),
    /** The check number the POS gave the order typed in by hand, when staff have it. */
    posOrderId: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Catalog import (stream-api.md A5), from the POS driver or a JSON file.

const id = z.string().trim().min(1).max(200);
const ids = z.array(id).max(10_000);
const money = z.number().int().min(0).max(100_000_000);
const LocationOverride = z.looseObject({
  provider_location_id: z.string().min(1),
  override: z.record(z.string(), z.unknown()),
});
const overrides = z.array(LocationOverride).max(1000).optional();
/** What item families, items (sizes) and modifiers share: a name, a price, on or off here. */
const sellable = {
  provider_id: id,
  name: z.string(),
  is_active: z.boolean().optional(),
  price_amount: money.nullish(),
  price_currency: z.string().optional(),
  location_overrides: overrides,
};

/** Stream's catalog shape. Fields the connector uses are checked; any others are kept as sent. */
export const StreamCatalog = z.object({
  category: z
    .array(z.looseObject({ provider_id: id, name: z.string(), item_family_ids: ids.optional() }))
    .default([]),
  item_family: z
    .array(
      z.looseObject({
        ...sellable,
        modifier_group_ids: ids.optional(),
        item_ids: ids.optional(),
      }),
    )
    .default([]),
  item: z.array(z.looseObject(sellable)).default([]),
  modifier_group: z
    .array(
      z.looseObject({
        provider_id: id,
        name: z.string(),
        modifier_ids: ids.optional(),
        min_unique: z.number().int().min(0).nullish(),
        max_unique: z.number().int().min(0).nullish(),
        max_free: z.number().int().min(0).nullish(),
        selection_type: z.enum(['single', 'multiple']).nullish(),
      }),
    )
    .default([]),
  modifier: z.array(z.looseObject({ ...sellable, modifier_group_ids: ids.optional() })).default([]),
  menu: z.array(z.looseObject({})).default([]),
});
export type StreamCatalog = z.output<typeof StreamCatalog>;

export const ImportCatalogRequest = z.discriminatedUnion('source', [
  z.object({ source: z.literal('pos') }).strict(),
  z
    .object({
      source: z.literal('file'),
      /** Shown in the catalog's source ("file:menu.json"); the content is `catalog`. */
      fileName: z.string().trim().min(1).max(260).optional(),
      catalog: StreamCatalog,
    })
    .strict(),
]);

export const ImportCatalogResult = z.object({
  objects: z.number().int(),
  loadedAt: ms,
  source: z.string(),
  /** Things worth a look that did not stop the import (a family naming an item that is missing). */
  warnings: z.array(z.string()),
});
export type ImportCatalogResult = z.infer<typeof ImportCatalogResult>;
