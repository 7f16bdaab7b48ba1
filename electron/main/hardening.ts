// The Electron security checklist items that are not window options: every web contents may
// navigate only inside our bundle and may open no window or <webview>; the session grants no
// permission and downloads nothing. Applied through `web-contents-created`, so a contents the
// shell did not create itself (a devtools page, a future second window) is covered too.
import type { App, Session, WebContents } from 'electron';
import type { Logger } from '../core/shell-door.js';
import { isAppUrl } from './protocol.js';

export function guardWebContents(contents: WebContents, log: Logger): void {
  const keepInBundle = (event: { url: string; preventDefault(): void }, what: string): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn(`${what} outside the app refused`, { url: event.url });
  };
  contents.on('will-navigate', (event) => keepInBundle(event, 'navigation'));
  contents.on('will-frame-navigate', (event) => keepInBundle(event, 'frame navigation'));
  contents.on('will-redirect', (event) => keepInBundle(event, 'redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open refused', { url });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('<webview> refused');
  });
}

export function hardenSession(session: Session, log: Logger): void {
  // Electron grants every permission by default; the cashier UI needs none of them (sound plays
  // without a permission, and desktop notifications are shown by the main process).
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('permission request refused', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => {
    event.preventDefault();
    log.warn('download refused');
  });
}

/** Must run before the first window exists. */
export function installWebContentsGuards(app: App, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log));
}
