// Acceptance as one unit for the composition root: the decisions (staff, expiry), auto acceptance
// through the POS, the timer for the earliest staff window that ends, and the policy ingest asks
// for a new order's first status, built in the order they need each other.
import type { CoreContext } from '../context.js';
import type { PosLegs } from '../pos/leg-hooks.js';
import { DueTimer } from '../util/due-timer.js';
import { AcceptanceService } from './decisions.js';
import { AcceptancePolicy } from './policy.js';
import { PosAcceptance } from './through-pos.js';

export interface AcceptanceDeps {
  /** The prep time when nobody gives one: the location's plus busy-mode minutes. */
  prepTimeMinutes: () => number;
  /** The POS leg each decision moves, and the legs auto acceptance waits on. */
  posLegs: PosLegs;
  /** After the commit of an expiry that left an order missed (orders/missed.ts). */
  onMissed: (id: string) => void;
}

export interface Acceptance {
  decisions: AcceptanceService;
  /** Auto acceptance through the POS: where the POS lanes report. */
  throughPos: PosAcceptance;
  /** Manual, auto or auto through the POS: how this store accepts, for everyone (a new order's
   * first status in orders/ingest.ts, the POS status, health). */
  policy: AcceptancePolicy;
  /** The staff-window timer: told of each new pending order's deadline. */
  deadlines: DueTimer;
}

export function createAcceptance(ctx: CoreContext, deps: AcceptanceDeps): Acceptance {
  let deadlines: DueTimer | null = null;
  const decisions = new AcceptanceService(ctx, {
    prepTimeMinutes: deps.prepTimeMinutes,
    posLeg: deps.posLegs.hooks,
    onMissed: deps.onMissed,
    onDecided: () => deadlines?.rearm(),
  });
  // In auto mode the POS (or the printer) decides the acceptance: it reports, acceptance decides.
  const throughPos = new PosAcceptance(
    ctx,
    decisions,
    deps.posLegs,
    ctx.config.pos.autoAcceptBudgetMs,
  );
  // One timer for the earliest staff window that ends (stored, so a restart re-arms it).
  deadlines = new DueTimer(
    ctx.clock,
    { nextDueAt: () => ctx.orders.nextDeadline(), runDue: () => decisions.expireDue() },
    ctx.log,
    'expiring pending orders',
  );
  const policy = new AcceptancePolicy(ctx, {
    prepTimeMinutes: deps.prepTimeMinutes,
    decidingTarget: deps.posLegs.decidingTarget,
    throughPos,
    deadlines,
  });
  return { decisions, throughPos, deadlines, policy };
}
