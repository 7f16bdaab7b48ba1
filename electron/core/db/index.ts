// The database's own upkeep as one unit for the composition root: scheduled backups into the data
// folder, and the storage health the screens and the Local API's writes watch (db/storage-health.ts).
import path from 'node:path';
import type { CoreContext } from '../context.js';
import { BackupService } from './backup.js';
import { StorageHealth } from './storage-health.js';

export interface Storage {
  backups: BackupService;
  health: StorageHealth;
}

export function createStorage(ctx: CoreContext): Storage {
  const { db, config, clock, log } = ctx;
  return {
    backups: new BackupService(db, path.join(config.dataDir, 'backups'), clock, log, config.backup),
    health: new StorageHealth(db, config.dataDir, clock, log, config.health.databaseCheckMinutes),
  };
}
