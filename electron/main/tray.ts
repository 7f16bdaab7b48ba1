// The tray icon: at a glance whether the counter is taking orders (online), paused or closed,
// or needs attention, and how many orders wait for a decision; its menu shows the window,
// opens the store controls, exports diagnostics and quits (asking first, see quit-guard.ts).
import type { MenuItemConstructorOptions, Tray } from 'electron';
import type { Logger } from '../core/shell-door.js';
import type { CounterState } from './counter-status.js';
import type { ElectronApi } from './electron-api.js';

export type TrayIconName = 'online' | 'paused' | 'attention';

export interface TrayView {
  icon: TrayIconName;
  /** One line saying what the counter is doing. */
  status: string;
  tooltip: string;
  /** Shown beside the icon on macOS: the pending count, or nothing. */
  title: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function describeTray(state: CounterState): TrayView {
  const icon: TrayIconName =
    state.health === 'degraded'
      ? 'attention'
      : state.store === 'paused' || state.store === 'closed'
        ? 'paused'
        : 'online';
  const mode = state.store === 'paused' ? 'Paused' : state.store === 'closed' ? 'Closed' : 'Online';
  const parts = [mode];
  if (state.pending > 0) parts.push(`${plural(state.pending, 'order', 'orders')} waiting`);
  if (state.open > state.pending) parts.push(`${state.open - state.pending} in progress`);
  if (state.health === 'degraded') parts.push('needs attention');
  const status = parts.join(' · ');
  return {
    icon,
    status,
    tooltip: `Stream Connector: ${status}`,
    title: state.pending > 0 ? String(state.pending) : '',
  };
}

export interface TrayActions {
  show: () => void;
  openStoreControls: () => void;
  exportDiagnostics: () => void;
  quit: () => void;
}

export function trayMenu(state: CounterState, actions: TrayActions): MenuItemConstructorOptions[] {
  const view = describeTray(state);
  const paused = state.store === 'paused';
  return [
    { label: view.status, enabled: false },
    ...state.problems.slice(0, 3).map((p) => ({ label: `⚠ ${p}`, enabled: false })),
    { type: 'separator' },
    { label: 'Show Stream Connector', click: actions.show },
    { label: paused ? 'Resume store…' : 'Pause store…', click: actions.openStoreControls },
    { type: 'separator' },
    { label: 'Export diagnostics…', click: actions.exportDiagnostics },
    { type: 'separator' },
    { label: 'Quit Stream Connector', click: actions.quit },
  ];
}

export class TrayController {
  private readonly tray: Tray;
  private shownIcon: TrayIconName | null = null;

  constructor(
    private readonly electron: Pick<ElectronApi, 'Tray' | 'Menu' | 'nativeImage'>,
    private readonly iconPath: (name: TrayIconName) => string,
    private readonly actions: TrayActions,
    state: CounterState,
  ) {
    const view = describeTray(state);
    this.tray = new electron.Tray(electron.nativeImage.createFromPath(iconPath(view.icon)));
    this.shownIcon = view.icon;
    // Windows and Linux open the menu on right click; a left click brings the window up.
    this.tray.on('click', () => actions.show());
    this.update(state);
  }

  update(state: CounterState): void {
    const view = describeTray(state);
    if (view.icon !== this.shownIcon) {
      this.tray.setImage(this.electron.nativeImage.createFromPath(this.iconPath(view.icon)));
      this.shownIcon = view.icon;
    }
    this.tray.setToolTip(view.tooltip);
    this.tray.setTitle(view.title);
    this.tray.setContextMenu(this.electron.Menu.buildFromTemplate(trayMenu(state, this.actions)));
  }

  destroy(): void {
    this.tray.destroy();
  }
}

/** The tray icon, or null where the desktop has none (the window then closes the app). */
export function openTray(
  electron: Pick<ElectronApi, 'Tray' | 'Menu' | 'nativeImage'>,
  iconPath: (name: TrayIconName) => string,
  actions: TrayActions,
  state: CounterState,
  log: Logger,
): TrayController | null {
  try {
    return new TrayController(electron, iconPath, actions, state);
  } catch (err) {
    // Some Linux desktops have no tray; the window then closes the app like any other.
    log.warn('no tray icon on this desktop', { err });
    return null;
  }
}
