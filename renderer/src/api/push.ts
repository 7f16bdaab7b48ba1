// The push channel: Server-Sent Events on `/api/events`, one listener per event in the shared
// contract's `pushEvents`, each payload checked against its schema. EventSource retries a dropped
// stream by itself, but gives up for good on an HTTP error (a 503 while the connector shuts
// down), so a closed source is replaced after a short backoff. Every (re)connect is announced,
// because events sent while we were away are lost and the caller must reload what it shows.
import { pushEvents, type PushEventName, type PushMessage } from '../../../shared/contract.js';
import type { IpcBridge } from './bridge.js';

export type { PushMessage };

export type ConnectionState = 'connecting' | 'open' | 'lost';

export interface PushHandlers {
  onMessage: (message: PushMessage) => void;
  /** The stream is (re)established: reload anything that may have changed meanwhile. */
  onOpen: () => void;
  onStateChange: (state: ConnectionState) => void;
}

const BACKOFF_MS = [500, 1000, 2000, 4000];

export function connectPush(baseUrl: string, token: string, handlers: PushHandlers): () => void {
  let source: EventSource | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let state: ConnectionState = 'connecting';
  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    handlers.onStateChange(next);
  };

  const open = (): void => {
    const es = new EventSource(`${baseUrl}/api/events?token=${encodeURIComponent(token)}`);
    source = es;
    es.onopen = () => {
      attempt = 0;
      setState('open');
      handlers.onOpen();
    };
    es.onerror = () => {
      setState('lost');
      if (es.readyState !== EventSource.CLOSED || stopped) return; // the browser retries itself
      es.close();
      const delay = BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)];
      retryTimer = setTimeout(open, delay);
    };
    for (const name of Object.keys(pushEvents) as PushEventName[]) {
      es.addEventListener(name, (event) => {
        const parsed = pushEvents[name].safeParse(JSON.parse((event as MessageEvent<string>).data));
        if (!parsed.success) {
          console.warn(`push event ${name} did not match the contract`, parsed.error.issues[0]);
          return;
        }
        handlers.onMessage({ event: name, data: parsed.data } as PushMessage);
      });
    }
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    source?.close();
  };
}

/** Inside the desktop shell: push events arrive over IPC from the core in the same app, so the
 * channel is open for as long as the window lives. Payloads are checked like SSE ones. */
export function connectIpcPush(bridge: IpcBridge, handlers: PushHandlers): () => void {
  const off = bridge.onPush(({ event, data }) => {
    const schema = pushEvents[event];
    if (!schema) return; // an event this UI does not know yet
    const parsed = schema.safeParse(data);
    if (parsed.success) handlers.onMessage({ event, data: parsed.data } as PushMessage);
  });
  handlers.onStateChange('open');
  handlers.onOpen();
  return off;
}
