// The cashier's screen: a top bar that always shows how many orders wait, one screen at a time
// below it (board, scheduled, done, health), and under that the banners that must not be missed.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { CancelBanners, NewOrderStrip, SoundBanner } from '../features/alerts/AlertBanners.js';
import { AlertDock } from '../features/alerts/AlertDock.js';
import { PrinterBanner } from '../features/alerts/PrinterBanner.js';
import { ConnectionBanner } from '../features/connection/ConnectionBanner.js';
import { HealthBanner } from '../features/health/HealthBanner.js';
import { HealthPanel } from '../features/health/HealthPanel.js';
import { HistoryPanel } from '../features/history/HistoryPanel.js';
import { NewOrderPanel } from '../features/instore/NewOrderPanel.js';
import { useOrderActions } from '../features/orders/actions.js';
import { Board } from '../features/orders/Board.js';
import { BoardUiContext, type BoardUi } from '../features/orders/board-ui.js';
import { clockTime, storeDayTime } from '../ui/format.js';
import { OrderDetailPanel } from '../features/orders/OrderDetailPanel.js';
import { OrderList } from '../features/orders/OrderList.js';
import { PosAttentionBanner } from '../features/orders/PosAttentionBanner.js';
import { MissedToday } from '../features/missed/MissedGroup.js';
import { lanesOf } from '../features/orders/orders-store.js';
import { RejectDialog } from '../features/orders/RejectDialog.js';
import { ManagerPinBanner } from '../features/store/ManagerPinBanner.js';
import { StorePanel } from '../features/store/StorePanel.js';
import type { OrderSummary } from '../../../shared/order.js';
import { useObservable, useServerNow, useServices } from './hooks.js';
import { dialogs } from './dialogs.js';
import { Notices } from './Notices.js';
import { texts } from '../i18n/texts.js';
import { APP_TEXTS } from './texts.js';

type Screen = 'board' | 'scheduled' | 'done' | 'new' | 'history' | 'store' | 'health';
/** Screens that keep their state while hidden: a half-taken phone order, a history search. */
type KeptScreen = Extract<Screen, 'new' | 'history'>;
const DEFAULT_PREP_MINUTES = 15;
/** The screen on show, kept outside the tree: a language switch re-creates the tree
 * (InLanguage.tsx) and staff who switched it on the settings screen stay there. */
let shownScreen: Screen = 'board';
const APP_NAME = 'Stream Connector';

/** A tab's words: the short label only where the language has one shorter than the full name. */
function tabWords(words: { label: string; short: string }): { label: string; short?: string } {
  return words.short === words.label ? { label: words.label } : words;
}

/** Changes whenever an order's newest message to Stream changes state. */
function deliveryVersion(order: OrderSummary | undefined): string | undefined {
  const d = order?.delivery;
  return d ? `${d.eventId}:${d.state}:${d.attempts}` : undefined;
}

export function App() {
  const services = useServices();
  const { orders, alerts, sound, settings, api } = services;
  const all = useSyncExternalStore(orders.subscribe, () => orders.all());
  const now = useServerNow();
  const lanes = useMemo(() => lanesOf(all, now), [all, now]);
  const actions = useOrderActions();
  const prefs = useObservable(settings);
  const connection = useObservable(services.connection);
  const storeStatus = useObservable(services.store);
  // The prep time Stream is quoted now (location default plus busy mode), else the usual default.
  const defaultPrep = storeStatus?.prepTimeMinutes ?? DEFAULT_PREP_MINUTES;
  const [screen, setScreen] = useState<Screen>(() => shownScreen);
  useEffect(() => {
    shownScreen = screen;
  }, [screen]);
  const [visited, setVisited] = useState<ReadonlySet<KeptScreen>>(new Set());
  useEffect(() => {
    if ((screen === 'new' || screen === 'history') && !visited.has(screen))
      setVisited((v) => new Set(v).add(screen));
  }, [screen, visited]);
  const keep = (s: KeptScreen): boolean => screen === s || visited.has(s);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [rejectId, setRejectId] = useState<string | null>(null);
  const [prep, setPrepMap] = useState<ReadonlyMap<string, number>>(new Map());
  const [storeName, setStoreName] = useState<string>('');

  useEffect(() => {
    api.getHealth().then(
      (h) => setStoreName(h.location.name),
      () => undefined, // the connection banner already says the connector is unreachable
    );
  }, [api]);

  useEffect(() => {
    document.documentElement.dataset.theme = prefs.theme;
    document.documentElement.classList.toggle('large-text', prefs.largeText);
  }, [prefs.theme, prefs.largeText]);

  // Any tap or key is a user gesture: the moment the browser lets us enable sound and ask for
  // desktop notifications.
  useEffect(() => {
    const onGesture = (): void => {
      sound.unlock();
      if (typeof Notification !== 'undefined' && Notification.permission === 'default')
        void Notification.requestPermission();
    };
    window.addEventListener('pointerdown', onGesture, true);
    window.addEventListener('keydown', onGesture, true);
    return () => {
      window.removeEventListener('pointerdown', onGesture, true);
      window.removeEventListener('keydown', onGesture, true);
    };
  }, [sound]);

  const ui: BoardUi = useMemo(
    () => ({
      openDetail: (id) => {
        alerts.acknowledge(id);
        setDetailId(id);
      },
      openReject: (id) => {
        alerts.acknowledge(id);
        setRejectId(id);
      },
      prepFor: (id, fallback) => prep.get(id) ?? fallback,
      setPrep: (id, minutes) => setPrepMap((m) => new Map(m).set(id, minutes)),
    }),
    [alerts, prep],
  );

  // The desktop shell's tray menu and notifications can ask for a screen or an order.
  const { transport } = services;
  useEffect(() => {
    if (transport.kind !== 'ipc') return undefined;
    return transport.bridge.onShellCommand((command) => {
      if (command.kind === 'show-order' && command.orderId) ui.openDetail(command.orderId);
      if (command.kind === 'show-store-controls') setScreen('store');
    });
  }, [transport, ui]);

  const rejectOrder = rejectId ? orders.get(rejectId) : undefined;
  const detailOrder = detailId ? orders.get(detailId) : undefined;
  const showBoard = useCallback(() => setScreen('board'), []);
  // While a dialog is open the loud alerts live in its slot (dialogs.ts); a tap on one that leads
  // elsewhere closes the dialogs first.
  const alertSlot = useObservable(dialogs.slot);
  const showBoardFromAlert = useCallback(() => {
    dialogs.closeAll();
    setScreen('board');
  }, []);
  const openFromAlert = useCallback(
    (id: string) => {
      dialogs.closeAll();
      ui.openDetail(id);
    },
    [ui],
  );
  const t = texts(APP_TEXTS);
  // A paused or closed store's tab is the red pill itself ("PAUSED until 16:30"): one place to
  // read it and to tap it, and no extra element to squeeze the tabs when the store pauses.
  const pausedWords =
    storeStatus && !storeStatus.acceptingOrders
      ? storeStatus.state === 'closed'
        ? t.closed
        : t.paused
      : null;
  const storeTab = pausedWords
    ? {
        label: `${pausedWords}${storeStatus?.reopensAt ? t.until(storeDayTime(storeStatus.reopensAt, now)) : ''}`,
        short: pausedWords,
        spoken: t.tabs.store.label,
        alarm: true,
      }
    : tabWords(t.tabs.store);
  /** `short`: the label on narrow screens (1024 px), where seven tabs must fit in one row. */
  const tabs: {
    id: Screen;
    label: string;
    short?: string;
    count?: number;
    /** Said before the label to screen readers ("Store: PAUSED until 16:30"). */
    spoken?: string;
    alarm?: boolean;
  }[] = [
    {
      id: 'board',
      ...tabWords(t.tabs.board),
      count: lanes.pending.length + lanes.inProgress.length,
    },
    { id: 'scheduled', ...tabWords(t.tabs.scheduled), count: lanes.scheduled.length },
    { id: 'done', ...tabWords(t.tabs.done), count: lanes.done.length },
    { id: 'new', ...tabWords(t.tabs.new) },
    { id: 'history', ...tabWords(t.tabs.history) },
    { id: 'store', ...storeTab },
    { id: 'health', ...tabWords(t.tabs.health) },
  ];

  return (
    <BoardUiContext.Provider value={ui}>
      <div className="app" data-connection={connection}>
        <header className="topbar">
          <div className="topbar__store">
            <span className="topbar__name">{storeName || APP_NAME}</span>
            <span className="topbar__clock" aria-label={t.time}>
              {clockTime(now)}
            </span>
            <MissedToday />
          </div>
          <nav className="tabs" aria-label={t.screens}>
            {tabs.map((t) => (
              <button
                key={t.id}
                type="button"
                className={`tab${screen === t.id ? ' is-current' : ''}${t.alarm ? ' tab--alarm' : ''}`}
                data-testid={t.alarm ? 'paused-pill' : undefined}
                aria-current={screen === t.id ? 'page' : undefined}
                // The full name for screen readers and tests, whichever label the width shows.
                aria-label={
                  t.short
                    ? `${t.spoken ? `${t.spoken}: ` : ''}${t.label}${t.count !== undefined ? ` ${t.count}` : ''}`
                    : undefined
                }
                onClick={() => setScreen(t.id)}
              >
                {t.short ? (
                  <>
                    <span className="label--wide">{t.label}</span>
                    <span className="label--narrow">{t.short}</span>
                  </>
                ) : (
                  t.label
                )}
                {t.count !== undefined && <span className="tab__count">{t.count}</span>}
              </button>
            ))}
          </nav>
          <div
            className={`topbar__pending${lanes.pending.length ? ' has-pending' : ''}`}
            aria-live="polite"
          >
            <span className="topbar__pending-number">{lanes.pending.length}</span>
            <span className="topbar__pending-label">{t.newOrders(lanes.pending.length)}</span>
          </div>
        </header>
        {alertSlot &&
          createPortal(
            <AlertDock onShowBoard={showBoardFromAlert} onOpen={openFromAlert} />,
            alertSlot,
          )}
        <main className="screen">
          {screen === 'board' && (
            <Board
              lanes={lanes}
              now={now}
              actions={actions}
              active={!detailId && !rejectId}
              defaultPrep={defaultPrep}
            />
          )}
          {screen === 'scheduled' && (
            <OrderList
              title={t.scheduledTitle}
              empty={t.scheduledEmpty}
              orders={lanes.scheduled}
              now={now}
              busy={actions.busy}
              onOpen={ui.openDetail}
              onStep={(id, status) => void actions.setStatus(id, status)}
            />
          )}
          {screen === 'done' && (
            <OrderList
              title={t.doneTitle}
              empty={t.doneEmpty}
              orders={lanes.done}
              now={now}
              busy={actions.busy}
              onOpen={ui.openDetail}
            />
          )}
          {keep('new') && (
            <div className="screen__kept" hidden={screen !== 'new'}>
              <NewOrderPanel now={now} onOpenOrder={ui.openDetail} />
            </div>
          )}
          {keep('history') && (
            <div className="screen__kept" hidden={screen !== 'history'}>
              <HistoryPanel now={now} active={screen === 'history'} onOpenOrder={ui.openDetail} />
            </div>
          )}
          {screen === 'store' && <StorePanel now={now} />}
          {screen === 'health' && <HealthPanel now={now} />}
        </main>
        {/* Below the screen, not above it: a banner that comes or goes never moves the board
            under a finger about to tap (the cards keep their place; the lane gets shorter). */}
        <div className="banners">
          <ConnectionBanner />
          <SoundBanner />
          {!alertSlot && <CancelBanners onOpen={ui.openDetail} />}
          <PosAttentionBanner onOpen={ui.openDetail} />
          <PrinterBanner />
          <ManagerPinBanner screen={screen} onSetUp={() => setScreen('store')} />
          {screen !== 'health' && <HealthBanner onDetails={() => setScreen('health')} />}
          {!alertSlot && screen !== 'board' && <NewOrderStrip onShow={showBoard} />}
        </div>
        <Notices />
        {detailId && (
          <OrderDetailPanel
            id={detailId}
            version={detailOrder?.updatedAt}
            deliveryVersion={deliveryVersion(detailOrder)}
            now={now}
            actions={actions}
            defaultPrep={defaultPrep}
            onClose={() => setDetailId(null)}
          />
        )}
        {rejectOrder && (
          <RejectDialog
            order={rejectOrder}
            now={now}
            onCancel={() => setRejectId(null)}
            onReject={(code, reason, unavailable) => {
              setRejectId(null);
              void actions.reject(rejectOrder.id, code, reason, unavailable);
            }}
          />
        )}
      </div>
    </BoardUiContext.Provider>
  );
}
