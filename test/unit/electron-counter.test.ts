// Counter-terminal behaviour that does not need a connector: alerts when the window is not in
// front, the sleep blocker, the quit prompt, start at login.

import { describe, expect, it } from 'vitest';
import type { PushMessage } from '../../shared/contract.js';
import type { OrderSummary } from '../../shared/order.js';
import { applyLoginItem } from '../../electron/main/login-item.js';
import { alertFor, OrderAlerts } from '../../electron/main/order-alerts.js';
import { QuitGuard } from '../../electron/main/quit-guard.js';
import { SleepBlocker } from '../../electron/main/sleep-blocker.js';
import { createMainWindow } from '../../electron/main/window.js';
import { silentLogger } from '../../electron/core/util/log.js';
import { createFakeElectron } from '../support/fake-electron.js';
import { scratchDir } from '../support/scratch.js';

function fake(options: { isPackaged?: boolean } = {}) {
  const dir = scratchDir('electron-counter-');
  return createFakeElectron({ appRoot: dir, paths: { userData: dir, logs: dir }, ...options });
}

const order = (patch: Partial<OrderSummary> = {}): OrderSummary => ({
  id: 'ord_1',
  origin: 'stream',
  source: 'DoorDash',
  brand: null,
  dspOrderNumber: 'A-17',
  fulfillmentType: 'delivery',
  status: 'pending',
  isFuture: false,
  requestedFor: null,
  unpaid: false,
  customerName: 'Jane',
  itemCount: 3,
  totalCents: 2547,
  currency: 'USD',
  prepTimeMinutes: null,
  receivedAt: 0,
  staffDeadlineAt: 45_000,
  streamDeadlineAt: 60_000,
  streamStatus: null,
  deliveryStatus: null,
  updatedAt: 0,
  missed: null,
  delivery: null,
  ...patch,
});

describe('order alerts', () => {
  it('says what arrived in one line', () => {
    expect(alertFor({ event: 'order.created', data: order() })).toEqual({
      title: 'New order: accept or reject',
      body: 'DoorDash #A-17 · 3 items · $25.47',
      orderId: 'ord_1',
      urgency: 'critical',
    });
    expect(
      alertFor({
        event: 'order.canceled',
        data: { ...order({ status: 'canceled' }), canceledBy: 'stream' },
      })?.title,
    ).toBe('Order canceled');
    expect(alertFor({ event: 'order.updated', data: order() })).toBeNull();
    expect(alertFor({ event: 'catalog.updated', data: { objects: 1, loadedAt: 0 } })).toBeNull();
  });

  it('pulls staff over for a printer in trouble, not for one that is well again', () => {
    const printer = (problems: string[]) => ({
      event: 'printer.status' as const,
      data: {
        address: '10.0.0.9:9100',
        reachable: true,
        online: problems.length === 0,
        coverOpen: false,
        paperOut: problems.includes('paper out'),
        paperNearEnd: false,
        error: false,
        problems,
        checkedAt: 0,
      },
    });
    expect(alertFor(printer(['paper out']))).toEqual({
      title: 'Kitchen printer: paper out',
      body: 'Tickets will not print until it is fixed.',
      orderId: null,
      urgency: 'critical',
    });
    expect(alertFor(printer([]))).toBeNull();
  });

  it('notifies and flashes only while the window is not in front, and a click opens the order', () => {
    const electron = fake();
    const win = createMainWindow(
      electron.api,
      { preload: '/p', kiosk: false, devTools: false },
      { hideOnClose: () => true },
    );
    const opened: string[] = [];
    const alerts = new OrderAlerts({
      Notification: electron.api.Notification,
      window: () => win,
      showOrder: (id) => opened.push(id),
      show: () => opened.push('(window)'),
      log: silentLogger,
    });
    const created: PushMessage = { event: 'order.created', data: order() };
    const w = electron.window();

    w.show();
    w.focus();
    alerts.handle(created);
    expect(electron.notifications).toHaveLength(0);
    expect(w.flashing).toBe(false);

    w.blur();
    alerts.handle(created);
    expect(electron.notifications).toHaveLength(1);
    expect(electron.notifications[0]!).toMatchObject({
      shown: true,
      options: { title: 'New order: accept or reject', silent: true },
    });
    expect(w.flashing).toBe(true);
    electron.notifications[0]!.click();
    expect(opened).toEqual(['ord_1']);

    w.focus();
    expect(w.flashing).toBe(false);
    w.hide();
    alerts.handle({
      event: 'order.canceled',
      data: { ...order({ id: 'ord_2' }), canceledBy: 'stream' },
    });
    expect(electron.notifications.map((n) => n.options.title)).toEqual([
      'New order: accept or reject',
      'Order canceled',
    ]);
    // A printer notice is about no order: a click brings the window up as it is.
    alerts.handle({
      event: 'printer.status',
      data: {
        address: '10.0.0.9:9100',
        reachable: false,
        online: null,
        coverOpen: null,
        paperOut: null,
        paperNearEnd: null,
        error: null,
        problems: ['unreachable: connect ECONNREFUSED'],
        checkedAt: 0,
      },
    });
    electron.notifications[2]!.click();
    expect(opened).toEqual(['ord_1', '(window)']);
  });
});

describe('sleep blocker', () => {
  it('blocks system sleep while orders are open and lets go when none are', () => {
    const electron = fake();
    const sleep = new SleepBlocker(electron.api.powerSaveBlocker, silentLogger);
    sleep.update(0);
    expect(electron.powerSaveBlocker.active()).toEqual([]);
    sleep.update(2);
    sleep.update(3);
    expect(electron.powerSaveBlocker.active()).toEqual(['prevent-app-suspension']);
    expect(sleep.active).toBe(true);
    sleep.update(0);
    expect(electron.powerSaveBlocker.active()).toEqual([]);
    expect(sleep.active).toBe(false);
  });
});

describe('quit guard', () => {
  function guarded(open: { n: number }) {
    const electron = fake();
    const guard = new QuitGuard(
      electron.api,
      () => open.n,
      () => null,
      silentLogger,
    );
    guard.install();
    return { electron, guard };
  }
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('quits at once with no open orders', () => {
    const { electron } = guarded({ n: 0 });
    electron.app.quit();
    expect(electron.record.quit).toBe(true);
    expect(electron.record.messageBoxes).toEqual([]);
  });

  it('asks first with open orders, and keeps running unless told to quit anyway', async () => {
    const { electron, guard } = guarded({ n: 2 });
    electron.app.quit();
    await settle();
    expect(electron.record.quit).toBe(false);
    expect(electron.record.messageBoxes).toEqual([
      { message: '2 orders are still open.', buttons: ['Keep running', 'Quit anyway'] },
    ]);
    expect(guard.quitting).toBe(false);

    electron.answerNextMessageBox(1);
    electron.app.quit();
    await settle();
    expect(electron.record.quit).toBe(true);
    expect(guard.quitting).toBe(true);
  });

  it('lets a quit through that the update policy already allowed', () => {
    const { electron, guard } = guarded({ n: 0 });
    guard.allow();
    electron.app.quit();
    expect(electron.record.quit).toBe(true);
  });
});

describe('start at login', () => {
  it('follows the setting on Windows and macOS in packaged builds only', () => {
    const packaged = fake({ isPackaged: true });
    applyLoginItem(packaged.api.app, true, 'win32', silentLogger);
    expect(packaged.record.loginItem).toEqual({ openAtLogin: true });
    applyLoginItem(packaged.api.app, false, 'darwin', silentLogger);
    expect(packaged.record.loginItem).toEqual({ openAtLogin: false });

    const dev = fake({ isPackaged: false });
    applyLoginItem(dev.api.app, true, 'win32', silentLogger);
    const linux = fake({ isPackaged: true });
    applyLoginItem(linux.api.app, true, 'linux', silentLogger);
    expect([dev.record.loginItem, linux.record.loginItem]).toEqual([null, null]);
  });
});
