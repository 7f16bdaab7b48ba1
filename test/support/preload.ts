// The real preload (electron/preload/preload.cts) as Electron loads a sandboxed preload:
// transpiled to CommonJS, run where `require` knows only 'electron'. One home for the three
// places that load it without Electron's binary: its unit test, the IPC round-trip test (in a
// Node `vm`, over a stand-in `electron`), and desktop-mode e2e (in the browser page).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';

const SOURCE = path.resolve(import.meta.dirname, '../../electron/preload/preload.cts');

let transpiled: string | null = null;

/** The preload's CommonJS text, as the build emits it for Electron. */
export function preloadJs(): string {
  transpiled ??= ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
    },
    fileName: 'preload.cts',
  }).outputText;
  return transpiled;
}

/** Runs the preload in a fresh `vm` context with `require` as given (the sandbox's). */
export function runPreloadInVm(require: (name: string) => unknown): void {
  const module = { exports: {} };
  vm.runInNewContext(preloadJs(), {
    require,
    module,
    exports: module.exports,
    Promise,
    TypeError,
  });
}

/** The minimal `electron` a preload sees: what it exposes, and the IPC it sends. */
export interface PreloadElectron {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    send(channel: string, ...args: unknown[]): void;
    on(channel: string, listener: (event: unknown, value: unknown) => void): void;
    removeListener(channel: string, listener: (event: unknown, value: unknown) => void): void;
  };
}

/** The preload over `ipcRenderer`; returns what it put on `window` under each key. */
export function loadPreloadInNode(
  ipcRenderer: PreloadElectron['ipcRenderer'],
): Map<string, unknown> {
  const exposed = new Map<string, unknown>();
  const electron: PreloadElectron = {
    contextBridge: { exposeInMainWorld: (key, api) => exposed.set(key, api) },
    ipcRenderer,
  };
  runPreloadInVm((name) => {
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  });
  return exposed;
}
