// In-process fan-out of push events (shared/contract.ts `pushEvents`) to the push channel, the
// Electron shell and tests. Listeners must not throw into the code that published.
import type { PushEventName, PushMessage, PushPayload } from '../../../shared/contract.js';

export type PushListener = (message: PushMessage) => void;

export class EventBus {
  private listeners = new Set<PushListener>();

  publish<N extends PushEventName>(event: N, data: PushPayload<N>): void {
    const message = { event, data } as PushMessage;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // One broken subscriber must not stop an order from being stored or announced to others.
      }
    }
  }

  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
