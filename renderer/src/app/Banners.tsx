// The banners that must not be missed, stacked below the screen, not above it: a banner that comes
// or goes never moves the board under a finger about to tap (the cards keep their place; the lane
// gets shorter). While a dialog is open the loud order alerts live in its slot instead (dialogs.ts).
import { CancelBanners, NewOrderStrip, SoundBanner } from '../features/alerts/AlertBanners.js';
import { PrinterBanner } from '../features/alerts/PrinterBanner.js';
import { ConnectionBanner } from '../features/connection/ConnectionBanner.js';
import { HealthBanner } from '../features/health/HealthBanner.js';
import { PosAttentionBanner } from '../features/orders/PosAttentionBanner.js';
import { ManagerPinBanner } from '../features/store/ManagerPinBanner.js';
import type { Screen } from './use-screen.js';

interface Props {
  screen: Screen;
  /** A dialog is open and shows the order alerts itself. */
  alertsInDialog: boolean;
  onScreen: (screen: Screen) => void;
  onOpenOrder: (id: string) => void;
}

export function Banners({ screen, alertsInDialog, onScreen, onOpenOrder }: Props) {
  return (
    <div className="banners">
      <ConnectionBanner />
      <SoundBanner />
      {!alertsInDialog && <CancelBanners onOpen={onOpenOrder} />}
      <PosAttentionBanner onOpen={onOpenOrder} />
      <PrinterBanner />
      <ManagerPinBanner screen={screen} onSetUp={() => onScreen('store')} />
      {screen !== 'health' && <HealthBanner onDetails={() => onScreen('health')} />}
      {!alertsInDialog && screen !== 'board' && <NewOrderStrip onShow={() => onScreen('board')} />}
    </div>
  );
}
