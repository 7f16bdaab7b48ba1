// New orders, cancels, missed orders, health problems and a kitchen printer that stopped (paper
// out, cover open, unreachable)
// must not go unseen when the cashier window is behind something else:
// a native notification and a flashing taskbar button, until staff look. When the window is in
// front the UI's own alerts (chime, banner) are enough, so the shell stays quiet. Notifications
// are silent because the UI's chime is the one sound.
import type { BrowserWindow } from 'electron';
import type { PushMessage } from '../../shared/contract.js';
import type { OrderSummary } from '../../shared/order.js';
import type { Logger, ShellDoor } from '../core/shell-door.js';
import type { ElectronApi } from './electron-api.js';

export interface Alert {
  title: string;
  body: string;
  /** The order a click opens; null: a click just brings the window up. */
  orderId: string | null;
  urgency: 'normal' | 'critical';
}

export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

function describeOrder(order: OrderSummary): string {
  const source = order.source ?? (order.origin === 'stream' ? 'Stream' : 'In-store');
  const number = order.dspOrderNumber ? ` #${order.dspOrderNumber}` : '';
  const items = `${order.itemCount} ${order.itemCount === 1 ? 'item' : 'items'}`;
  return `${source}${number} · ${items} · ${formatMoney(order.totalCents, order.currency)}`;
}

/** An alert about one order: its one-line description, and a click that opens it. */
function orderAlert(title: string, order: OrderSummary, urgency: Alert['urgency']): Alert {
  return { title, body: describeOrder(order), orderId: order.id, urgency };
}

/** The alert a push event deserves, or null for events staff need not be pulled to. */
export function alertFor(message: PushMessage): Alert | null {
  if (message.event === 'order.created') {
    const order = message.data;
    const waiting = order.status === 'pending';
    return orderAlert(
      waiting ? 'New order: accept or reject' : 'New order',
      order,
      waiting ? 'critical' : 'normal',
    );
  }
  if (message.event === 'order.canceled') {
    const order = message.data as OrderSummary;
    return orderAlert('Order canceled', order, 'critical');
  }
  if (message.event === 'order.missed') {
    const { order } = message.data as { order: OrderSummary };
    if (order.missed?.reason === 'store_unreachable')
      return orderAlert(
        'Order withdrawn: Stream failed it because the store did not answer in time',
        order,
        'critical',
      );
    return orderAlert('Missed order: nobody answered it in time', order, 'critical');
  }
  if (message.event === 'printer.status') {
    const status = message.data;
    // Only trouble pulls staff over; "all well again" and "paper low" wait for the screen.
    if (status.problems.length === 0) return null;
    return {
      title: `Kitchen printer: ${status.problems.join(', ')}`,
      body: 'Tickets will not print until it is fixed.',
      orderId: null,
      urgency: 'critical',
    };
  }
  return null;
}

export interface OrderAlertDeps {
  Notification: ElectronApi['Notification'];
  window: () => BrowserWindow | null;
  /** Bring the window up showing this order (notification click). */
  showOrder: (orderId: string) => void;
  /** Bring the window up as it is (a notification about no order in particular). */
  show: () => void;
  log: Logger;
}

export class OrderAlerts {
  constructor(private readonly deps: OrderAlertDeps) {}

  handle(message: PushMessage): void {
    const alert = alertFor(message);
    if (alert) this.raise(alert);
  }

  /** Health follows the counter state: a problem that was not there before pulls staff over. */
  healthChanged(problems: readonly string[], before: readonly string[]): void {
    const fresh = problems.filter((p) => !before.includes(p));
    if (!fresh.length) return;
    this.raise({
      title: 'Stream Connector needs attention',
      body: fresh.join('\n'),
      orderId: null,
      urgency: 'critical',
    });
  }

  private raise(alert: Alert): void {
    const win = this.deps.window();
    if (win && !win.isDestroyed() && win.isVisible() && win.isFocused()) return;
    if (win && !win.isDestroyed()) win.flashFrame(true);
    if (!this.deps.Notification.isSupported()) return;
    const notification = new this.deps.Notification({
      title: alert.title,
      body: alert.body,
      urgency: alert.urgency,
      silent: true,
      timeoutType: alert.urgency === 'critical' ? 'never' : 'default',
    });
    const { orderId } = alert;
    notification.on('click', () => (orderId ? this.deps.showOrder(orderId) : this.deps.show()));
    notification.show();
  }
}

/** Alerts for every push message, when the configuration wants them (null when it does not). */
export function startOrderAlerts(
  enabled: boolean,
  core: Pick<ShellDoor, 'subscribe'>,
  deps: OrderAlertDeps,
): OrderAlerts | null {
  if (!enabled) return null;
  const alerts = new OrderAlerts(deps);
  core.subscribe((message) => alerts.handle(message));
  return alerts;
}
