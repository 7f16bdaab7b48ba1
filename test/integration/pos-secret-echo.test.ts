// A POS that echoes its credential back ("invalid API key <v>"): the value alone, not just the
// whole `Name: value` setting, is kept out of stored errors, the UI's answers and the log.
import { afterEach, describe, expect, it } from 'vitest';
import type { PosLeg } from '../../shared/pos.js';
import { createLogger, redact } from '../../electron/core/util/log.js';
import { posAnswer, startPosRig, type PosRig } from '../support/fake-pos.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';

const KEY = 'sk_live_9f8e7d6c5b4a3210';
let rig: PosRig | null = null;
afterEach(async () => {
  await rig?.dispose();
  rig = null;
});

describe('a POS that echoes its key', () => {
  for (const authHeader of [`X-Api-Key: ${KEY}`, `Bearer ${KEY}`, `Authorization: Bearer ${KEY}`])
    it(`keeps ${authHeader.split(KEY)[0]}<key> out of the stored error and the API`, async () => {
      rig = await startPosRig({ config: { pos: { authHeader, notInPosAfterFailures: 1 } } });
      rig.pos.queue(posAnswer(401, JSON.stringify({ error: `invalid API key ${KEY}` })));
      const res = await sendToStreamListener<{ order: { provider_id: string } }>(
        rig.t.streamUrl,
        orderCreated(),
      );
      const id = res.body.order.provider_id;
      await local(rig.t.localUrl, 'POST', `/api/orders/${id}/accept`, {});
      await rig.until(() => (rig!.t.connector.pos.legs.get(id, 'pos')?.failures ?? 0) >= 1);
      const row = rig.t.connector.pos.legs.get(id, 'pos')!;
      expect(row.last_error).toContain('invalid API key');
      expect(row.last_error).toContain('[redacted]');
      expect(row.last_error).not.toContain(KEY);
      const legs = await local<{ legs: PosLeg[] }>(rig.t.localUrl, 'GET', `/api/orders/${id}/pos`);
      expect(JSON.stringify(legs.body)).not.toContain(KEY);
      const dump = rig.t.connector.ctx.db
        .prepare('SELECT group_concat(last_error) AS e FROM pos_legs')
        .get() as { e: string };
      expect(dump.e).not.toContain(KEY);
    });

  it('the log scrubs the header value and the bearer credential on their own', () => {
    const lines: string[] = [];
    const log = createLogger({ secrets: [`X-Api-Key: ${KEY}`], sink: (l) => lines.push(l) });
    log.warn('POS said', { body: `invalid API key ${KEY}` });
    expect(lines.join('\n')).not.toContain(KEY);
    expect(redact(`token ${KEY}.`, [`Authorization: Bearer ${KEY}`])).toBe('token [redacted].');
    expect(redact('X-Api-Key is short', ['X-Api-Key: abc'])).toBe('X-Api-Key is short');
  });
});
