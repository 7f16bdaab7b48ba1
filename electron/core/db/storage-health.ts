// Whether the database can be trusted right now, for health and the banner on every screen. Two
// signals: a write that failed with a storage error (disk full, read-only, I/O error, a damaged
// page) until a later write succeeds, and `PRAGMA quick_check` at start and every
// `storage.quickCheckMinutes`. Each is worded with what staff or IT must do.
import path from 'node:path';
import type { HealthProblem } from '../../../shared/health.js';
import type { Clock, CancelTimer } from '../util/clock.js';
import { storageFaultKind, type StorageFaultKind } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { listBackups } from './backup.js';
import type { Db } from './connection.js';

interface Fault {
  kind: StorageFaultKind;
  since: number;
  detail: string;
}

export class StorageHealth {
  private writeFault: Fault | null = null;
  private checkFault: Fault | null = null;
  private timer: CancelTimer | null = null;

  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly quickCheckMinutes: number,
  ) {}

  /** A request failed with this error: if it is a storage fault, health says so from now on. */
  noteError(err: unknown): void {
    const kind = storageFaultKind(err);
    if (!kind) return;
    if (!this.writeFault || this.writeFault.kind !== kind)
      this.writeFault = { kind, since: this.clock.now(), detail: (err as Error).message };
    // A damaged page found by a write is worth a full look now, not at the next period.
    if (kind === 'corrupt') this.quickCheck();
  }

  /** Runs a start-up step; a storage fault in it is noted and logged instead of stopping start-up. */
  tolerate(step: string, run: () => void): void {
    try {
      run();
    } catch (err) {
      if (!storageFaultKind(err)) throw err;
      this.noteError(err);
      this.log.error(`start-up: ${step} failed on storage`, { err: (err as Error).message });
    }
  }

  /** A write went through: the disk took it. */
  noteWriteOk(): void {
    if (this.writeFault && this.writeFault.kind !== 'corrupt') this.writeFault = null;
  }

  /** Runs `PRAGMA quick_check`; a problem stays until a later check passes. */
  quickCheck(): void {
    try {
      const rows = this.db.pragma('quick_check') as { quick_check: string }[];
      const result = rows.map((r) => r.quick_check).join('; ');
      if (result === 'ok') {
        this.checkFault = null;
        if (this.writeFault?.kind === 'corrupt') this.writeFault = null;
        return;
      }
      this.setCheckFault('corrupt', result.slice(0, 500));
    } catch (err) {
      this.setCheckFault(storageFaultKind(err) ?? 'corrupt', (err as Error).message);
    }
  }

  private setCheckFault(kind: StorageFaultKind, detail: string): void {
    if (!this.checkFault) this.log.error('database check failed', { kind, detail });
    this.checkFault = { kind, since: this.checkFault?.since ?? this.clock.now(), detail };
  }

  start(): void {
    this.quickCheck();
    if (this.quickCheckMinutes <= 0) return;
    const every = this.quickCheckMinutes * 60_000;
    const tick = (): void => {
      this.quickCheck();
      this.timer = this.clock.setTimer(tick, every);
    };
    this.timer = this.clock.setTimer(tick, every);
  }

  stop(): void {
    this.timer?.();
    this.timer = null;
  }

  problems(): HealthProblem[] {
    const faults = [this.checkFault, this.writeFault].filter((f): f is Fault => f !== null);
    if (faults.length === 0) return [];
    // The damaged database is the worse news; one banner per cause.
    const worst = faults.find((f) => f.kind === 'corrupt') ?? faults[0]!;
    return [this.problem(worst)];
  }

  private problem(fault: Fault): HealthProblem {
    const file = path.join(this.dataDir, 'connector.db');
    const base = { area: 'storage' as const, since: fault.since, count: null };
    switch (fault.kind) {
      case 'full':
        return {
          ...base,
          code: 'storage_full',
          message: `The disk holding ${this.dataDir} is full: new orders cannot be stored (Stream is told to retry)`,
          action:
            'Free disk space on this computer (empty the recycle bin, delete large downloads), or call IT. Orders are taken again as soon as there is room.',
        };
      case 'readonly':
        return {
          ...base,
          code: 'storage_readonly',
          message: `The database ${file} cannot be written (read-only): new orders cannot be stored`,
          action: `Call IT: give the connector write access to ${this.dataDir} (and check the disk is not mounted read-only), then restart it.`,
        };
      case 'corrupt': {
        const newest = listBackups(path.join(this.dataDir, 'backups'))[0]?.file;
        return {
          ...base,
          code: 'storage_corrupt',
          message: `The database ${file} is damaged (${fault.detail}): orders may not be stored`,
          action: newest
            ? `Call IT: stop the connector and run \`npm run restore -- ${newest}\` (the newest backup), then start it again.`
            : 'Call IT: stop the connector and restore the newest backup with `npm run restore`, then start it again.',
        };
      }
      case 'io':
        return {
          ...base,
          code: 'storage_io',
          message: `The disk holding ${file} reports read/write errors: orders may not be stored`,
          action: 'Call IT: the disk may be failing. Back up and replace it.',
        };
    }
  }
}

/** Every Local API call (HTTP and the desktop bridge) tells `storage` how its writes went. */
export function watchStorage<H extends Record<string, (...args: never[]) => unknown>>(
  handlers: H,
  isWrite: (name: keyof H) => boolean,
  storage: Pick<StorageHealth, 'noteError' | 'noteWriteOk'>,
): H {
  const watched: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    const write = isWrite(name);
    const settled = (): void => {
      if (write) storage.noteWriteOk();
    };
    const failed = (err: unknown): never => {
      storage.noteError(err);
      throw err;
    };
    // A synchronous handler stays synchronous (its callers and the type H rely on that); a
    // promise is watched when it settles.
    watched[name] = (...args: never[]) => {
      let result: unknown;
      try {
        result = handler(...args);
      } catch (err) {
        return failed(err);
      }
      if (result instanceof Promise)
        return result.then((value: unknown) => {
          settled();
          return value;
        }, failed);
      settled();
      return result;
    };
  }
  return watched as H;
}
