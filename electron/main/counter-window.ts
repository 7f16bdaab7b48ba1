// The cashier window as the counter keeps it: at most one, created again when it was closed and
// something needs it (the tray, a notification, a second start), and the parent of the shell's
// dialogs while it exists.
import type { BrowserWindow, SaveDialogOptions, WebContents } from 'electron';
import type { ShellCommand } from '../../shared/contract.js';
import type { ElectronApi } from './electron-api.js';
import { sendShellCommand } from './push.js';
import { createMainWindow, revealWindow, type WindowSettings } from './window.js';

export class CounterWindow {
  private win: BrowserWindow | null = null;

  constructor(
    private readonly electron: Pick<ElectronApi, 'BrowserWindow' | 'Menu' | 'dialog'>,
    private readonly settings: WindowSettings,
    /** Whether closing should hide the window to the tray instead of closing it. */
    private readonly hideOnClose: () => boolean,
  ) {}

  /** Creates the first window; a kiosk has no application menu at all. */
  open(): void {
    this.win = this.create();
    if (this.settings.kiosk) this.electron.Menu.setApplicationMenu(null);
  }

  current(): BrowserWindow | null {
    return this.win;
  }

  /** The page's web contents, or null while there is no live window. */
  contents = (): WebContents | null =>
    this.win && !this.win.isDestroyed() ? this.win.webContents : null;

  show = (): void => {
    this.win ??= this.create();
    revealWindow(this.win);
  };

  /** Brings the window up and tells the page what to show. */
  command = (command: ShellCommand): void => {
    this.show();
    sendShellCommand(this.contents, command);
  };

  /** The system save dialog, attached to the window when there is one; null when canceled. */
  async askSavePath(options: SaveDialogOptions): Promise<string | null> {
    const answer = this.win
      ? await this.electron.dialog.showSaveDialog(this.win, options)
      : await this.electron.dialog.showSaveDialog(options);
    return answer.canceled || !answer.filePath ? null : answer.filePath;
  }

  private create(): BrowserWindow {
    const created = createMainWindow(this.electron, this.settings, {
      hideOnClose: this.hideOnClose,
    });
    created.on('closed', () => {
      if (this.win === created) this.win = null;
    });
    return created;
  }
}
