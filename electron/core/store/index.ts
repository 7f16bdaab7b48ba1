// The store controls as one unit for the composition root: pause / resume and opening hours, busy
// mode, 86, their shared timer and their order checks.
import type { CatalogStore } from '../catalog/catalog.js';
import type { CoreContext } from '../context.js';
import type { AuditLog } from '../manager/audit-log.js';
import type { OrderCheck } from '../validation/checks.js';
import { ItemAvailability } from './availability.js';
import { stockCheck, storeOpenCheck } from './checks.js';
import type { StoreClockSettings } from './durations.js';
import { OpeningSchedule } from './opening-hours.js';
import { StoreControls } from './store-controls.js';
import { DueTimer } from '../util/due-timer.js';

export interface Store {
  controls: StoreControls;
  availability: ItemAvailability;
  /** Refuse orders while paused or closed, and orders naming 86'd objects. */
  checks: OrderCheck[];
  /** The prep time for a new order now, busy minutes included. */
  prepTimeMinutes: () => number;
  /** Do what fell due while the connector was down, then keep the timer armed. */
  start(): void;
  stop(): void;
}

export function createStore(ctx: CoreContext, catalog: CatalogStore, audit: AuditLog): Store {
  const { config } = ctx;
  const clockSettings: StoreClockSettings = {
    timeZone: config.location.timezone,
    dayRolloverTime: config.store.dayRolloverTime,
  };
  const schedule = new OpeningSchedule(
    config.location.timezone,
    config.store.openingHours,
    config.store.closedDays,
  );
  let timer: DueTimer | null = null;
  const rearm = (): void => timer?.rearm();
  const controls = new StoreControls(ctx, audit, schedule, clockSettings, rearm);
  const availability = new ItemAvailability(ctx, catalog, audit, clockSettings, rearm);
  catalog.setAvailabilityOverlay(availability);
  // One timer for every store control: pause and busy ends, 86 restores, opening hours.
  timer = new DueTimer(
    ctx.clock,
    {
      nextDueAt: (now) => minOf(controls.nextWakeAt(now), availability.nextWakeAt()),
      runDue: (now) => {
        availability.tick(now);
        controls.tick(now);
      },
    },
    ctx.log,
    'store timer',
  );
  const armed = timer;
  return {
    controls,
    availability,
    checks: [storeOpenCheck(controls), stockCheck(availability)],
    prepTimeMinutes: () => controls.prepTimeMinutes(),
    start() {
      armed.start();
      armed.runDueNow();
    },
    stop: () => armed.stop(),
  };
}

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
