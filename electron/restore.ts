// `npm run restore -- <backup file> [--config <file>]`: puts an online backup in place of the
// live database. Stop the connector first. The replaced database is kept beside it.
import path from 'node:path';
import { loadConfig } from './core/config/load.js';
import { listBackups, restoreBackup } from './core/db/backup.js';

const args = process.argv.slice(2);
const configAt = args.indexOf('--config');
const file = configAt >= 0 ? args[configAt + 1] : process.env.CONNECTOR_CONFIG;
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--config');
const config = loadConfig({ file });
const backups = path.join(config.dataDir, 'backups');

if (!positional[0]) {
  console.log(`Backups in ${backups} (newest first):`);
  for (const b of listBackups(backups))
    console.log(`  ${b.file}  ${(b.bytes / 1024).toFixed(0)} KiB`);
  console.log(
    'Restore one with: npm run restore -- <file> [--config <file>] (stop the connector first)',
  );
} else {
  try {
    const { replaced } = restoreBackup(path.resolve(positional[0]), config.dataDir);
    console.log(`Restored ${positional[0]} into ${config.dataDir}.`);
    if (replaced) console.log(`The previous database is kept as ${replaced}.`);
  } catch (err) {
    console.error(`Restore failed: ${(err as Error).message}`);
    process.exit(1);
  }
}
