// The Electron entry point (package.json "main", compiled to dist/electron/main/main.js). The only
// shell file that loads `electron`, electron-log's main logger and electron-updater at run time;
// everything else receives them from here, which is what lets the shell be tested without the
// Electron binary.
import electron from 'electron';
import log from 'electron-log/main';
import electronUpdater from 'electron-updater';
import type { ElectronApi } from './electron-api.js';
import { runShell } from './shell.js';
import type { UpdaterLike } from './updates.js';

const api: ElectronApi = electron;
log.errorHandler.startCatching();
// Loaded only when asked for: it reads app-update.yml on first use.
const updater = (): UpdaterLike => electronUpdater.autoUpdater;

// Not awaited at the top level: Electron waits for an ESM entry point to finish loading before it
// becomes ready, and runShell waits for ready. Its pre-ready part runs synchronously right here.
runShell({
  electron: api,
  log,
  updater: api.app.isPackaged ? updater() : null,
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  resourcesPath: process.resourcesPath,
  versions: {
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    v8: process.versions.v8,
    os: `${process.platform} ${process.getSystemVersion()} ${process.arch}`,
  },
}).catch((err: unknown) => {
  log.error('start-up failed', err);
  api.dialog.showErrorBox(
    'Stream Connector could not start',
    err instanceof Error ? err.message : String(err),
  );
  api.app.exit(1);
});
