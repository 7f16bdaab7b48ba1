// Customer look-up by phone for the new-order form: the name and last delivery address a caller
// gave on this store's own past in-store orders. Privacy by construction: only in-store orders
// are indexed (instore_phone, migration 0012), a look-up needs a whole local number (at least
// LOOKUP_MIN_DIGITS digits), answers at most LOOKUP_MAX_RESULTS customers seen within a year, and
// never an email or an order id. The phone itself never reaches a log line.
import {
  LOOKUP_MAX_RESULTS,
  LOOKUP_MIN_DIGITS,
  phoneDigits,
  type PastCustomer,
} from '../../../shared/instore.js';
import type { Db } from '../db/connection.js';
import type { NormalizedOrder } from '../stream/protocol/index.js';

/** A customer not seen for this long is not offered. */
const LOOKBACK_MS = 365 * 24 * 60 * 60_000;
/** Orders read for one look-up at most (newest first): a regular's history, never the table. */
const ORDERS_READ = 200;

interface Hit {
  phone_digits: string;
  received_at: number;
  normalized: string;
}

function tail(digits: string): string {
  return digits.slice(-LOOKUP_MIN_DIGITS);
}

/** The same number written with or without its country or trunk prefix: one ends with the other. */
function sameNumber(a: string, b: string): boolean {
  return a.endsWith(b) || b.endsWith(a);
}

export class CustomerLookup {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      note: db.prepare(`INSERT OR IGNORE INTO instore_phone (order_id, phone_digits, phone_tail, received_at)
        VALUES (?, ?, ?, ?)`),
      byTail: db.prepare(`SELECT p.phone_digits, p.received_at, o.normalized FROM instore_phone p
        JOIN orders o ON o.id = p.order_id
        WHERE p.phone_tail = ? AND p.received_at >= ?
        ORDER BY p.received_at DESC LIMIT ${ORDERS_READ}`),
    };
  }

  /** Index an in-store order's phone; call inside the order's own transaction. */
  note(orderId: string, phone: string | null, receivedAt: number): void {
    const digits = phone ? phoneDigits(phone) : '';
    if (digits.length < LOOKUP_MIN_DIGITS) return;
    this.stmts.note.run(orderId, digits, tail(digits), receivedAt);
  }

  find(phone: string, now: number): PastCustomer[] {
    const typed = phoneDigits(phone);
    const hits = (this.stmts.byTail.all(tail(typed), now - LOOKBACK_MS) as Hit[]).filter((h) =>
      sameNumber(h.phone_digits, typed),
    );
    // One customer per number, however it was written ("+1 555…" and "555…" are one number);
    // newest first, so the name is the last one given and the address the last one delivered to.
    const found: { digits: string; customer: PastCustomer }[] = [];
    for (const hit of hits) {
      const order = JSON.parse(hit.normalized) as NormalizedOrder;
      const seen = found.find((f) => sameNumber(f.digits, hit.phone_digits));
      if (seen) {
        seen.customer.orders += 1;
        seen.customer.address ??= addressOf(order);
        continue;
      }
      const customer = order.customers[0];
      if (found.length === LOOKUP_MAX_RESULTS || !customer?.name) continue;
      found.push({
        digits: hit.phone_digits,
        customer: {
          name: customer.name,
          phone: customer.phone ?? hit.phone_digits,
          address: addressOf(order),
          lastOrderAt: hit.received_at,
          orders: 1,
        },
      });
    }
    return found.map((f) => f.customer);
  }
}

/** The address an in-store order was delivered to, as the form fills it in again. */
function addressOf(order: NormalizedOrder): PastCustomer['address'] {
  const a = order.deliveryAddress;
  const text = (k: string): string | null =>
    typeof a?.[k] === 'string' && a[k].trim() ? a[k].trim() : null;
  const street = text('street');
  const city = text('city');
  const postalCode = text('postalCode');
  if (!street || !city || !postalCode) return null;
  return { street, unit: text('unit'), city, state: text('state'), postalCode };
}
