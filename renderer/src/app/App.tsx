// The cashier's screen: a top bar that always shows how many orders wait (TopBar.tsx), one screen
// at a time below it (board, scheduled, done, new order, history, store, health), and under that
// the banners that must not be missed (Banners.tsx); the order detail and reject dialogs over it.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { OrderSummary } from '../../../shared/order.js';
import { AlertDock } from '../features/alerts/AlertDock.js';
import { HealthPanel } from '../features/health/HealthPanel.js';
import { HistoryPanel } from '../features/history/HistoryPanel.js';
import { NewOrderPanel } from '../features/instore/NewOrderPanel.js';
import { useOrderActions } from '../features/orders/actions.js';
import { Board } from '../features/orders/Board.js';
import { BoardUiContext, type BoardUi } from '../features/orders/board-ui.js';
import { OrderDetailPanel } from '../features/orders/OrderDetailPanel.js';
import { OrderList } from '../features/orders/OrderList.js';
import { lanesOf } from '../features/orders/live-orders.js';
import { RejectDialog } from '../features/orders/RejectDialog.js';
import { StorePanel } from '../features/store/StorePanel.js';
import { useTexts } from '../i18n/context.js';
import { Banners } from './Banners.js';
import { dialogs } from './dialogs.js';
import { useObservable, useServerNow, useServices } from './hooks.js';
import { Notices } from './Notices.js';
import { APP_TEXTS } from './texts.js';
import { TopBar } from './TopBar.js';
import { useGestureUnlock } from './use-gesture-unlock.js';
import { useScreen } from './use-screen.js';

const DEFAULT_PREP_MINUTES = 15;

/** Changes whenever an order's newest message to Stream changes state. */
function deliveryVersion(order: OrderSummary | undefined): string | undefined {
  const d = order?.delivery;
  return d ? `${d.eventId}:${d.state}:${d.attempts}` : undefined;
}

export function App() {
  const services = useServices();
  const { orders, alerts, settings } = services;
  const all = useSyncExternalStore(orders.subscribe, () => orders.all());
  const now = useServerNow();
  const lanes = useMemo(() => lanesOf(all, now), [all, now]);
  const actions = useOrderActions();
  const prefs = useObservable(settings);
  const connection = useObservable(services.connection);
  const storeStatus = useObservable(services.storeStatus);
  // The prep time Stream is quoted now (location default plus busy mode), else the usual default.
  const defaultPrep = storeStatus?.prepTimeMinutes ?? DEFAULT_PREP_MINUTES;
  const { screen, setScreen, keep } = useScreen();
  const [detailId, setDetailId] = useState<string | null>(null);
  const [rejectId, setRejectId] = useState<string | null>(null);
  const [prep, setPrepMap] = useState<ReadonlyMap<string, number>>(new Map());
  useEffect(() => {
    document.documentElement.dataset.theme = prefs.theme;
    document.documentElement.classList.toggle('large-text', prefs.largeText);
  }, [prefs.theme, prefs.largeText]);

  useGestureUnlock();

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
  const t = useTexts(APP_TEXTS);

  return (
    <BoardUiContext.Provider value={ui}>
      <div className="app" data-connection={connection}>
        <TopBar
          lanes={lanes}
          storeStatus={storeStatus}
          now={now}
          screen={screen}
          onScreen={setScreen}
        />
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
        <Banners
          screen={screen}
          alertsInDialog={Boolean(alertSlot)}
          onScreen={setScreen}
          onOpenOrder={ui.openDetail}
        />
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
