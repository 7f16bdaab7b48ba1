// The part of Electron the shell uses, handed to every shell module as one object. main.ts passes
// the real `electron` module; tests pass test/support/fake-electron.ts. The types are Electron's
// own declarations, so the shell is type-checked against the real API even on machines where the
// Electron binary cannot be installed.
import type {
  App,
  BrowserWindow,
  Dialog,
  IpcMain,
  Menu,
  Notification,
  PowerSaveBlocker,
  Protocol,
  SafeStorage,
  Session,
  Tray,
  NativeImage,
} from 'electron';

export interface ElectronApi {
  app: App;
  BrowserWindow: typeof BrowserWindow;
  ipcMain: IpcMain;
  protocol: Protocol;
  session: { defaultSession: Session };
  Menu: typeof Menu;
  Tray: typeof Tray;
  nativeImage: { createFromPath(path: string): NativeImage };
  Notification: typeof Notification;
  dialog: Dialog;
  powerSaveBlocker: PowerSaveBlocker;
  safeStorage: SafeStorage;
}
