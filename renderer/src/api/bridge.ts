// The desktop shell's bridge (`window.connector`, built by electron/preload). Its type is the
// one the preload is checked against (shared/contract/bridge.ts), so the two cannot drift apart.
import type { ConnectorBridge } from '../../../shared/contract.js';

export type IpcBridge = ConnectorBridge;

declare global {
  interface Window {
    /** Present only inside the desktop shell; absent in a browser (headless mode). */
    connector?: ConnectorBridge;
  }
}

export function desktopBridge(): IpcBridge | null {
  const bridge = window.connector;
  return bridge?.transport === 'ipc' ? bridge : null;
}
