// What the counter looks like right now, for the parts of the shell that react to it: the tray
// (online / paused / pending count), the sleep blocker (open orders), the quit prompt and the
// update policy (open orders, opening hours). Read through the same Local API handlers the UI
// uses, refreshed on every push event and on a slow timer for changes no event announces.
import { z } from 'zod';
import type { CancelTimer, Clock, Handlers, Logger, ShellDoor } from '../core/shell-door.js';

export interface CounterState {
  pending: number;
  open: number;
  health: 'ok' | 'degraded';
  problems: string[];
  /** From the store controls; null where they are not available. */
  store: 'open' | 'paused' | 'closed' | null;
  /** Whether opening hours say the store is open now; null when no hours are configured. */
  openingHoursOpen: boolean | null;
}

export const INITIAL_COUNTER_STATE: CounterState = {
  pending: 0,
  open: 0,
  health: 'ok',
  problems: [],
  store: null,
  openingHoursOpen: null,
};

const SHELL_META = { actor: 'shell' };

/** The fields the shell needs from the store controls' `getStore` call (shared/store.ts). */
const StoreFields = z.object({
  state: z.enum(['open', 'paused', 'closed']),
  schedule: z.object({ configured: z.boolean(), openNow: z.boolean() }),
});

/**
 * The store controls are another module's; the shell uses them when the contract has them and
 * does without (store unknown, no opening hours) when it does not.
 */
async function readStore(
  handlers: Handlers,
): Promise<Pick<CounterState, 'store' | 'openingHoursOpen'>> {
  const getStore = (handlers as unknown as Record<string, unknown>).getStore;
  if (typeof getStore !== 'function') return { store: null, openingHoursOpen: null };
  const parsed = StoreFields.safeParse(
    await (getStore as (i: unknown, m: unknown) => unknown)({}, SHELL_META),
  );
  if (!parsed.success) return { store: null, openingHoursOpen: null };
  const { state, schedule } = parsed.data;
  return { store: state, openingHoursOpen: schedule.configured ? schedule.openNow : null };
}

export async function readCounterState(handlers: Handlers): Promise<CounterState> {
  const health = await handlers.getHealth({}, SHELL_META);
  return {
    pending: health.orders.pending,
    open: health.orders.open,
    health: health.status,
    problems: health.problems.map((p) => p.message),
    ...(await readStore(handlers)),
  };
}

export type CounterListener = (state: CounterState, previous: CounterState) => void;

export class CounterStatus {
  private state: CounterState = INITIAL_COUNTER_STATE;
  private listeners = new Set<CounterListener>();
  private running: Promise<void> | null = null;
  private again = false;
  private cancelTimer: CancelTimer | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly read: () => Promise<CounterState>,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** Health problems appear with time passing (an event waiting for Stream), not only with a
     * push event: the tray shows them within this. */
    private readonly refreshMs = 10_000,
  ) {}

  current(): CounterState {
    return this.state;
  }

  onChange(listener: CounterListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-read the state; calls that arrive while a read runs are folded into one more read. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          this.apply(await this.read());
        } catch (err) {
          this.log.warn('counter status could not be read', { err });
        }
      } while (this.again);
      this.running = null;
    })();
    return this.running;
  }

  start(core: Pick<ShellDoor, 'subscribe'>): Promise<void> {
    this.unsubscribe = core.subscribe(() => void this.refresh());
    const tick = (): void => {
      void this.refresh();
      this.cancelTimer = this.clock.setTimer(tick, this.refreshMs);
    };
    this.cancelTimer = this.clock.setTimer(tick, this.refreshMs);
    return this.refresh();
  }

  stop(): void {
    this.unsubscribe?.();
    this.cancelTimer?.();
  }

  private apply(next: CounterState): void {
    const previous = this.state;
    if (JSON.stringify(previous) === JSON.stringify(next)) return;
    this.state = next;
    for (const listener of this.listeners) {
      try {
        listener(next, previous);
      } catch (err) {
        this.log.error('counter status listener failed', { err });
      }
    }
  }
}
