// The main-process end of the page's bridge: the Local API over IPC (with the save dialog for a
// file the page saves) and push events, both to the counter window only.
import type { Logger, ShellDoor } from '../core/shell-door.js';
import type { CounterWindow } from './counter-window.js';
import type { ElectronApi } from './electron-api.js';
import { registerIpc } from './ipc.js';
import { forwardPushEvents } from './push.js';

export interface PageBridgeDeps {
  electron: Pick<ElectronApi, 'app' | 'ipcMain'>;
  core: Pick<ShellDoor, 'handlers' | 'subscribe'>;
  window: CounterWindow;
  log: Logger;
  rendererLog: Logger;
}

export function connectPage({ electron, core, window, log, rendererLog }: PageBridgeDeps): void {
  registerIpc({
    ipcMain: electron.ipcMain,
    handlers: core.handlers,
    windowContentsId: () => window.contents()?.id ?? null,
    log,
    rendererLog,
    saveFile: {
      defaultDir: () => electron.app.getPath('downloads'),
      choosePath: (suggestedPath, extension) =>
        window.askSavePath({ defaultPath: suggestedPath, filters: saveFilters(extension) }),
    },
  });
  forwardPushEvents(core, window.contents);
}

/** The dialog offers the file's own type, or everything when it has no extension. */
export function saveFilters(extension: string | null): { name: string; extensions: string[] }[] {
  return extension
    ? [{ name: extension.toUpperCase(), extensions: [extension] }]
    : [{ name: 'All files', extensions: ['*'] }];
}
