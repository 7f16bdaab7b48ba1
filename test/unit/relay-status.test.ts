// What a chain store's health says about its relay, on a clock the test moves: nothing while a
// connection is young or a drop is short, the drop since it began, and the gateway's refusal
// from when it was first said until the gateway clears it or stops saying it.
import { describe, expect, it } from 'vitest';
import { RELAY_DOWN_GRACE_MS, RelayStatus } from '../../electron/core/relay/relay-status.js';

const HEARTBEAT_MS = 1_000;

function statusAt(start = 1_000_000) {
  let now = start;
  const status = new RelayStatus(() => now, HEARTBEAT_MS);
  return {
    status,
    move: (ms: number) => (now += ms),
    codes: () => status.problems().map((p) => p.code),
  };
}

describe('relay status', () => {
  it('names a connection that never came up once the grace has passed, since the start', () => {
    const { status, move, codes } = statusAt();
    expect(codes()).toEqual([]);
    move(RELAY_DOWN_GRACE_MS);
    expect(status.problems()).toMatchObject([
      { code: 'relay_unreachable', area: 'stream', since: 1_000_000 },
    ]);
    status.connected();
    expect(codes()).toEqual([]);
  });

  it('names a drop since it began, and not a short one', () => {
    const { status, move, codes } = statusAt();
    status.connected();
    move(60_000);
    status.disconnected();
    move(RELAY_DOWN_GRACE_MS - 1);
    expect(codes()).toEqual([]);
    status.disconnected(); // a second event of the same drop keeps its start
    move(1);
    expect(status.problems()[0]).toMatchObject({ code: 'relay_unreachable', since: 1_060_000 });
    status.connected();
    expect(codes()).toEqual([]);
  });

  it('keeps a refusal from when it was first said, while the gateway keeps saying it', () => {
    const { status, move } = statusAt();
    status.connected();
    status.refused('store store-2 claims merchant m1 but the gateway binds it to merchant m2');
    for (let beat = 0; beat < 10; beat++) {
      move(HEARTBEAT_MS);
      status.refused('store store-2 claims merchant m1 but the gateway binds it to merchant m2');
    }
    const [problem] = status.problems();
    expect(problem).toMatchObject({ code: 'relay_refused', area: 'setup', since: 1_000_000 });
    expect(problem!.message).toContain('binds it to merchant m2');
    expect(status.isRefused).toBe(true);
  });

  it('clears a refusal when the gateway says so, or when it stops saying it', () => {
    const { status, move, codes } = statusAt();
    status.connected();
    status.refused('not listed');
    status.refused(null);
    expect(codes()).toEqual([]);

    status.refused('not listed');
    move(3 * HEARTBEAT_MS);
    expect(codes()).toEqual(['relay_refused']);
    move(1);
    expect(codes()).toEqual([]);
    expect(status.isRefused).toBe(false);
    // Said again after lapsing: a new refusal, since now.
    status.refused('not listed');
    expect(status.problems()[0]!.since).toBe(1_000_000 + 3 * HEARTBEAT_MS + 1);
  });
});
