// The desktop shell's bridge (`window.connector`, built by electron/preload from the same
// contract). Inside Electron the UI calls the core over IPC and receives push events from it;
// in a browser (headless mode) the bridge is absent and HTTP + SSE are used. Its type is the
// preload's own, imported as a type only, so the two cannot drift apart.
import type { ConnectorBridge } from '../../../electron/preload/bridge.js';

export type IpcBridge = ConnectorBridge;

export function desktopBridge(): IpcBridge | null {
  const bridge = window.connector;
  return bridge?.transport === 'ipc' ? bridge : null;
}
