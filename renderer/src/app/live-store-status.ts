// The store's status on this screen. It arrives as the answer to a manager's action and as the
// `store.updated` push event, on two channels that can overtake each other (the push that says
// Stream confirmed a pause can land before the pause's own answer); the higher revision wins.
import type { StoreStatus } from '../../../shared/store.js';
import { Observable } from './observable.js';

export class LiveStoreStatus extends Observable<StoreStatus | null> {
  constructor() {
    super(null);
  }

  /** Keep `status` unless the one shown is newer. */
  offer(status: StoreStatus): void {
    const shown = this.get();
    if (!shown || status.revision >= shown.revision) this.set(status);
  }
}
