// What the desktop shell puts on `window.connector` for the cashier UI (electron/preload builds
// it; electron/main answers it). Everything here is derived from the contract: a call added to
// `localApi` is callable through the bridge with its own request and answer types, and nothing
// else is. Types only: the sandboxed preload can load no module but 'electron', so it imports
// none of this at run time.
import type { CallName, CallOutput, CallRequest } from '../contract.js';
import type { ApiProblem } from './errors.js';
import type { PushMessage } from './push.js';

/** The IPC channel names, shared by the preload and electron/main/ipc.ts as literal types. */
export interface IpcChannels {
  /** renderer → main (invoke): one Local API call. */
  call: 'connector:call';
  /** main → renderer: a push event from the contract's `pushEvents`. */
  push: 'connector:push';
  /** main → renderer: a request from the shell itself (tray menu, notification click). */
  shell: 'connector:shell';
  /** renderer → main (send): one line for the shell's log. */
  log: 'connector:log';
  /** renderer → main (invoke): save a file where staff choose (the history CSV). */
  saveFile: 'connector:save-file';
}

/** Per-call extras, the IPC twin of the HTTP headers `X-Actor` and `X-Manager-Pin` (headers.ts). */
export interface BridgeCallOptions {
  /** Who acts, for the order timeline (e.g. the cashier's name). */
  actor?: string;
  /** For calls that need a manager's approval. */
  managerPin?: string;
}

/** The same fields as the HTTP error body (`ApiErrorBody`), plus the HTTP-equivalent status. */
export type BridgeError = ApiProblem;

/** Errors cross the context bridge as values: a thrown Error would lose every field but `message`. */
export type CallResult<K extends CallName> =
  { ok: true; data: CallOutput<K> } | { ok: false; error: BridgeError };

/** Things only the shell can ask the page to do. */
export type ShellCommand =
  { kind: 'show-store-controls' } | { kind: 'show-order'; orderId: string };

export type BridgeLogLevel = 'info' | 'warn' | 'error';

/** A file the page has in memory, as the Local API answers downloads (`FileDownload['file']`). */
export interface FileToSave {
  name: string;
  contentType: string;
  content: string;
}

/** Where the file went (null: staff canceled the dialog), or why it could not be written. */
export type SaveFileResult = { ok: true; path: string | null } | { ok: false; error: BridgeError };

export interface ConnectorBridge {
  /** Lets the UI pick IPC over HTTP + push channel. */
  readonly transport: 'ipc';
  /** One Local API call; the request is the same merged shape the HTTP client sends. */
  call<K extends CallName>(
    name: K,
    request?: CallRequest<K>,
    options?: BridgeCallOptions,
  ): Promise<CallResult<K>>;
  /** Every push event; returns the function that unsubscribes. */
  onPush(listener: (message: PushMessage) => void): () => void;
  onShellCommand(listener: (command: ShellCommand) => void): () => void;
  /** Write a line to the shell's log file (main.log, scope "renderer"). */
  log(level: BridgeLogLevel, message: string): void;
  /** Ask staff where with the system's save dialog, and write the file there. */
  saveFile(file: FileToSave): Promise<SaveFileResult>;
}
