// The kitchen printer watched between orders, against a real TCP printer that answers ESC/POS
// status requests (test/support/escpos-decoder.ts), on a ManualClock: paper running out shows
// on the push channel and in the POS status before any ticket fails, clears when the roll is
// changed, a quiet start says nothing, and no status request is made while a ticket prints.
import { afterEach, describe, expect, it } from 'vitest';
import type { PosStatus, PrinterStatus } from '../../shared/pos.js';
import { startPosRig, type PosRig } from '../support/fake-pos.js';
import { openPushChannel, type PushClient } from '../support/push-client.js';
import { orderCreated } from '../support/orders.js';
import { TEST_LOCAL_TOKEN } from '../support/secrets.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

const EVERY_S = 60;

let rig: PosRig | undefined;
let push: PushClient | undefined;
afterEach(async () => {
  push?.close();
  await rig?.dispose();
  rig = undefined;
});

async function watchedPrinter(
  posOptions: Record<string, unknown> = {},
  pos: Record<string, unknown> = {},
): Promise<PosRig> {
  rig = await startPosRig({
    printer: true,
    posDriver: 'none',
    config: { printer: { statusCheckSeconds: EVERY_S }, pos },
    posOptions,
  });
  push = await openPushChannel(rig.t.localUrl, TEST_LOCAL_TOKEN);
  return rig;
}

/**
 * Move the clock exactly to the next check (the first is at start, the next ones EVERY_S after
 * the previous answer) and wait for the printer to be asked. Not beyond it: the check's own
 * connect timeout runs on the same clock.
 */
async function nextCheck(r: PosRig, first = false): Promise<void> {
  const asked = r.printer!.statusRequests;
  r.clock.advance(first ? 0 : EVERY_S * 1000);
  await r.printer!.waitFor(() => r.printer!.statusRequests > asked);
  await r.settle();
}

const lastStatus = async (r: PosRig) =>
  (await local<PosStatus>(r.t.localUrl, 'GET', '/api/pos')).body.printer.lastStatus;

describe('printer watch', () => {
  it('tells staff the paper ran out before a ticket fails, and that it is back, and keeps a quiet start quiet', async () => {
    const r = await watchedPrinter();
    await nextCheck(r, true);
    expect(await lastStatus(r)).toMatchObject({ reachable: true, problems: [] });

    r.printer!.state.paperOut = true;
    await nextCheck(r);
    const out = (await push!.next('printer.status', 2_000)) as PrinterStatus;
    expect(out).toMatchObject({ reachable: true, paperOut: true, problems: ['paper out'] });
    expect((await lastStatus(r))?.problems).toEqual(['paper out']);

    r.printer!.state.paperOut = false;
    r.printer!.state.paperNearEnd = true;
    await nextCheck(r);
    expect(await push!.next('printer.status', 2_000)).toMatchObject({
      problems: [],
      paperNearEnd: true,
    });
    r.printer!.state.paperNearEnd = false;
    await nextCheck(r);
    expect(await push!.next('printer.status', 2_000)).toMatchObject({
      problems: [],
      paperNearEnd: false,
    });
    // Nothing changed since: no more news, though the printer is still asked.
    await nextCheck(r);
    await expect(push!.next('printer.status', 300)).rejects.toThrow();
  });

  it('says so when the printer cannot be reached at all', async () => {
    const r = await watchedPrinter();
    await r.printer!.close();
    r.clock.advance(0);
    const status = (await push!.next('printer.status', 5_000)) as PrinterStatus;
    expect(status.reachable).toBe(false);
    expect(status.problems[0]).toMatch(/^unreachable/);
  });

  it('does not ask while a ticket is printing', async () => {
    // The ticket waits for the printer's answer longer than the check interval.
    const r = await watchedPrinter(
      { printerStatusTimeoutMs: 5 * EVERY_S * 1000 },
      { timeoutSeconds: 5 * EVERY_S },
    );
    await nextCheck(r, true);
    // The ticket's own status request after printing goes unanswered: the print stays open.
    r.printer!.withhold = (connection, index) =>
      connection === r.printer!.connections - 1 && index >= 1;
    const res = await sendToStreamListener<{ order: { provider_id: string } }>(
      r.t.streamUrl,
      orderCreated(),
    );
    const id = res.body.order.provider_id;
    expect((await local(r.t.localUrl, 'POST', `/api/orders/${id}/accept`, {})).status).toBe(200);
    await r.printer!.waitFor(() => r.printer!.parkedConnections() === 1);
    const connections = r.printer!.connections;
    r.clock.advance(EVERY_S * 1000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.printer!.connections).toBe(connections);
    expect(r.t.connector.pos.workers.printer!.activity().inFlight).toBe(1);
    // The print ends (here: the printer drops it); the watch asks again shortly after.
    await r.printer!.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.t.connector.pos.workers.printer!.activity().inFlight).toBe(0);
    // (Its busy re-check may land on the ticket's own retry: move on until it has asked.)
    let status: PrinterStatus | null = null;
    const news = push!.next('printer.status', 10_000).then((s) => (status = s as PrinterStatus));
    for (let i = 0; i < 20 && !status; i++) {
      r.clock.advance(5_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await news;
    expect(status!.reachable).toBe(false);
  });
});
