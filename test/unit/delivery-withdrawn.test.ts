// A Stream message closed as withdrawn (chains: Stream failed the order first) reads as final:
// not "still trying", not "Stream's window closed", not an accept at risk, at any time.
import { describe, expect, it } from 'vitest';
import { acceptAtRisk, deliveryView, type Delivery } from '../../shared/delivery.js';

const accept: Delivery = {
  eventId: 'evt-1',
  kind: 'order.accepted',
  state: 'withdrawn',
  attempts: 3,
  createdAt: 1_000,
  nextAttemptAt: 5_000,
  sentAt: null,
  lastError: 'not sent: Stream had already failed this order',
  deadlineAt: 61_000,
};

describe('a withdrawn delivery', () => {
  it('is withdrawn before and after Stream’s window, and never an accept at risk', () => {
    for (const now of [2_000, 30_000, 61_000, 3_600_000]) {
      expect(deliveryView(accept, now)).toEqual({ state: 'withdrawn' });
      expect(acceptAtRisk(accept, now)).toBe(false);
    }
  });

  it('differs from the same row still pending (the check can fail)', () => {
    expect(deliveryView({ ...accept, state: 'pending' }, 61_000)).toMatchObject({
      state: 'failed',
      why: 'late',
    });
    expect(acceptAtRisk({ ...accept, state: 'pending' }, 61_000)).toBe(true);
  });
});
