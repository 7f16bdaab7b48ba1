// The one manager PIN of this terminal: set at first run (or provisioned by IT from config
// `manager.initialPin`, stored only as its hash), checked on every manager action, and locked for
// a while after repeated wrong tries. The count of wrong tries and the lock live in the database:
// a restart must not be a free reset. Each lockout in a row lasts twice as long as the one before
// (up to `maxLockoutMs`) and is audited; a right PIN clears the count.
//
// The first PIN is never set by whoever calls the API first: at the counter through the desktop
// bridge (`atCounter`), by IT's config, or over HTTP with the one-time setup code the counter
// screen shows (kept in memory only, replaced after a few wrong tries and at every start).
import { randomInt } from 'node:crypto';
import type { ManagerPinStatus } from '../../../shared/manager.js';
import type { Actor, CoreContext } from '../context.js';
import { secretsEqual } from '../stream/protocol/index.js';
import { ApiError } from '../util/errors.js';
import type { AuditLog } from './audit-log.js';
import { DEFAULT_SCRYPT, hashPin, verifyPin, type ScryptParams } from './pin-hash.js';

export interface PinSettings {
  /** Wrong tries in a row before the PIN locks. */
  maxAttempts: number;
  /** How long the first lockout lasts; each one in a row after it lasts twice as long. */
  lockoutMs: number;
  /** The longest a lockout lasts, however many came before. */
  maxLockoutMs: number;
  scrypt?: ScryptParams;
}

interface PinRow {
  hash: string;
  set_at: number;
  failed_attempts: number;
  locked_until: number | null;
  lockouts: number;
  last_locked_at: number | null;
}

/** How the first PIN is being set: at the counter (the desktop bridge) or over HTTP with the
 * setup code shown there. */
export interface SetupProof {
  atCounter: boolean;
  setupCode?: string | undefined;
}

/** Wrong setup codes before the code is replaced with a new one (shown on the counter). */
const SETUP_CODE_TRIES = 5;
/** After each replacement, codes over HTTP wait this long, twice as long after each further
 * one (up to an hour): five guesses in a million per wait, however fast the caller. */
const SETUP_CODE_PAUSE_MS = 60_000;
const SETUP_CODE_MAX_PAUSE_MS = 3_600_000;

export class ManagerPins {
  private readonly stmts;
  private setupCode: string | null = null;
  private wrongSetupCodes = 0;
  private codeReplacements = 0;
  private setupCodeWaitUntil = 0;

  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditLog,
    private readonly settings: PinSettings,
  ) {
    const { db } = ctx;
    this.stmts = {
      get: db.prepare(
        `SELECT hash, set_at, failed_attempts, locked_until, lockouts, last_locked_at
           FROM manager_pin WHERE id = 1`,
      ),
      insert: db.prepare(
        `INSERT INTO manager_pin (id, hash, set_at, set_by) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ),
      replace: db.prepare(
        `UPDATE manager_pin SET hash = ?, set_at = ?, set_by = ?, failed_attempts = 0,
           locked_until = NULL, lockouts = 0 WHERE id = 1`,
      ),
      // Counts a try before the slow hash runs, so guesses sent in parallel all count. A lock
      // that has run out starts a fresh count.
      reserve: db.prepare(`UPDATE manager_pin SET
          failed_attempts = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_attempts + 1 END,
          locked_until = NULL
        WHERE id = 1 AND (locked_until IS NULL OR locked_until <= @now) RETURNING failed_attempts`),
      succeeded: db.prepare(
        `UPDATE manager_pin SET failed_attempts = 0, lockouts = 0 WHERE id = 1 AND hash = ?`,
      ),
      lock: db.prepare(
        `UPDATE manager_pin SET locked_until = @until, lockouts = lockouts + 1, last_locked_at = @now
         WHERE id = 1`,
      ),
    };
  }

  status(now = this.ctx.clock.now()): ManagerPinStatus {
    const row = this.row();
    const locked = row?.locked_until != null && row.locked_until > now ? row.locked_until : null;
    return {
      isSet: !!row,
      setAt: row?.set_at ?? null,
      lockedUntil: locked,
      failedAttempts: row && (locked || row.locked_until === null) ? row.failed_attempts : 0,
      maxAttempts: this.settings.maxAttempts,
      lockouts: row?.lockouts ?? 0,
      lastLockedAt: row?.last_locked_at ?? null,
    };
  }

  /** The one-time code for setting the first PIN over HTTP, for the counter screen to show
   * (the desktop bridge only); null once a PIN is set. */
  currentSetupCode(): string | null {
    if (this.row()) return (this.setupCode = null);
    this.setupCode ??= String(randomInt(0, 1_000_000)).padStart(6, '0');
    return this.setupCode;
  }

  /** The lockout that starts after `previous` lockouts in a row: 5 min, 10, 20 … up to the cap. */
  lockoutMsAfter(previous: number): number {
    const doubled = this.settings.lockoutMs * 2 ** Math.min(previous, 30);
    return Math.min(doubled, this.settings.maxLockoutMs);
  }

  /** IT's first PIN from config; ignored once a PIN exists (staff may have changed it since). */
  async provision(pin: string): Promise<boolean> {
    if (this.row()) return false;
    return this.store(await hashPin(pin, this.scrypt), 'config', 'manager.pin.provisioned', false);
  }

  /** The first run: set at the counter, or over HTTP with the counter's setup code; once. */
  async setup(pin: string, actor: Actor, proof: SetupProof): Promise<ManagerPinStatus> {
    if (this.row()) throw pinAlreadySet();
    if (!proof.atCounter) this.checkSetupCode(proof.setupCode, actor);
    const hash = await hashPin(pin, this.scrypt);
    if (!this.store(hash, actor, 'manager.pin.set', false)) throw pinAlreadySet();
    return this.announce();
  }

  /** A new PIN; the caller has already passed `authorize` with the current one. */
  async change(pin: string, actor: Actor): Promise<ManagerPinStatus> {
    const hash = await hashPin(pin, this.scrypt);
    const now = this.ctx.clock.now();
    this.ctx.db.transaction(() => {
      this.stmts.replace.run(hash, now, actor);
      this.audit.record({ at: now, actor, action: 'manager.pin.changed', managerPin: true });
    })();
    return this.announce();
  }

  /** Throws a 403 unless `pin` is the manager PIN and the PIN is not locked. */
  async authorize(pin: string | undefined, actor: Actor, action: string): Promise<void> {
    const row = this.row();
    if (!row)
      throw new ApiError(
        403,
        'manager_pin_not_set',
        'no manager PIN is set yet: set one first on the Store screen ("Set the manager PIN")',
      );
    if (!pin)
      throw new ApiError(
        403,
        'manager_pin_required',
        'this action needs the manager PIN (X-Manager-Pin header)',
      );
    const tries = this.stmts.reserve.get({ now: this.ctx.clock.now() }) as
      { failed_attempts: number } | undefined;
    if (!tries) throw this.lockedError();
    // More guesses in flight than allowed: refuse without spending a hash on them.
    const ok =
      tries.failed_attempts <= this.settings.maxAttempts && (await verifyPin(pin, row.hash));
    if (ok) {
      this.stmts.succeeded.run(row.hash);
      // The manager's lockout banner goes away with the right PIN.
      if (row.lockouts > 0) this.announce();
      return;
    }
    const now = this.ctx.clock.now();
    const lockNow = tries.failed_attempts >= this.settings.maxAttempts;
    const lockMs = this.lockoutMsAfter(row.lockouts);
    this.ctx.db.transaction(() => {
      this.audit.record({
        at: now,
        actor,
        action: 'manager.pin.wrong',
        target: action,
        detail: `try ${tries.failed_attempts} of ${this.settings.maxAttempts}`,
      });
      if (lockNow) {
        this.stmts.lock.run({ until: now + lockMs, now });
        this.audit.record({
          at: now,
          actor,
          action: 'manager.pin.locked',
          target: action,
          detail: `lockout ${row.lockouts + 1} in a row: locked for ${Math.round(lockMs / 1000)} s`,
        });
      }
    })();
    if (lockNow) {
      this.announce();
      throw this.lockedError();
    }
    const left = this.settings.maxAttempts - tries.failed_attempts;
    throw new ApiError(
      403,
      'manager_pin_wrong',
      `wrong manager PIN (${left} ${left === 1 ? 'try' : 'tries'} left before it locks)`,
    );
  }

  /** Throws 403 unless `code` is the counter's setup code; a few wrong ones replace the code. */
  private checkSetupCode(code: string | undefined, actor: Actor): void {
    const expected = this.currentSetupCode();
    if (!code)
      throw new ApiError(
        403,
        'setup_code_required',
        'setting the first manager PIN over the Local API needs the setup code shown on the counter screen (setupCode)',
        'setupCode',
      );
    const now = this.ctx.clock.now();
    if (now < this.setupCodeWaitUntil)
      throw new ApiError(
        403,
        'setup_code_locked',
        `too many wrong setup codes: try again in ${Math.ceil((this.setupCodeWaitUntil - now) / 1000)} s with the new code the counter shows, or set the PIN at the counter`,
        'setupCode',
      );
    if (expected && secretsEqual(code, expected)) {
      this.wrongSetupCodes = 0;
      return;
    }
    this.wrongSetupCodes += 1;
    const replaced = this.wrongSetupCodes >= SETUP_CODE_TRIES;
    if (replaced) {
      this.setupCode = null;
      this.wrongSetupCodes = 0;
      const pause = SETUP_CODE_PAUSE_MS * 2 ** Math.min(this.codeReplacements, 10);
      this.setupCodeWaitUntil = now + Math.min(pause, SETUP_CODE_MAX_PAUSE_MS);
      this.codeReplacements += 1;
    }
    this.ctx.db.transaction(() =>
      this.audit.record({
        at: this.ctx.clock.now(),
        actor,
        action: 'manager.pin.setup_code_wrong',
        detail: replaced ? 'too many wrong codes: the counter shows a new one' : null,
      }),
    )();
    if (replaced) this.announce();
    throw new ApiError(
      403,
      'setup_code_wrong',
      replaced
        ? `wrong setup code, too many times: the counter screen now shows a new one, usable in ${Math.round((this.setupCodeWaitUntil - now) / 1000)} s`
        : 'wrong setup code: type the code shown on the counter screen',
      'setupCode',
    );
  }

  private get scrypt(): ScryptParams {
    return this.settings.scrypt ?? DEFAULT_SCRYPT;
  }

  private row(): PinRow | undefined {
    return this.stmts.get.get() as PinRow | undefined;
  }

  private store(hash: string, actor: Actor, action: string, managerPin: boolean): boolean {
    const now = this.ctx.clock.now();
    return this.ctx.db.transaction(() => {
      if (this.stmts.insert.run(hash, now, actor).changes !== 1) return false;
      this.audit.record({ at: now, actor, action, managerPin });
      return true;
    })();
  }

  private lockedError(): ApiError {
    const until = this.row()?.locked_until ?? this.ctx.clock.now();
    const seconds = Math.max(1, Math.ceil((until - this.ctx.clock.now()) / 1000));
    return new ApiError(
      403,
      'manager_pin_locked',
      `too many wrong PINs: locked for ${seconds} more second(s)`,
    );
  }

  private announce(): ManagerPinStatus {
    const status = this.status();
    this.ctx.bus.publish('manager.pin.updated', status);
    return status;
  }
}

function pinAlreadySet(): ApiError {
  return new ApiError(
    409,
    'manager_pin_already_set',
    'a manager PIN is already set: change it with PUT /api/manager/pin',
  );
}
