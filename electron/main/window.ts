// The one cashier window. Its web preferences are the Electron security checklist written out
// in full, even where a value is already Electron's default, so a reader (and the unit test)
// can check each item here instead of trusting the defaults of one Electron version.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { ElectronApi } from './electron-api.js';
import { APP_ENTRY_URL } from './protocol.js';

export interface WindowSettings {
  preload: string;
  icon?: string | undefined;
  kiosk: boolean;
  /** Developer tools only in unpackaged (development) runs. */
  devTools: boolean;
}

export function windowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'Stream Connector',
    backgroundColor: '#101418',
    show: false,
    autoHideMenuBar: true,
    kiosk: settings.kiosk,
    fullscreen: settings.kiosk,
    ...(settings.icon ? { icon: settings.icon } : {}),
    webPreferences: {
      preload: settings.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The order chime must sound without a tap after every start and reload: a counter whose
      // board is silent until someone touches it misses orders.
      autoplayPolicy: 'no-user-gesture-required',
      spellcheck: false,
      devTools: settings.devTools,
      // Countdowns and the new-order chime must keep running while the window is behind others.
      backgroundThrottling: false,
    },
  };
}

export interface MainWindowHooks {
  /** Whether closing the window should hide it (to the tray) instead of letting it close. */
  hideOnClose(): boolean;
}

export function createMainWindow(
  electron: Pick<ElectronApi, 'BrowserWindow'>,
  settings: WindowSettings,
  hooks: MainWindowHooks,
): BrowserWindow {
  const win = new electron.BrowserWindow(windowOptions(settings));
  win.once('ready-to-show', () => win.show());
  // A flashing taskbar button means "look at me"; once staff look, it stops.
  win.on('focus', () => win.flashFrame(false));
  win.on('close', (event) => {
    if (!hooks.hideOnClose()) return;
    event.preventDefault();
    win.hide();
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** Bring the window to the front, restoring it from the tray or the taskbar. */
export function revealWindow(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
