// The preload. It runs sandboxed, where `require` offers nothing but 'electron' and a few
// builtins, so it is one self-contained CommonJS file. It exposes exactly `window.connector`
// (the ConnectorBridge of shared/contract/bridge.ts) and never hands the page `ipcRenderer`, an IPC event or
// anything from Node. Which calls exist and what they accept is decided by the main process,
// which validates every payload against the shared contract.
// A sandboxed preload is CommonJS; this is its only import that exists at run time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
import type { BridgeLogLevel, ConnectorBridge, IpcChannels } from '../../shared/contract.js';

const CALL: IpcChannels['call'] = 'connector:call';
const PUSH: IpcChannels['push'] = 'connector:push';
const SHELL: IpcChannels['shell'] = 'connector:shell';
const LOG: IpcChannels['log'] = 'connector:log';
const SAVE_FILE: IpcChannels['saveFile'] = 'connector:save-file';

const { contextBridge, ipcRenderer } = electron;

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  // The page gets the value only: the IPC event carries `sender`, which must stay here.
  const forward = (_event: unknown, value: T): void => listener(value);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const LEVELS: readonly BridgeLogLevel[] = ['info', 'warn', 'error'];

const bridge: ConnectorBridge = {
  transport: 'ipc',
  call(name, request, options) {
    if (typeof name !== 'string')
      return Promise.reject(new TypeError('call name must be a string'));
    return ipcRenderer.invoke(CALL, name, request, options);
  },
  onPush: (listener) => subscribe(PUSH, listener),
  onShellCommand: (listener) => subscribe(SHELL, listener),
  log(level, message) {
    if (!LEVELS.includes(level)) return;
    ipcRenderer.send(LOG, level, String(message));
  },
  saveFile(file) {
    // Only the three strings cross: the main process validates them again.
    if (typeof file !== 'object' || file === null)
      return Promise.reject(new TypeError('file must be an object'));
    const { name, contentType, content } = file;
    return ipcRenderer.invoke(SAVE_FILE, { name, contentType, content });
  },
};

contextBridge.exposeInMainWorld('connector', bridge);
