// The preload runs as Electron runs a sandboxed preload: CommonJS in a context whose `require`
// knows only 'electron'. It must expose exactly `window.connector`, forward calls to the one
// call channel, and hand listeners the message alone, never the IPC event (which holds `sender`).
import { describe, expect, it } from 'vitest';
import type { ConnectorBridge } from '../../shared/contract.js';
import { runPreloadInVm } from '../support/preload.js';

type Handler = (event: unknown, value: unknown) => void;

function loadPreload() {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const sentLogs: unknown[][] = [];
  const listeners = new Map<string, Set<Handler>>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ ok: true, data: 'answer' });
      },
      send: (...args: unknown[]) => sentLogs.push(args),
      on: (channel: string, handler: Handler) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(handler);
      },
      removeListener: (channel: string, handler: Handler) =>
        listeners.get(channel)?.delete(handler),
    },
  };
  // The sandbox's require: 'electron' and nothing else (Electron also allows a few builtins,
  // which this preload does not need).
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  runPreloadInVm(sandboxRequire);
  const emit = (channel: string, value: unknown) => {
    for (const handler of listeners.get(channel) ?? [])
      handler({ sender: { secret: 'ipc internals' } }, value);
  };
  return {
    exposed,
    invoked,
    sentLogs,
    listeners,
    required,
    emit,
    bridge: exposed.get('connector') as ConnectorBridge,
  };
}

describe('preload', () => {
  it('needs nothing but electron and exposes exactly window.connector', () => {
    const { exposed, required, bridge } = loadPreload();
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['connector']);
    expect(Object.keys(bridge).sort()).toEqual([
      'call',
      'log',
      'onPush',
      'onShellCommand',
      'saveFile',
      'transport',
    ]);
    expect(bridge.transport).toBe('ipc');
  });

  it('forwards a call with its request and options to the call channel', async () => {
    const { bridge, invoked } = loadPreload();
    const result = await bridge.call('getOrder', { id: 'ord_1' }, { actor: 'Ana' });
    expect(result).toEqual({ ok: true, data: 'answer' });
    expect(invoked).toEqual([['connector:call', 'getOrder', { id: 'ord_1' }, { actor: 'Ana' }]]);
  });

  it('refuses a call name that is not a string without sending anything', async () => {
    const { bridge, invoked } = loadPreload();
    await expect(bridge.call(42 as never)).rejects.toThrow('call name must be a string');
    expect(invoked).toEqual([]);
  });

  it('hands push listeners the message only, and unsubscribes', () => {
    const { bridge, emit, listeners } = loadPreload();
    const seen: unknown[][] = [];
    const off = bridge.onPush((...args: unknown[]) => seen.push(args));
    emit('connector:push', { event: 'order.created', data: { id: 'ord_1' } });
    expect(seen).toEqual([[{ event: 'order.created', data: { id: 'ord_1' } }]]);
    off();
    expect(listeners.get('connector:push')?.size).toBe(0);
    emit('connector:push', { event: 'order.updated', data: {} });
    expect(seen).toHaveLength(1);
  });

  it('delivers shell commands on their own channel', () => {
    const { bridge, emit } = loadPreload();
    const seen: unknown[] = [];
    bridge.onShellCommand((c) => seen.push(c));
    emit('connector:push', { event: 'order.created', data: {} });
    emit('connector:shell', { kind: 'show-store-controls' });
    expect(seen).toEqual([{ kind: 'show-store-controls' }]);
  });

  it('refuses a listener that is not a function', () => {
    const { bridge } = loadPreload();
    expect(() => bridge.onPush('x' as never)).toThrow('listener must be a function');
  });

  it('sends log lines of known levels only', () => {
    const { bridge, sentLogs } = loadPreload();
    bridge.log('warn', 'sound blocked');
    bridge.log('debug' as never, 'ignored');
    expect(sentLogs).toEqual([['connector:log', 'warn', 'sound blocked']]);
  });

  it('hands a file to save to its own channel as three strings, nothing else', async () => {
    const { bridge, invoked } = loadPreload();
    const file = { name: 'history.csv', contentType: 'text/csv', content: 'a,b\n', extra: 'x' };
    await bridge.saveFile(file);
    expect(invoked).toEqual([
      ['connector:save-file', { name: 'history.csv', contentType: 'text/csv', content: 'a,b\n' }],
    ]);
    await expect(bridge.saveFile(null as never)).rejects.toThrow('file must be an object');
    expect(invoked).toHaveLength(1);
  });
});
