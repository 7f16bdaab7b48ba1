// The cashier window's options, checked item by item against the Electron security checklist,
// and its behaviour: it loads our bundle, hides to the tray on close, stops flashing on focus.

import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../electron/main/protocol.js';
import { createMainWindow, revealWindow, windowOptions } from '../../electron/main/window.js';
import { createFakeElectron } from '../support/fake-electron.js';
import { scratchDir } from '../support/scratch.js';

const settings = {
  preload: '/app/dist/electron/preload/preload.cjs',
  kiosk: false,
  devTools: false,
};

function fake() {
  const dir = scratchDir('electron-window-');
  return createFakeElectron({ appRoot: dir, paths: { userData: dir, logs: dir } });
}

describe('window options: the Electron security checklist', () => {
  const prefs = windowOptions(settings).webPreferences!;

  it('isolates the page from the preload and from Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and everything experimental or insecure off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads only our preload, and devtools only when asked (development runs)', () => {
    expect(prefs.preload).toBe(settings.preload);
    expect(prefs.devTools).toBe(false);
    expect(windowOptions({ ...settings, devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('keeps timers and sound running while the window is in the background', () => {
    expect(prefs.backgroundThrottling).toBe(false);
  });

  it('turns on kiosk and full screen together, and only when configured', () => {
    expect(windowOptions(settings)).toMatchObject({ kiosk: false, fullscreen: false });
    expect(windowOptions({ ...settings, kiosk: true })).toMatchObject({
      kiosk: true,
      fullscreen: true,
    });
  });
});

describe('the main window', () => {
  it('loads the bundle through the app protocol and shows itself when ready', () => {
    const electron = fake();
    const win = createMainWindow(electron.api, settings, { hideOnClose: () => false });
    const w = electron.window();
    expect(w.options).toEqual(windowOptions(settings));
    expect(w.loadedUrl).toBe(APP_ENTRY_URL);
    expect(w.visible).toBe(false);
    w.emit('ready-to-show');
    expect(win.isVisible()).toBe(true);
  });

  it('hides instead of closing while the tray keeps the app', () => {
    const electron = fake();
    let hide = true;
    createMainWindow(electron.api, settings, { hideOnClose: () => hide });
    const w = electron.window();
    w.show();
    expect(w.close()).toBe(false);
    expect(w.visible).toBe(false);
    expect(w.destroyed).toBe(false);
    hide = false;
    expect(w.close()).toBe(true);
    expect(w.destroyed).toBe(true);
  });

  it('stops flashing the taskbar once staff look at it, and comes back from the tray on reveal', () => {
    const electron = fake();
    const win = createMainWindow(electron.api, settings, { hideOnClose: () => true });
    const w = electron.window();
    w.flashFrame(true);
    w.minimized = true;
    revealWindow(win);
    expect(w).toMatchObject({ visible: true, focused: true, minimized: false, flashing: false });
  });
});
