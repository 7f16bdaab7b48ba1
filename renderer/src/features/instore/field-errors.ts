// Where a refusal belongs on the form. The connector names the field it refused
// (`body.customer.phone`, `body.items.2.catalogId`, `body.requestedFor` …); the form shows the
// message next to that field, or next to the closest one it has (`items.2` for anything inside
// the third line), and at the top when it has none. A field the cashier changes clears the
// messages it answers (TOUCHES).
import type { OrderForm } from './form.js';

/** Fields the form shows a message beside. `items.N` is the N-th line (0-based). */
export const FORM_FIELDS = [
  'fulfillmentType',
  'source',
  'customer',
  'customer.name',
  'customer.phone',
  'deliveryAddress',
  'deliveryAddress.street',
  'deliveryAddress.unit',
  'deliveryAddress.city',
  'deliveryAddress.state',
  'deliveryAddress.postalCode',
  'notes',
  'requestedFor',
  'unpaid',
  'deliveryFeeCents',
  'items',
] as const;

export type FieldErrors = Record<string, string>;

/** A field changed: its message (and its group's) no longer applies. */
export const TOUCHES: Record<keyof OrderForm, string[]> = {
  source: ['source'],
  fulfillmentType: [
    'fulfillmentType',
    'customer',
    'customer.phone',
    'deliveryAddress',
    'deliveryFeeCents',
  ],
  payment: ['unpaid'],
  customerName: ['customer.name', 'customer'],
  customerPhone: ['customer.phone', 'customer'],
  street: ['deliveryAddress.street', 'deliveryAddress'],
  unit: ['deliveryAddress.unit'],
  city: ['deliveryAddress.city', 'deliveryAddress'],
  state: ['deliveryAddress.state'],
  postalCode: ['deliveryAddress.postalCode', 'deliveryAddress'],
  when: ['requestedFor'],
  day: ['requestedFor'],
  time: ['requestedFor'],
  notes: ['notes'],
  utensils: [],
  deliveryFee: ['deliveryFeeCents'],
};

/** The form's field for a refused one; null when the form has nothing closer than the top. */
export function formFieldOf(refused: string | undefined): string | null {
  if (!refused) return null;
  const parts = refused
    .replace(/^body\.?/, '')
    .split('.')
    .filter(Boolean);
  if (parts[0] === 'items' && parts[1] !== undefined && /^\d+$/.test(parts[1]))
    return `items.${parts[1]}`;
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if ((FORM_FIELDS as readonly string[]).includes(candidate)) return candidate;
  }
  return null;
}

/** "body.customer.phone: required for delivery" → "Required for delivery". */
export function messageFor(message: string): string {
  const text = message.replace(/^[\w.]+:\s*/, '');
  return text ? text[0]!.toUpperCase() + text.slice(1) : message;
}
