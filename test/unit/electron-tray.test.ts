// The tray's states (online / paused / closed / needs attention, with the pending count) and its
// menu, through the Tray and Menu of the Electron test double.

import { describe, expect, it } from 'vitest';
import { INITIAL_COUNTER_STATE, type CounterState } from '../../electron/main/counter-status.js';
import { describeTray, TrayController, trayMenu } from '../../electron/main/tray.js';
import { createFakeElectron } from '../support/fake-electron.js';
import { scratchDir } from '../support/scratch.js';

const state = (patch: Partial<CounterState>): CounterState => ({
  ...INITIAL_COUNTER_STATE,
  ...patch,
});
const noop = { show() {}, openStoreControls() {}, exportDiagnostics() {}, quit() {} };

describe('describeTray', () => {
  it.each([
    [state({}), 'online', 'Online', ''],
    [state({ store: 'open', pending: 1, open: 1 }), 'online', 'Online · 1 order waiting', '1'],
    [
      state({ store: 'open', pending: 2, open: 5 }),
      'online',
      'Online · 2 orders waiting · 3 in progress',
      '2',
    ],
    [state({ store: 'paused', pending: 0, open: 1 }), 'paused', 'Paused · 1 in progress', ''],
    [state({ store: 'closed' }), 'paused', 'Closed', ''],
    [
      state({ health: 'degraded', problems: ['no secret'], store: 'paused', pending: 3, open: 3 }),
      'attention',
      'Paused · 3 orders waiting · needs attention',
      '3',
    ],
  ])('%j → %s "%s"', (input, icon, status, title) => {
    const view = describeTray(input);
    expect(view).toEqual({ icon, status, tooltip: `Stream Connector: ${status}`, title });
  });
});

describe('trayMenu', () => {
  it('offers show, pause, diagnostics and quit under a status line, with problems listed', () => {
    const items = trayMenu(
      state({ pending: 1, open: 1, health: 'degraded', problems: ['Stream rejected our token'] }),
      noop,
    );
    expect(
      items.filter((i) => i.type !== 'separator').map((i) => [i.label, i.enabled ?? true]),
    ).toEqual([
      ['Online · 1 order waiting · needs attention', false],
      ['⚠ Stream rejected our token', false],
      ['Show Stream Connector', true],
      ['Pause store…', true],
      ['Export diagnostics…', true],
      ['Quit Stream Connector', true],
    ]);
  });

  it('offers resume instead of pause while paused', () => {
    const labels = trayMenu(state({ store: 'paused' }), noop).map((i) => i.label);
    expect(labels).toContain('Resume store…');
    expect(labels).not.toContain('Pause store…');
  });
});

describe('TrayController', () => {
  it('shows the state on the icon, tooltip, title and menu, and runs the menu actions', () => {
    const dir = scratchDir('electron-tray-');
    const electron = createFakeElectron({ appRoot: dir, paths: { userData: dir, logs: dir } });
    const clicked: string[] = [];
    const tray = new TrayController(
      electron.api,
      (name) => `/icons/${name}.png`,
      {
        show: () => clicked.push('show'),
        openStoreControls: () => clicked.push('store'),
        exportDiagnostics: () => clicked.push('diagnostics'),
        quit: () => clicked.push('quit'),
      },
      state({}),
    );
    const icon = electron.trays[0]!;
    expect(icon.image.path).toBe('/icons/online.png');
    expect(icon.tooltip).toBe('Stream Connector: Online');

    tray.update(state({ store: 'paused', pending: 2, open: 2 }));
    expect(icon.image.path).toBe('/icons/paused.png');
    expect(icon.tooltip).toBe('Stream Connector: Paused · 2 orders waiting');
    expect(icon.title).toBe('2');

    for (const label of [
      'Show Stream Connector',
      'Resume store…',
      'Export diagnostics…',
      'Quit Stream Connector',
    ])
      icon.clickItem(label);
    icon.emit('click');
    expect(clicked).toEqual(['show', 'store', 'diagnostics', 'quit', 'show']);

    tray.update(state({ health: 'degraded' }));
    expect(icon.image.path).toBe('/icons/attention.png');
  });
});
