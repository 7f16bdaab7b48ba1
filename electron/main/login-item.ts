// Start at login (`desktop.startAtLogin`), so a terminal that rebooted overnight is taking orders
// again before anyone thinks of it. Electron supports this on Windows and macOS; on Linux the
// desktop's autostart folder is IT's to manage (electron/README.md, "IT").
import type { App } from 'electron';
import type { Logger } from '../core/shell-door.js';

export function applyLoginItem(
  app: Pick<App, 'isPackaged' | 'setLoginItemSettings'>,
  enabled: boolean,
  platform: NodeJS.Platform,
  log: Logger,
): void {
  if (platform !== 'win32' && platform !== 'darwin') {
    log.info('start at login is managed outside the app on this platform', { platform });
    return;
  }
  // A development run would register the bare Electron binary as a login item.
  if (!app.isPackaged) return;
  app.setLoginItemSettings({ openAtLogin: enabled });
}
