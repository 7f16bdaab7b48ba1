// The one manager PIN of this terminal: set at first run (or provisioned by IT from config
// `manager.initialPin`, stored only as its hash), checked on every manager action, and locked for
// a while after repeated wrong tries. The count of wrong tries and the lock live in the database:
// a restart must not be a free reset.
import type { ManagerPinStatus } from '../../../shared/manager.js';
import type { Actor, CoreContext } from '../context.js';
import { ApiError } from '../util/errors.js';
import type { AuditLog } from './audit-log.js';
import { DEFAULT_SCRYPT, hashPin, verifyPin, type ScryptParams } from './pin-hash.js';

export interface PinSettings {
  /** Wrong tries in a row before the PIN locks. */
  maxAttempts: number;
  /** How long it stays locked. */
  lockoutMs: number;
  scrypt?: ScryptParams;
}

interface PinRow {
  hash: string;
  set_at: number;
  failed_attempts: number;
  locked_until: number | null;
}

export class ManagerPins {
  private readonly stmts;

  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditLog,
    private readonly settings: PinSettings,
  ) {
    const { db } = ctx;
    this.stmts = {
      get: db.prepare(
        `SELECT hash, set_at, failed_attempts, locked_until FROM manager_pin WHERE id = 1`,
      ),
      insert: db.prepare(
        `INSERT INTO manager_pin (id, hash, set_at, set_by) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ),
      replace: db.prepare(
        `UPDATE manager_pin SET hash = ?, set_at = ?, set_by = ?, failed_attempts = 0, locked_until = NULL WHERE id = 1`,
      ),
      // Counts a try before the slow hash runs, so guesses sent in parallel all count. A lock
      // that has run out starts a fresh count.
      reserve: db.prepare(`UPDATE manager_pin SET
          failed_attempts = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_attempts + 1 END,
          locked_until = NULL
        WHERE id = 1 AND (locked_until IS NULL OR locked_until <= @now) RETURNING failed_attempts`),
      succeeded: db.prepare(`UPDATE manager_pin SET failed_attempts = 0 WHERE id = 1 AND hash = ?`),
      lock: db.prepare(`UPDATE manager_pin SET locked_until = ? WHERE id = 1`),
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
    };
  }

  /** IT's first PIN from config; ignored once a PIN exists (staff may have changed it since). */
  async provision(pin: string): Promise<boolean> {
    if (this.row()) return false;
    return this.store(await hashPin(pin, this.scrypt), 'config', 'manager.pin.provisioned', false);
  }

  /** The first run: anyone at the terminal sets the PIN, once. */
  async setup(pin: string, actor: Actor): Promise<ManagerPinStatus> {
    if (this.row()) throw pinAlreadySet();
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
        'no manager PIN is set yet: set one first (POST /api/manager/pin)',
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
      return;
    }
    const now = this.ctx.clock.now();
    const lockNow = tries.failed_attempts >= this.settings.maxAttempts;
    this.ctx.db.transaction(() => {
      this.audit.record({
        at: now,
        actor,
        action: 'manager.pin.wrong',
        target: action,
        detail: `try ${tries.failed_attempts} of ${this.settings.maxAttempts}`,
      });
      if (lockNow) {
        this.stmts.lock.run(now + this.settings.lockoutMs);
        this.audit.record({
          at: now,
          actor,
          action: 'manager.pin.locked',
          detail: `locked for ${Math.round(this.settings.lockoutMs / 1000)} s`,
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
