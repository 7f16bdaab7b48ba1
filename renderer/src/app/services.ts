// Everything the screens share, made once at start-up: the Local API client, the server clock,
// the orders everyone sees, the push connection and the alerts. Screens reach it through
// `useServices()`; tests and the console can reach the same objects.
import type { Health } from '../../../shared/contract.js';
import type { MissedSummary, OrderSummary } from '../../../shared/order.js';
import type { PosStatus } from '../../../shared/pos.js';
import { createLocalApiClient, type LocalApiClient } from '../api/client.js';
import type { Transport } from '../api/transport.js';
import {
  connectTransportPush,
  type PushHandlers,
  type ConnectionState,
  type PushMessage,
} from '../api/push.js';
import { ServerClock } from '../api/server-clock.js';
import { AlertController } from '../features/alerts/alert-controller.js';
import { SoundPlayer } from '../features/alerts/sound-player.js';
import { LiveOrders } from '../features/orders/live-orders.js';
import { setStoreTimeZone } from '../ui/format.js';
import { Observable } from './observable.js';
import { Settings } from './settings.js';
import { LiveStoreStatus } from './live-store-status.js';
import { languageFor } from '../i18n/language.js';
import { texts } from '../i18n/texts.js';
import { APP_TEXTS } from './texts.js';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface Services {
  /** How this page reaches the core (bridge or HTTP), for file saves and shell commands. */
  transport: Transport;
  api: LocalApiClient;
  clock: ServerClock;
  orders: LiveOrders;
  sound: SoundPlayer;
  alerts: AlertController;
  settings: Settings;
  connection: Observable<ConnectionState>;
  /** Pause / busy / prep time as the core reports them; null until loaded. */
  storeStatus: LiveStoreStatus;
  /** The POS leg's status as read when the push channel (re)opened; later changes come as push
   * events (`pos.*`, `printer.status`), which the banners fold in themselves. */
  posStatus: Observable<PosStatus | null>;
  /** The connector's health report, read every few seconds and on every reconnect; null until
   * the first answer. */
  health: Observable<Health | null>;
  /** "N missed today" and the pause offer; null until loaded. */
  missed: Observable<MissedSummary | null>;
  /** Short messages at the bottom of the screen (a failed tap, a confirmation). */
  notices: Observable<readonly Notice[]>;
  notify: (kind: Notice['kind'], text: string) => void;
  /** Reload the orders list now (after a reconnect, or by hand). */
  reload: () => Promise<void>;
  start: () => void;
  /** Every push event, for screens that show more than orders (store, outbox…). */
  onPush: (listener: (message: PushMessage) => void) => () => void;
}

/** How often the health report is read: a problem shows on screen within this. */
const HEALTH_REFRESH_MS = 3_000;

/** `transport`: the shell's bridge (IPC) or HTTP + SSE with the token, chosen once (transport.ts);
 * every call, push event and file save goes through it. */
export function createServices(transport: Transport): Services {
  const clock = new ServerClock();
  const settings = new Settings(localStorage, languageFor(navigator.languages));
  const api = createLocalApiClient({
    transport,
    clock,
    actor: () => settings.get().cashierName || undefined,
    language: () => settings.get().language,
  });
  const orders = new LiveOrders();
  const sound = new SoundPlayer();
  const alerts = new AlertController(orders, clock, sound, () => settings.get().language);
  const connection = new Observable<ConnectionState>('connecting');
  const notices = new Observable<readonly Notice[]>([]);
  const storeStatus = new LiveStoreStatus();
  // Every time on screen is on the store's clock (format.ts), once the store says its zone.
  storeStatus.subscribe(() => setStoreTimeZone(storeStatus.get()?.schedule.timeZone));
  const posStatus = new Observable<PosStatus | null>(null);
  const missed = new Observable<MissedSummary | null>(null);
  const health = new Observable<Health | null>(null);
  const reloadHealth = (): void => {
    api.getHealth().then(
      (report) => health.set(report),
      () => undefined, // the connection banner already says the connector is unreachable
    );
  };
  const reloadMissed = (): void => {
    api.getMissed().then(
      (summary) => missed.set(summary),
      () => undefined, // the connection banner already says the connector is unreachable
    );
  };
  let noticeId = 0;
  const pushListeners = new Set<(message: PushMessage) => void>();

  const notify = (kind: Notice['kind'], text: string): void => {
    const notice = { id: ++noticeId, kind, text };
    notices.set([...notices.get().slice(-3), notice]);
    setTimeout(
      () => notices.set(notices.get().filter((n) => n !== notice)),
      kind === 'error' ? 8000 : 4000,
    );
  };

  const reload = async (): Promise<void> => {
    const since = orders.beginReload();
    const { orders: list } = await api.listOrders({ limit: 500 });
    orders.load(list, since);
  };

  const track = (order: OrderSummary): void => {
    clock.observeServerStamp(order.updatedAt);
    orders.upsert(order);
  };

  return {
    transport,
    api,
    clock,
    orders,
    sound,
    alerts,
    settings,
    connection,
    storeStatus,
    posStatus,
    health,
    missed,
    notices,
    notify,
    reload,
    start() {
      void sound.init();
      alerts.start();
      setInterval(reloadHealth, HEALTH_REFRESH_MS);
      const handlers: PushHandlers = {
        onOpen: () => {
          api.getStore().then(
            (status) => storeStatus.set(status), // a reload replaces, even after a restart
            () => undefined, // store controls are optional for the board
          );
          api.getPosStatus().then(
            (status) => posStatus.set(status),
            () => undefined, // a core without a POS leg: nothing to watch
          );
          reloadMissed();
          reloadHealth();
          reload().catch((err: unknown) =>
            notify(
              'error',
              texts(APP_TEXTS, settings.get().language).loadOrdersFailed((err as Error).message),
            ),
          );
        },
        onStateChange: (state) => connection.set(state),
        onMessage: (message) => {
          switch (message.event) {
            case 'order.created':
              track(message.data);
              break;
            case 'order.delivery':
              track(message.data);
              break;
            case 'order.updated':
              track(message.data);
              if (message.data.missed) reloadMissed(); // seen on some screen
              break;
            case 'order.missed':
              track(message.data.order);
              missed.set(message.data.summary);
              alerts.missedArrived(message.data.order);
              break;
            case 'order.canceled': {
              const { canceledBy, ...order } = message.data;
              track(order);
              alerts.cancelArrived(order, canceledBy);
              break;
            }
            case 'store.updated':
              storeStatus.offer(message.data);
              break;
            default:
              break; // catalog and outbox events: see `onPush`
          }
          for (const listener of pushListeners) listener(message);
        },
      };
      connectTransportPush(transport, handlers);
    },
    onPush(listener) {
      pushListeners.add(listener);
      return () => pushListeners.delete(listener);
    },
  };
}
