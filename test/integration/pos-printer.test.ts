// The ESC/POS kitchen printer driver against a real TCP listener that decodes what it receives:
// the ticket as a cook reads it (size, bold, nesting, flags, cut), the CANCELED slip, reprints,
// the real-time status (DLE EOT) through the Local API, a printer that is out of paper, one that
// stops answering after the ticket left (POSSIBLE DUPLICATE), and one without status support.
import { afterEach, describe, expect, it } from 'vitest';
import type { PosLeg, PrinterStatus } from '../../shared/pos.js';
import { startPosRig, type PosRig } from '../support/fake-pos.js';
import { cheeseburger, halfAndHalfPizza, orderCanceled, orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

type Answer = { order: { provider_id: string } };

let rig: PosRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

/** A pickup for tomorrow evening, unpaid, with nested modifiers and notes. */
function kitchenOrder(): Record<string, unknown> {
  const body = orderCreated({
    lineItems: [cheeseburger(2), halfAndHalfPizza()],
    fulfillmentType: 'pickup',
    dspOrderNumber: '#4521',
    unpaid: true,
    future: true,
  });
  (body.object as Record<string, unknown>).requested_for = '2026-11-24T23:30:00.000Z';
  return body;
}

async function newOrder(r: PosRig, body = orderCreated()): Promise<string> {
  const res = await sendToStreamListener<Answer>(r.t.streamUrl, body);
  expect(res.status).toBe(200);
  return res.body.order.provider_id;
}

async function accept(r: PosRig, id: string): Promise<void> {
  expect((await local(r.t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
}

const ticketLeg = (r: PosRig, id: string) => r.t.connector.pos.legs.get(id, 'printer');

async function printerOnly(config: Record<string, unknown> = {}): Promise<PosRig> {
  return startPosRig({ printer: true, posDriver: 'none', config });
}

describe('ESC/POS kitchen printer', () => {
  it('prints a ticket a cook reads at a glance: big number, source, fulfillment, due time, flags, items with nested modifiers, notes, first name, cut', async () => {
    rig = await printerOnly();
    const id = await newOrder(rig, kitchenOrder());
    await accept(rig, id);
    await rig.drive(() => ticketLeg(rig!, id)?.state === 'sent');

    const rule = '-'.repeat(42);
    // The store is in America/New_York; the clock stands at 12:00 UTC (07:00 there).
    expect(rig.printer!.tickets()).toEqual([
      [
        '[C 2x2 B] #4521',
        '[C B] UBER',
        '[C 1x2 B] PICKUP',
        '[C 1x2] DUE Tue 24 Nov 18:30',
        '[C B R]  UNPAID - COLLECT 52.62 USD ',
        '[C 2x1 B R]  FUTURE ORDER ',
        rule,
        '[1x2 B] 2 x Cheeseburger',
        '  2 x Extra Patty',
        '  Medium',
        '[B]   >> Cut in half please',
        '[1x2 B] 1 x Pizza 16 inch',
        '  Half & Half',
        '    Left: Pepperoni',
        '      Extra',
        '    Right: Mushroom',
        rule,
        '[B] NOTE: Leave at the door',
        '[B] Customer: Jane',
        'Subtotal: 48.72 USD',
        'Tax: 3.90 USD',
        'Store total: 52.62 USD',
        `Order ${id}`,
        'Placed 07:00 · Printed 07:00',
        '[CUT]',
      ],
    ]);
    expect(ticketLeg(rig, id)).toMatchObject({ state: 'sent', failures: 0, uncertain: 0 });
  });

  it('marks an allergy over real TCP: a tall white-on-black ALLERGY bar above the items with each note that names one, and the POS order carries the flag and the notes', async () => {
    rig = await startPosRig({ printer: true });
    const id = await newOrder(
      rig,
      orderCreated({
        specialInstructions: 'Severe peanut allergy',
        lineItems: [{ ...cheeseburger(), special_instructions: 'No sesame, allergic' }],
      }),
    );
    await accept(rig, id);
    await rig.drive(
      () => ticketLeg(rig!, id)?.state === 'sent' && rig!.pos.orders.some((o) => o.key === id),
    );

    const [ticket] = rig.printer!.tickets();
    const rule = ticket!.indexOf('-'.repeat(42));
    expect(ticket!.slice(rule - 3, rule + 1)).toEqual([
      '[C 2x2 B R]  ALLERGY ',
      '[B R]  Severe peanut allergy ',
      '[B R]  Cheeseburger: No sesame, allergic ',
      '-'.repeat(42),
    ]);
    expect(ticket).toContain('[B]   >> ALLERGY: No sesame, allergic');
    // The bytes on the wire: GS B 1 (white on black) right before the framed word, GS B 0 and a
    // line feed right after it, inside a double-size bold line (GS ! 0x11, ESC E 1).
    const bytes = rig.printer!.receivedBytes();
    const word = bytes.indexOf(Buffer.from(' ALLERGY ', 'latin1'));
    expect([...bytes.subarray(word - 12, word)]).toEqual([
      0x1d, 0x21, 0x11, 0x1b, 0x45, 1, 0x1d, 0x42, 0, 0x1d, 0x42, 1,
    ]);
    expect([...bytes.subarray(word + 9, word + 13)]).toEqual([0x1d, 0x42, 0, 0x0a]);

    const order = rig.pos.orders.find((o) => o.key === id)!.order;
    expect(order).toMatchObject({
      allergy_alert: true,
      allergy_notes: ['Severe peanut allergy', 'Cheeseburger: No sesame, allergic'],
    });
  });

  it('prints a CANCELED slip when a printed order is canceled, and nothing for one that never printed', async () => {
    rig = await printerOnly();
    const printed = await newOrder(rig);
    await accept(rig, printed);
    await rig.drive(() => ticketLeg(rig!, printed)?.state === 'sent');
    await sendToStreamListener(rig.t.streamUrl, orderCanceled(printed));
    await rig.drive(() => ticketLeg(rig!, printed)?.void_state === 'sent');

    const slip = rig.printer!.tickets()[1]!;
    expect(slip.slice(0, 3)).toEqual([
      '[C 2x2 B R]  CANCELED ',
      expect.stringMatching(/^\[C 2x2 B\] #\d{4}$/) as unknown,
      '[C B] UBER - DELIVERY',
    ]);
    expect(slip).toContain('[C 1x2 B] DO NOT MAKE THIS ORDER');
    expect(slip).toContain('Reason: Canceled by Stream');
    expect(slip.at(-1)).toBe('[CUT]');

    // Paper out: the second order's ticket waits (nothing was sent), then the order is canceled:
    // it is taken back, and neither its ticket nor a slip ever prints.
    rig.printer!.state.paperOut = true;
    const waiting = await newOrder(rig);
    await accept(rig, waiting);
    await rig.drive(() => (ticketLeg(rig!, waiting)?.failures ?? 0) >= 1);
    await sendToStreamListener(rig.t.streamUrl, orderCanceled(waiting));
    expect(ticketLeg(rig, waiting)).toMatchObject({ state: 'withdrawn', void_state: null });
    rig.printer!.state.paperOut = false;
    rig.clock.advance(10 * 60_000);
    await rig.settle();
    expect(rig.printer!.tickets()).toHaveLength(2);
  });

  it('reprints from the Local API marked REPRINT; refused for a pending order and without a printer', async () => {
    rig = await printerOnly();
    const id = await newOrder(rig);
    const pending = await local(rig.t.localUrl, 'POST', `/api/orders/${id}/reprint`);
    expect(pending.status).toBe(409);
    await accept(rig, id);
    const res = await local<{ legs: PosLeg[] }>(
      rig.t.localUrl,
      'POST',
      `/api/orders/${id}/reprint`,
    );
    expect(res.status).toBe(200);
    await rig.drive(() => rig!.printer!.tickets().length === 2);
    const [first, second] = rig.printer!.tickets();
    expect(second![0]).toBe('[C 2x1 B R]  REPRINT ');
    expect(second!.slice(1)).toEqual(first);
    await rig.dispose();

    rig = await startPosRig();
    const other = await newOrder(rig);
    await accept(rig, other);
    const none = await local<{ error: { code: string } }>(
      rig.t.localUrl,
      'POST',
      `/api/orders/${other}/reprint`,
    );
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('printer_disabled');
  });

  it('reads the printer status with DLE EOT through the Local API: ready, paper out, cover open, offline, unreachable', async () => {
    rig = await printerOnly();
    const read = async () =>
      (await local<PrinterStatus>(rig!.t.localUrl, 'GET', '/api/printer/status')).body;
    expect(await read()).toMatchObject({
      reachable: true,
      online: true,
      paperOut: false,
      coverOpen: false,
      problems: [],
    });
    rig.printer!.state.paperNearEnd = true;
    expect(await read()).toMatchObject({ online: true, paperNearEnd: true, problems: [] });
    rig.printer!.state.paperOut = true;
    expect(await read()).toMatchObject({ online: false, paperOut: true, problems: ['paper out'] });
    rig.printer!.state.paperOut = false;
    rig.printer!.state.coverOpen = true;
    expect(await read()).toMatchObject({ coverOpen: true, problems: ['cover open'] });
    rig.printer!.state.coverOpen = false;
    rig.printer!.state.offline = true;
    expect(await read()).toMatchObject({ online: false, problems: ['offline'] });
    // Every request was the real-time status command, three at a time (DLE EOT 1, 2, 4).
    expect(rig.printer!.statusRequests).toBe(15);
    await rig.printer!.close();
    const gone = await read();
    expect(gone.reachable).toBe(false);
    expect(gone.problems[0]).toMatch(/unreachable/);
  });

  it('out of paper: nothing is sent, the order is flagged "not in POS", and it prints once when paper is loaded', async () => {
    rig = await printerOnly({ pos: { notInPosAfterFailures: 2 } });
    rig.printer!.state.paperOut = true;
    const id = await newOrder(rig);
    await accept(rig, id);
    await rig.drive(() => ticketLeg(rig!, id)?.attention_since !== null);
    expect(ticketLeg(rig, id)).toMatchObject({ state: 'queued', failures: 2, uncertain: 0 });
    expect(ticketLeg(rig, id)!.last_error).toMatch(/paper out/);
    expect(rig.printer!.printouts).toHaveLength(0);

    rig.printer!.state.paperOut = false;
    await rig.drive(() => ticketLeg(rig!, id)?.state === 'sent');
    const tickets = rig.printer!.tickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]![0]).toMatch(/^\[C 2x2 B\] #/); // no banner: nothing had printed before
    expect(ticketLeg(rig, id)!.attention_since).toBeNull();
  });

  it('a print cut short after the ticket left is printed again marked POSSIBLE DUPLICATE', async () => {
    rig = await printerOnly();
    // The first connection answers the status asked before the ticket, then goes silent.
    rig.printer!.withhold = (connection, index) => connection === 0 && index >= 3;
    const id = await newOrder(rig);
    await accept(rig, id);
    await rig.drive(() => ticketLeg(rig!, id)?.state === 'sent');

    const tickets = rig.printer!.tickets();
    expect(tickets).toHaveLength(2);
    expect(tickets[1]![0]).toBe('[C 2x1 B R]  POSSIBLE DUPLICATE ');
    expect(tickets[1]!.slice(1)).toEqual(tickets[0]);
    expect(ticketLeg(rig, id)).toMatchObject({ failures: 1, uncertain: 0 });
  });

  it('a printer without real-time status still prints', async () => {
    rig = await printerOnly();
    rig.printer!.answersStatus = false;
    const id = await newOrder(rig);
    await accept(rig, id);
    await rig.drive(() => ticketLeg(rig!, id)?.state === 'sent');
    expect(rig.printer!.tickets()).toHaveLength(1);
    const detail = await local<{ timeline: { kind: string; detail: string | null }[] }>(
      rig.t.localUrl,
      'GET',
      `/api/orders/${id}`,
    );
    expect(detail.body.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'printer.printed',
        detail: 'sent (the printer gives no status)',
      }),
    );
  });

  it('beside a POS driver: the order goes to both, and a cancel voids it in the POS and prints the slip', async () => {
    rig = await startPosRig({ printer: true });
    const id = await newOrder(rig);
    await accept(rig, id);
    await rig.drive(
      () =>
        ticketLeg(rig!, id)?.state === 'sent' &&
        rig!.t.connector.pos.legs.get(id, 'pos')?.state === 'sent',
    );
    await sendToStreamListener(rig.t.streamUrl, orderCanceled(id));
    await rig.drive(
      () =>
        ticketLeg(rig!, id)?.void_state === 'sent' &&
        rig!.t.connector.pos.legs.get(id, 'pos')?.void_state === 'sent',
    );
    expect(rig.pos.orders).toHaveLength(1);
    expect(rig.pos.voids).toHaveLength(1);
    expect(rig.printer!.tickets().map((t) => t[0])).toEqual([
      expect.stringMatching(/^\[C 2x2 B\] #/) as unknown,
      '[C 2x2 B R]  CANCELED ',
    ]);
  });
});
