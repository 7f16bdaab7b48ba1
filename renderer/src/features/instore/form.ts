// The new-order form's fields, what the form checks itself before sending (the connector checks
// everything again and names the field it refuses), and the `createInStoreOrder` request.
import type { FulfillmentType } from '../../../../shared/domain.js';
import {
  DELIVERED_FULFILLMENT,
  type InStoreOrderRequest,
  type InStoreTerms,
} from '../../../../shared/instore.js';
import { addDays, instantAt, localDateOf } from '../../../../shared/store-clock.js';
import { storeTimeZone } from '../../ui/format.js';
import type { Language } from '../../i18n/language.js';
import { texts } from '../../i18n/texts.js';
import { money } from '../../ui/format.js';
import { lineRequest, parsePriceCents, type DraftLine } from './draft.js';
import type { FieldErrors } from './field-errors.js';
import { FORM_TEXTS } from './texts.js';

/** Where the order came from: the `source` the connector and history show. */
export const ORDER_SOURCES = ['phone', 'walk_in'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

/** What staff call a source on the form's buttons ("Phone call"), in the terminal's language. */
export function orderSourceLabel(source: OrderSource, language: Language): string {
  return texts(FORM_TEXTS, language).sources[source];
}

export interface OrderForm {
  source: OrderSource;
  fulfillmentType: FulfillmentType;
  /** Chosen by the cashier every time (null until then): a wrong guess costs money. */
  payment: 'paid' | 'unpaid' | null;
  customerName: string;
  customerPhone: string;
  street: string;
  /** Apartment, unit, floor. */
  unit: string;
  city: string;
  state: string;
  postalCode: string;
  /** `asap`: no requested time; `later`: `day` at `time` (HH:MM on this terminal's clock). */
  when: 'asap' | 'later';
  day: 'today' | 'tomorrow';
  time: string;
  notes: string;
  /** Ask for cutlery and napkins (a delivered order). */
  utensils: boolean;
  /** The delivery fee as typed; null: the store's usual fee (terms), not touched yet. */
  deliveryFee: string | null;
}

export const EMPTY_FORM: OrderForm = {
  source: 'phone',
  fulfillmentType: 'pickup',
  payment: null,
  customerName: '',
  customerPhone: '',
  street: '',
  unit: '',
  city: '',
  state: '',
  postalCode: '',
  when: 'asap',
  day: 'today',
  time: '',
  notes: '',
  utensils: false,
  deliveryFee: null,
};

/** "3.50" for 350 cents: how a fee is shown in its field. */
export function centsText(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** The fee field's text: as typed, else the store's usual fee (empty until the terms answer). */
export function deliveryFeeText(form: OrderForm, terms: InStoreTerms | null): string {
  if (form.deliveryFee !== null) return form.deliveryFee;
  return terms ? centsText(terms.deliveryFeeCents) : '';
}

/** The delivery fee in cents: 0 for an order nobody delivers or an empty field, null when what
 * is typed is not an amount. */
export function deliveryFeeCents(form: OrderForm, terms: InStoreTerms | null): number | null {
  if (!isDelivered(form.fulfillmentType)) return 0;
  const text = deliveryFeeText(form, terms).trim();
  return text === '' ? 0 : parsePriceCents(text);
}

export function isDelivered(type: FulfillmentType): boolean {
  return (DELIVERED_FULFILLMENT as readonly string[]).includes(type);
}

/** The requested time as epoch ms, or null for "as soon as possible" (or no time typed). */
export function requestedFor(form: OrderForm, now: number): number | null {
  if (form.when === 'asap') return null;
  const match = /^(\d{2}):(\d{2})$/.exec(form.time);
  if (!match) return null;
  // On the store's clock (a time the customer asked for is the store's time, not this PC's).
  const zone = storeTimeZone();
  const day = addDays(localDateOf(zone, now), form.day === 'tomorrow' ? 1 : 0);
  return instantAt(zone, day, Number(match[1]) * 60 + Number(match[2]));
}

/** What is plainly missing, by field: no request is sent until this is empty. Everything the
 * form does not check here (a time in the past, a phone too short …) the connector refuses
 * with the field named, and the form shows it in the same place. */
export function missingFields(
  form: OrderForm,
  lines: readonly DraftLine[],
  terms: InStoreTerms | null,
  currency: string,
  language: Language,
): FieldErrors {
  const t = texts(FORM_TEXTS, language);
  const errors: FieldErrors = {};
  if (lines.length === 0) errors.items = t.addAnItem;
  if (form.payment === null) errors.unpaid = t.choosePayment;
  const delivered = isDelivered(form.fulfillmentType);
  const fee = deliveryFeeCents(form, terms);
  if (fee === null) errors.deliveryFeeCents = t.feeNotAnAmount;
  else if (terms && fee > terms.maxDeliveryFeeCents)
    errors.deliveryFeeCents = t.feeTooLarge(money(terms.maxDeliveryFeeCents, currency, language));
  if (delivered) {
    const needed = t.neededForDelivery;
    if (!form.customerName.trim()) errors['customer.name'] = needed;
    if (!form.customerPhone.trim()) errors['customer.phone'] = needed;
    if (!form.street.trim()) errors['deliveryAddress.street'] = needed;
    if (!form.city.trim()) errors['deliveryAddress.city'] = needed;
    if (!form.postalCode.trim()) errors['deliveryAddress.postalCode'] = needed;
  } else if (form.customerPhone.trim() && !form.customerName.trim()) {
    errors['customer.name'] = t.nameWithPhone;
  }
  if (form.when === 'later' && !/^\d{2}:\d{2}$/.test(form.time)) errors.requestedFor = t.pickATime;
  return errors;
}

/** `clientKey`: the draft's one key (client-key.ts), the same on every try of this order. */
export function orderRequest(
  form: OrderForm,
  lines: readonly DraftLine[],
  now: number,
  clientKey: string,
  terms: InStoreTerms | null,
): InStoreOrderRequest {
  const name = form.customerName.trim();
  const phone = form.customerPhone.trim();
  const notes = form.notes.trim();
  const at = requestedFor(form, now);
  const state = form.state.trim();
  const unit = form.unit.trim();
  const fee = deliveryFeeCents(form, terms) ?? 0;
  return {
    fulfillmentType: form.fulfillmentType,
    source: form.source,
    clientKey,
    items: lines.map(lineRequest),
    ...(name ? { customer: { name, ...(phone ? { phone } : {}) } } : {}),
    ...(isDelivered(form.fulfillmentType)
      ? {
          deliveryAddress: {
            street: form.street.trim(),
            ...(unit ? { unit } : {}),
            city: form.city.trim(),
            ...(state ? { state } : {}),
            postalCode: form.postalCode.trim(),
          },
        }
      : {}),
    ...(notes ? { notes } : {}),
    ...(at !== null ? { requestedFor: at } : {}),
    includeUtensils: isDelivered(form.fulfillmentType) && form.utensils,
    unpaid: form.payment === 'unpaid',
    ...(fee > 0 ? { deliveryFeeCents: fee } : {}),
  };
}
