// Runs the alerts: every half second it looks at the pending orders and the cancellations staff
// have not confirmed, plays what `soundDue` says, flashes the window title, and raises a desktop
// notification when the window is not in front. React reads its snapshot; nothing here renders.
import type { OrderSummary } from '../../../../shared/order.js';
import type { ServerClock } from '../../api/server-clock.js';
import { lanesOf, type LiveOrders } from '../orders/live-orders.js';
import { sourceName } from '../../ui/labels.js';
import type { Language } from '../../i18n/language.js';
import { texts } from '../../i18n/texts.js';
import { alertPicture, soundDue, type AlertPicture, type LastPlayed } from './alert-policy.js';
import type { SoundPlayer } from './sound-player.js';
import { ALERT_TEXTS } from './texts.js';

export interface CancelAlert {
  order: OrderSummary;
  canceledBy: string;
  /** Client time it arrived. */
  at: number;
}

export interface AlertSnapshot {
  picture: AlertPicture;
  pendingCount: number;
  cancels: readonly CancelAlert[];
}

const TICK_MS = 500;
const APP_TITLE = 'Stream Connector';

export class AlertController {
  private acknowledged = new Set<string>();
  private announced = new Set<string>();
  private notified = new Set<string>();
  private cancels: CancelAlert[] = [];
  private missedHeard = new Set<string>();
  /** Orders this screen canceled itself: their cancel event needs no alarm here. */
  private ownCancels = new Set<string>();
  private last: LastPlayed = {};
  private snapshot: AlertSnapshot = {
    picture: { ringing: [], urgent: [], fresh: [], cancels: 0 },
    pendingCount: 0,
    cancels: [],
  };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private flashOn = false;

  constructor(
    private readonly orders: LiveOrders,
    private readonly clock: ServerClock,
    private readonly player: SoundPlayer,
    /** The screen's language when a notification or the title is worded (the setting). */
    private readonly language: () => Language,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.orders.subscribe(() => this.tick());
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Staff have seen this order: stop its chime (the urgent tone still sounds near the end). */
  acknowledge(id: string): void {
    if (this.acknowledged.has(id)) return;
    this.acknowledged.add(id);
    this.tick();
  }

  acknowledgeAll(): void {
    for (const id of this.snapshot.picture.ringing) this.acknowledged.add(id);
    this.tick();
  }

  /** Call before this screen cancels an order, so its own cancel does not sound the alarm. */
  expectOwnCancel(id: string): void {
    this.ownCancels.add(id);
  }

  cancelArrived(order: OrderSummary, canceledBy: string): void {
    if (this.ownCancels.has(order.id) || this.cancels.some((c) => c.order.id === order.id)) return;
    this.cancels = [...this.cancels, { order, canceledBy, at: Date.now() }];
    // The words are read now, in the language on screen when the cancel arrives.
    const words = texts(ALERT_TEXTS, this.language()).notification;
    this.notify(
      `cancel:${order.id}`,
      words.canceledTitle(describe(order, this.language())),
      words.canceledBody,
    );
    this.tick();
  }

  /** An order was missed: its own sound, once per order on this screen, and a notification. */
  missedArrived(order: OrderSummary): void {
    if (this.missedHeard.has(order.id)) return;
    this.missedHeard.add(order.id);
    this.player.play('missed');
    const words = texts(ALERT_TEXTS, this.language()).notification;
    this.notify(
      `missed:${order.id}`,
      words.missedTitle(describe(order, this.language())),
      order.missed?.reason === 'store_unreachable' ? words.withdrawnBody : words.missedBody,
    );
  }

  dismissCancel(id: string): void {
    this.cancels = this.cancels.filter((c) => c.order.id !== id);
    this.tick();
  }

  getSnapshot = (): AlertSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private tick(): void {
    const now = Date.now();
    const { pending } = lanesOf(this.orders.all(), now);
    const picture = alertPicture(
      pending,
      this.acknowledged,
      this.announced,
      this.cancels.length,
      this.clock.now(),
    );
    for (const id of picture.fresh) {
      const order = pending.find((o) => o.id === id);
      if (order) {
        const words = texts(ALERT_TEXTS, this.language()).notification;
        this.notify(id, words.newTitle(describe(order, this.language())), words.newBody);
      }
    }
    const sound = soundDue(picture, this.last, now);
    if (sound && this.player.play(sound)) {
      this.last = { ...this.last, [sound]: now, any: now };
      if (sound === 'new-order') for (const id of picture.fresh) this.announced.add(id);
    }
    this.updateTitle(picture, pending.length);
    const changed =
      !samePicture(picture, this.snapshot.picture) ||
      pending.length !== this.snapshot.pendingCount ||
      this.cancels !== this.snapshot.cancels;
    if (changed) {
      this.snapshot = { picture, pendingCount: pending.length, cancels: this.cancels };
      for (const l of this.listeners) l();
    }
  }

  private updateTitle(picture: AlertPicture, pendingCount: number): void {
    this.flashOn = !this.flashOn;
    const loud = picture.ringing.length > 0 || picture.urgent.length > 0 || picture.cancels > 0;
    const count = pendingCount ? `(${pendingCount}) ` : '';
    let title = `${count}${APP_TITLE}`;
    if (loud && this.flashOn) {
      const words = texts(ALERT_TEXTS, this.language());
      title =
        picture.cancels > 0 && !picture.urgent.length ? words.titleCanceled : words.titleNew(count);
    }
    if (document.title !== title) document.title = title;
  }

  private notify(key: string, title: string, body: string): void {
    if (this.notified.has(key)) return;
    this.notified.add(key);
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    if (document.visibilityState === 'visible' && document.hasFocus()) return;
    const n = new Notification(title, { body, tag: key, requireInteraction: true });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  }
}

function describe(order: OrderSummary, language: Language): string {
  return [
    sourceName(order.source, order.origin, language),
    order.dspOrderNumber,
    order.customerName,
  ]
    .filter(Boolean)
    .join(' ');
}

function samePicture(a: AlertPicture, b: AlertPicture): boolean {
  return (
    a.cancels === b.cancels &&
    a.ringing.join() === b.ringing.join() &&
    a.urgent.join() === b.urgent.join() &&
    a.fresh.join() === b.fresh.join()
  );
}
