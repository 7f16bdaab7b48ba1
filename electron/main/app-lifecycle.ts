// The app's own life around the counter: the Dock icon brings the window up, closing the last
// window leaves the app running in the tray (or quits where there is none), and quitting first
// stops the counter's parts and lets the core finish (outbox, database) before the process ends.
import type { Logger, ShellDoor } from '../core/shell-door.js';
import type { ElectronApi } from './electron-api.js';

export interface AppLifecycleDeps {
  app: ElectronApi['app'];
  core: Pick<ShellDoor, 'stop'>;
  show: () => void;
  hasTray: () => boolean;
  /** Stops the shell's own timers, blockers and icons; runs once, before the core stops. */
  stopCounter: () => void;
  log: Logger;
}

export function installAppLifecycle(deps: AppLifecycleDeps): void {
  const { app, log } = deps;
  app.on('activate', deps.show);
  // Without this listener Electron quits when the window closes; the tray keeps the app alive.
  app.on('window-all-closed', () => {
    if (!deps.hasTray()) app.quit();
  });
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopped = true;
    deps.stopCounter();
    deps.core.stop().then(
      () => app.quit(),
      (err: unknown) => {
        log.error('connector did not stop cleanly', { err });
        app.exit(1);
      },
    );
  });
}
