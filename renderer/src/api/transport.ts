// How this page reaches its core, chosen once at start-up and handed to everything that talks to
// it (client, push, file saves, shell commands): the desktop shell's bridge when the preload put
// one on the page, otherwise HTTP + SSE with the Local API token. Nothing else looks at
// `window.connector` or the page's origin, so no path can fall back to `fetch` on `app://bundle`
// inside the shell.
import { readLocalToken } from './token.js';
import type { IpcBridge } from './bridge.js';

export type Transport =
  | { kind: 'ipc'; bridge: IpcBridge }
  | {
      kind: 'http';
      /** In a browser the UI is served by the connector itself: the Local API is its origin. */
      baseUrl: string;
      token: string;
    };

/** The transport for this page; null when it has neither a bridge nor a token (sign-in text). */
export function chooseTransport(): Transport | null {
  const bridge = window.connector;
  if (bridge?.transport === 'ipc') return { kind: 'ipc', bridge };
  const token = readLocalToken();
  return token ? { kind: 'http', baseUrl: window.location.origin, token } : null;
}
