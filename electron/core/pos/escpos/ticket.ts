// The kitchen ticket and the CANCELED slip, laid out for a cook who glances at the rail: the order
// number big, then where it comes from and how it leaves, when it is due, the flags that change
// what the kitchen does (UNPAID, FUTURE, ALLERGY with the notes that name one), each item tall with its modifiers indented by level,
// instructions in bold, the customer's first name (to call out at the counter), and a cut.
import { addressText } from '../../../../shared/address.js';
import { isAllergyNote } from '../../../../shared/allergy.js';
import type { FulfillmentType } from '../../../../shared/domain.js';
import type { PosModifier, PosOrder } from '../../../../shared/pos.js';
import {
  align,
  bold,
  CODE_PAGE_1252,
  CUT,
  encodeText,
  feed,
  INIT,
  LF,
  reverse,
  size,
  type Align,
} from './commands.js';

export interface TicketOptions {
  /** Characters per line in the normal font. */
  columns: number;
  /** The store's time zone, for due and printed times. */
  timeZone: string;
  printedAt: number;
  /** A line above everything: "REPRINT", "POSSIBLE DUPLICATE". */
  banner?: string | null | undefined;
}

interface Style {
  width: number;
  height: number;
  bold: boolean;
  reverse: boolean;
  align: Align;
}
const NORMAL: Style = { width: 1, height: 1, bold: false, reverse: false, align: 'left' };

/** Lines with their style, wrapped to the paper width; each line states its whole style, so a
 * line never inherits a size or a highlight from the one above. */
class TicketWriter {
  private readonly out: number[] = [...INIT, ...CODE_PAGE_1252];

  constructor(private readonly columns: number) {}

  line(text: string, style: Partial<Style> = {}, indent = 0): this {
    const s = { ...NORMAL, ...style };
    // White-on-black text gets a space either side, so the black bar frames it.
    const frame = s.reverse ? 2 : 0;
    const width = Math.max(8, Math.floor(this.columns / s.width) - indent - frame);
    // Continuation lines sit two further in, so a wrapped name does not look like a new item.
    for (const [i, chunk] of wrap(text, width, width - 2).entries()) {
      this.out.push(
        ...align(s.align),
        ...size(s.width, s.height),
        ...bold(s.bold),
        ...reverse(false),
        ...encodeText(' '.repeat(indent + (i > 0 ? 2 : 0))),
        ...reverse(s.reverse),
        ...encodeText(frame ? ` ${chunk} ` : chunk),
        ...reverse(false),
        LF,
      );
    }
    return this;
  }

  rule(): this {
    return this.line('-'.repeat(this.columns));
  }

  blank(): this {
    this.out.push(...size(1, 1), LF);
    return this;
  }

  cut(): Buffer {
    this.out.push(...size(1, 1), ...bold(false), ...align('left'), ...feed(4), ...CUT);
    return Buffer.from(this.out);
  }
}

const FULFILLMENT: Record<FulfillmentType, string> = {
  delivery: 'DELIVERY',
  merchant_managed_delivery: 'OUR DELIVERY',
  pickup: 'PICKUP',
  curbside: 'CURBSIDE',
  drive_thru: 'DRIVE-THRU',
  dine_in: 'DINE-IN',
};

export function kitchenTicket(order: PosOrder, options: TicketOptions): Buffer {
  const t = new TicketWriter(options.columns);
  if (options.banner)
    t.line(options.banner, { align: 'center', bold: true, reverse: true, width: 2 });
  t.line(`#${order.display_number}`, { align: 'center', bold: true, width: 2, height: 2 });
  t.line(origin(order), { align: 'center', bold: true });
  t.line(FULFILLMENT[order.fulfillment_type], { align: 'center', bold: true, height: 2 });
  t.line(`DUE ${dueText(order, options.timeZone)}`, { align: 'center', height: 2 });
  if (order.unpaid)
    t.line(`UNPAID - COLLECT ${money(order.total_cents, order.currency)}`, {
      align: 'center',
      bold: true,
      reverse: true,
    });
  if (order.is_future)
    t.line('FUTURE ORDER', { align: 'center', bold: true, reverse: true, width: 2 });
  allergyBlock(t, order);
  t.rule();
  for (const item of order.line_items) {
    t.line(`${item.quantity} x ${item.name}`, { bold: true, height: 2 });
    modifiers(t, item.modifiers, 1);
    const note = item.special_instructions;
    if (note) t.line(`>> ${isAllergyNote(note) ? 'ALLERGY: ' : ''}${note}`, { bold: true }, 2);
  }
  t.rule();
  if (order.special_instructions) t.line(`NOTE: ${order.special_instructions}`, { bold: true });
  if (order.fulfillment_instructions)
    t.line(`DELIVERY NOTE: ${order.fulfillment_instructions}`, { bold: true });
  const customer = firstName(order);
  if (customer) t.line(`Customer: ${customer}`, { bold: true });
  for (const line of addressText(order.delivery_address)) t.line(line);
  totals(t, order);
  t.line(`Order ${order.order_id}`);
  t.line(
    `Placed ${clock(order.placed_at, options.timeZone)} · Printed ${clock(options.printedAt, options.timeZone)}`,
  );
  return t.cut();
}

export function canceledSlip(
  order: PosOrder,
  reason: string,
  canceledAt: number,
  options: TicketOptions,
): Buffer {
  const t = new TicketWriter(options.columns);
  if (options.banner) t.line(options.banner, { align: 'center', bold: true, reverse: true });
  t.line('CANCELED', { align: 'center', bold: true, reverse: true, width: 2, height: 2 });
  t.line(`#${order.display_number}`, { align: 'center', bold: true, width: 2, height: 2 });
  t.line(`${origin(order)} - ${FULFILLMENT[order.fulfillment_type]}`, {
    align: 'center',
    bold: true,
  });
  t.line(`Canceled ${clock(canceledAt, options.timeZone)}`, { align: 'center' });
  if (reason) t.line(`Reason: ${reason}`);
  t.line('DO NOT MAKE THIS ORDER', { align: 'center', bold: true, height: 2 });
  t.line(`Order ${order.order_id}`);
  return t.cut();
}

/** Above the items, where the cook looks first: a tall white-on-black ALLERGY bar, then each
 * note that names an allergy (the order's, then "Item: note"), bold and white on black, so it
 * reads as a warning and not as one more note. */
function allergyBlock(t: TicketWriter, order: PosOrder): void {
  if (!order.allergy_alert) return;
  t.line('ALLERGY', { align: 'center', bold: true, reverse: true, width: 2, height: 2 });
  for (const note of order.allergy_notes) t.line(note, { bold: true, reverse: true });
}

/** The money, discounts applied to the subtotal. */
function totals(t: TicketWriter, order: PosOrder): void {
  const rows: [string, number][] = [['Subtotal', order.subtotal_cents]];
  if (order.discount_cents) rows.push(['Discount', -order.discount_cents]);
  rows.push(['Tax', order.tax_cents]);
  if (order.tax_withheld_by_dsp_cents)
    rows.push(['Tax paid by platform', -order.tax_withheld_by_dsp_cents]);
  // An in-store order's delivery fee is the store's own charge, part of its total.
  if (order.origin === 'in_store' && order.delivery_fee_cents)
    rows.push(['Delivery fee', order.delivery_fee_cents]);
  rows.push(['Store total', order.total_cents]);
  for (const [label, cents] of rows) t.line(`${label}: ${money(cents, order.currency)}`);
}

/** Nested modifiers, two spaces further in per level. */
function modifiers(t: TicketWriter, list: readonly PosModifier[], level: number): void {
  for (const m of list) {
    t.line(m.quantity > 1 ? `${m.quantity} x ${m.name}` : m.name, {}, level * 2);
    modifiers(t, m.modifiers, level + 1);
  }
}

function origin(order: PosOrder): string {
  const source = (
    order.source ?? (order.origin === 'in_store' ? 'in-store' : 'stream')
  ).toUpperCase();
  const brand = order.brand?.trim();
  return brand && brand.toLowerCase() !== source.toLowerCase() ? `${source} · ${brand}` : source;
}

function firstName(order: PosOrder): string | null {
  const name = order.customers[0]?.name?.trim();
  return name ? name.split(/\s+/)[0]! : null;
}

function dueText(order: PosOrder, timeZone: string): string {
  if (!order.is_future) return clock(order.due_at, timeZone);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(order.due_at);
  return `${day} ${clock(order.due_at, timeZone)}`;
}

function clock(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

function money(cents: number, currency: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

/** Word wrap to `first` characters, then `rest` on the following lines; a word longer than a
 * line is split. */
export function wrap(text: string, first: number, rest = first): string[] {
  const lines: string[] = [];
  // The limit of the line being filled (`current` becomes lines[lines.length]).
  const limit = (): number => Math.max(1, lines.length ? rest : first);
  let current = '';
  for (let word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (current && current.length + 1 + word.length <= limit()) {
      current += ` ${word}`;
      continue;
    }
    if (current) lines.push(current);
    while (word.length > limit()) {
      const n = limit();
      lines.push(word.slice(0, n));
      word = word.slice(n);
    }
    current = word;
  }
  if (current || !lines.length) lines.push(current);
  return lines;
}
