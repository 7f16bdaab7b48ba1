// A terminal that goes to sleep misses orders and their 60-second windows. While any order is
// open the shell keeps the system awake ('prevent-app-suspension': the screen may still dim,
// which the operating system's display settings decide); with none open it lets go.
import type { PowerSaveBlocker } from 'electron';
import type { Logger } from '../core/shell-door.js';

export class SleepBlocker {
  private blockerId: number | null = null;

  constructor(
    private readonly powerSaveBlocker: PowerSaveBlocker,
    private readonly log: Logger,
  ) {}

  update(openOrders: number): void {
    if (openOrders > 0 && this.blockerId === null) {
      this.blockerId = this.powerSaveBlocker.start('prevent-app-suspension');
      this.log.info('system sleep blocked while orders are open', { openOrders });
    } else if (openOrders === 0 && this.blockerId !== null) {
      this.release();
      this.log.info('system sleep allowed again: no open orders');
    }
  }

  get active(): boolean {
    return this.blockerId !== null && this.powerSaveBlocker.isStarted(this.blockerId);
  }

  release(): void {
    if (this.blockerId === null) return;
    this.powerSaveBlocker.stop(this.blockerId);
    this.blockerId = null;
  }
}
