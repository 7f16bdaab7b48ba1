// What must happen before Electron's `ready`, synchronously: the user-data folder a test or a
// second profile asked for, the single-instance lock, the sandbox for every renderer, the
// privileged `app://` scheme, and (Windows) the app id notifications are tied to.
import type { ElectronApi } from './electron-api.js';
import { APP_SCHEME_PRIVILEGES } from './protocol.js';
import type { ShellArgs } from './shell-args.js';

/** Must equal `appId` in electron-builder.yml: Windows ties notifications to it. */
export const APP_ID = 'com.streamconnector.desktop';

/** False when another instance runs: this one quits (the other gets our argv and comes up). */
export function prepareBeforeReady(
  electron: Pick<ElectronApi, 'app' | 'protocol'>,
  args: ShellArgs,
  platform: NodeJS.Platform,
): boolean {
  const { app } = electron;
  if (args.userData) app.setPath('userData', args.userData);
  if (!app.requestSingleInstanceLock()) {
    // The running instance gets our argv through 'second-instance' and comes to the front.
    app.quit();
    return false;
  }
  app.enableSandbox();
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
  return true;
}
