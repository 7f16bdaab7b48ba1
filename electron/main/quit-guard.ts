// Quitting while orders are open means new orders stop appearing on this counter and decisions
// stop reaching Stream, so the shell asks first. Every quit path goes through `before-quit`
// (tray menu, Cmd+Q, the updater's restart); only a confirmed or order-free quit goes ahead.
// (On Windows, a system shutdown or logout does not emit `before-quit` and is never held up.)
import type { BrowserWindow } from 'electron';
import type { Logger } from '../core/shell-door.js';
import type { ElectronApi } from './electron-api.js';

export class QuitGuard {
  private confirmed = false;
  private asking = false;

  constructor(
    private readonly electron: Pick<ElectronApi, 'app' | 'dialog'>,
    private readonly openOrders: () => number,
    private readonly window: () => BrowserWindow | null,
    private readonly log: Logger,
  ) {}

  install(): void {
    this.electron.app.on('before-quit', (event) => {
      if (this.confirmed) return;
      const open = this.openOrders();
      if (open === 0) {
        this.confirmed = true;
        return;
      }
      event.preventDefault();
      void this.ask(open);
    });
  }

  /** True once the app is really going away: windows must close, not hide. */
  get quitting(): boolean {
    return this.confirmed;
  }

  /** For quits decided elsewhere under the same rule (the updater restarts only when idle). */
  allow(): void {
    this.confirmed = true;
  }

  private async ask(open: number): Promise<void> {
    if (this.asking) return;
    this.asking = true;
    try {
      const options = {
        type: 'warning' as const,
        title: 'Quit Stream Connector?',
        message: `${open} ${open === 1 ? 'order is' : 'orders are'} still open.`,
        detail:
          'While Stream Connector is closed, new orders do not appear on this counter and decisions ' +
          'and status changes do not reach Stream.',
        buttons: ['Keep running', 'Quit anyway'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const win = this.window();
      const { response } = win
        ? await this.electron.dialog.showMessageBox(win, options)
        : await this.electron.dialog.showMessageBox(options);
      if (response !== 1) return;
      this.log.warn('quit confirmed with open orders', { open });
      this.confirmed = true;
      this.electron.app.quit();
    } finally {
      this.asking = false;
    }
  }
}
