// The kitchen printer, watched between orders. Without it staff learn the paper ran out when the
// first ticket of the rush does not come out; with it the screen says so while there is still
// time to change the roll. Every `printer.statusCheckSeconds` the printer is asked (the real
// ESC/POS status request), and a change in what is wrong is pushed (`printer.status`) and logged.
// Never while a ticket is printing: most printers take one connection at a time, and a status
// request then would be refused and read as "unreachable".
import type { PrinterStatus } from '../../../shared/pos.js';
import type { CoreContext } from '../context.js';
import type { CancelTimer } from '../util/clock.js';

export interface PrinterWatchDeps {
  /** The printer's state now (the driver's DLE EOT reading). */
  read(): Promise<PrinterStatus>;
  /** True while the printer lane has a ticket on its way. */
  printing(): boolean;
}

/** How soon to look again when a print is under way. */
const BUSY_RETRY_MS = 5_000;

export class PrinterWatch {
  private cancel: CancelTimer | null = null;
  private stopped = true;
  private last: PrinterStatus | null = null;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly everyMs: number,
    private readonly deps: PrinterWatchDeps,
  ) {}

  /** The last reading (null before the first). */
  latest(): PrinterStatus | null {
    return this.last;
  }

  start(): void {
    if (this.everyMs <= 0) return;
    this.stopped = false;
    this.arm(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
    await this.reading;
  }

  /** A reading made on request (the health screen's button) counts as the latest too. */
  observe(status: PrinterStatus): void {
    const before = this.last;
    this.last = status;
    if (before && sameTrouble(before, status)) return;
    const trouble = status.problems.length > 0 || status.paperNearEnd === true;
    if (status.problems.length > 0)
      this.ctx.log.warn('printer: needs attention', { problems: status.problems });
    else if (status.paperNearEnd) this.ctx.log.warn('printer: paper running low');
    else if (before) this.ctx.log.info('printer: all well again');
    // The first reading is news only when something is wrong (a quiet start stays quiet).
    if (before || trouble) this.ctx.bus.publish('printer.status', status);
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    this.cancel?.();
    this.cancel = this.ctx.clock.setTimer(() => this.check(), ms);
  }

  private check(): void {
    this.cancel = null;
    if (this.stopped) return;
    if (this.deps.printing()) return this.arm(BUSY_RETRY_MS);
    this.reading = this.deps
      .read()
      .then(
        (status) => {
          if (!this.stopped) this.observe(status);
        },
        (err: unknown) => this.ctx.log.error('printer: status check failed', { err }),
      )
      .finally(() => {
        this.reading = null;
        this.arm(this.everyMs);
      });
  }
}

/** Same reachability and the same problems: nothing new for staff. */
function sameTrouble(a: PrinterStatus, b: PrinterStatus): boolean {
  return (
    a.reachable === b.reachable &&
    a.paperNearEnd === b.paperNearEnd &&
    a.problems.length === b.problems.length &&
    a.problems.every((p, i) => p === b.problems[i])
  );
}
