// The desktop shell's bridge (`window.connector`, built by electron/preload from the same
// contract). Inside Electron the UI calls the core over IPC and receives push events from it;
// in a browser (headless mode) the bridge is absent and HTTP + SSE are used. Only the shape the
// renderer relies on is described here, so the renderer does not import electron/ code.
export interface IpcBridge {
  readonly transport: 'ipc';
  call: (
    name: string,
    request: unknown,
    options: { actor?: string; managerPin?: string },
  ) => Promise<
    | { ok: true; data: unknown }
    | { ok: false; error: { status: number; code: string; message: string; field?: string } }
  >;
  onPush: (listener: (message: { event: string; data: unknown }) => void) => () => void;
  onShellCommand?: (listener: (command: { kind: string; orderId?: string }) => void) => () => void;
}

export function desktopBridge(): IpcBridge | null {
  const bridge = (window as unknown as { connector?: IpcBridge }).connector;
  return bridge?.transport === 'ipc' ? bridge : null;
}
