// A call-in or walk-in order goes into the POS and onto the kitchen printer the moment it is
// made, like an accepted Stream order, exactly once.
import { afterEach, expect, it } from 'vitest';
import { startPosRig, type PosRig } from '../support/fake-pos.js';
import { local } from '../support/stream-client.js';

let rig: PosRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

it('an in-store order reaches the POS once and prints a kitchen ticket', async () => {
  rig = await startPosRig({ printer: true });
  const res = await local<{ id: string; origin: string }>(
    rig.t.localUrl,
    'POST',
    '/api/in-store-orders',
    {
      source: 'phone',
      clientKey: 'pat-lee-1',
      fulfillmentType: 'pickup',
      customer: { name: 'Pat Lee', phone: '+15550001111' },
      items: [{ name: 'Birthday candle', priceCents: 199, quantity: 2 }],
    },
  );
  expect(res.status).toBe(200);
  const id = res.body.id;
  const legs = () => rig!.t.connector.pos.legs;
  await rig.drive(
    () => legs().get(id, 'pos')?.state === 'sent' && legs().get(id, 'printer')?.state === 'sent',
  );
  expect(rig.pos.injectRequests().map((r) => r.key)).toEqual([id]);
  const ticket = rig.printer!.tickets()[0]!.join('\n');
  expect(ticket).toContain('Birthday candle');
  expect(ticket).toContain('Pat');
  expect(ticket).toContain('[CUT]');
});
