// Online backups: better-sqlite3's backup API copies the live database page by page without
// stopping ingest, into `<dataDir>/backups/`. A copy is kept only if it passes an integrity
// check; the newest `keep` copies are kept. Restoring is `restoreBackup` (see README "Backups").
import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import type { Clock, CancelTimer } from '../util/clock.js';
import type { Logger } from '../util/log.js';
import type { Db } from './connection.js';

export interface BackupInfo {
  file: string;
  bytes: number;
  createdAt: number;
}

const NAME = /^connector-(\d{8}-\d{6}-\d{3})\.db$/;

function stamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('T', '-')
    .replace('.', '-')
    .slice(0, 19);
}

/** Opens a copy read-only and runs the full integrity check on it. */
export function checkBackup(file: string): string {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (copy.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
  } finally {
    copy.close();
  }
}

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .map((f) => {
      const full = path.join(dir, f);
      const st = statSync(full);
      return { file: full, bytes: st.size, createdAt: st.mtimeMs };
    })
    .sort((a, b) => b.file.localeCompare(a.file));
}

export class BackupService {
  private cancel: CancelTimer | null = null;
  private running: Promise<BackupInfo> | null = null;

  constructor(
    private readonly db: Db,
    readonly dir: string,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: { intervalMinutes: number; keep: number },
  ) {}

  /** Resolves when no backup is running (the scheduled one included). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Back up now; a call while one runs joins it. */
  run(): Promise<BackupInfo> {
    this.running ??= this.backup().finally(() => (this.running = null));
    return this.running;
  }

  private async backup(): Promise<BackupInfo> {
    mkdirSync(this.dir, { recursive: true });
    const createdAt = this.clock.now();
    const final = path.join(this.dir, `connector-${stamp(createdAt)}.db`);
    const partial = `${final}.partial`;
    try {
      await this.db.backup(partial);
      const check = checkBackup(partial);
      if (check !== 'ok') throw new Error(`backup failed its integrity check: ${check}`);
      renameSync(partial, final);
    } catch (err) {
      rmSync(partial, { force: true });
      throw err;
    }
    this.rotate();
    const info = { file: final, bytes: statSync(final).size, createdAt };
    this.log.info('backup written', { file: final, bytes: info.bytes });
    return info;
  }

  private rotate(): void {
    for (const old of listBackups(this.dir).slice(this.options.keep))
      rmSync(old.file, { force: true });
  }

  start(): void {
    if (this.options.intervalMinutes <= 0) return;
    const every = this.options.intervalMinutes * 60_000;
    const arm = (): void => {
      this.cancel = this.clock.setTimer(() => {
        this.run().then(
          () => arm(),
          (err: unknown) => {
            this.log.error('scheduled backup failed; next try at the next interval', { err });
            arm();
          },
        );
      }, every);
    };
    arm();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }
}

/**
 * Put a backup in place of the live database. The connector must be stopped. The current
 * database is kept beside it (`connector.db.before-restore-<time>`) so a restore can be undone.
 */
export function restoreBackup(
  backupFile: string,
  dataDir: string,
  now = Date.now(),
): { replaced: string | null } {
  const check = checkBackup(backupFile);
  if (check !== 'ok')
    throw new Error(`refusing to restore ${backupFile}: integrity check says ${check}`);
  const live = path.join(dataDir, 'connector.db');
  let replaced: string | null = null;
  if (existsSync(live)) {
    // Fold any WAL content into the old file first so the kept copy is complete on its own.
    const old = new Database(live);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    replaced = `${live}.before-restore-${stamp(now)}`;
    renameSync(live, replaced);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true });
  copyFileSync(backupFile, live);
  return { replaced };
}
