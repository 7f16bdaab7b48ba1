// A test double for the part of Electron the shell uses (electron/main/electron-api.ts), for
// machines where the Electron binary cannot be installed. It records what the shell asked for
// (window options, IPC handlers, the protocol handler, tray menus, notifications, sleep blocks,
// dialogs) and lets a test play the other side: a page that navigates or sends IPC from some
// frame, a user who clicks a tray item or answers a dialog, the app being quit.
import { EventEmitter } from 'node:events';
import type { ElectronApi } from '../../electron/main/electron-api.js';
import type { UpdaterLike } from '../../electron/main/updates.js';

/** An Electron-style event: `preventDefault()` and whether it was called. */
export function fakeEvent<T extends object>(
  fields: T = {} as T,
): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = new FakeFrame('about:blank');
  sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** The page tries to navigate; true when the shell let it. */
  tryNavigate(
    url: string,
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' = 'will-navigate',
  ): boolean {
    const e = fakeEvent({ url });
    this.emit(event, e);
    return !e.defaultPrevented;
  }
  /** The page calls window.open; the shell's answer (Electron opens nothing without a handler saying allow). */
  tryOpenWindow(url: string): { action: string } {
    return this.windowOpenHandler?.({ url }) ?? { action: 'allow' };
  }
  tryAttachWebview(): boolean {
    const e = fakeEvent();
    this.emit('will-attach-webview', e, {}, {});
    return !e.defaultPrevented;
  }
  /** What an IPC message from one of this page's frames looks like to the main process. */
  ipcEvent(frame: FakeFrame | null = this.mainFrame): {
    sender: FakeWebContents;
    senderFrame: FakeFrame | null;
  } {
    return { sender: this, senderFrame: frame };
  }
  messages(channel: string): unknown[][] {
    return this.sent.filter((m) => m.channel === channel).map((m) => m.args);
  }
}

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What `ipcRenderer.invoke` does: run the handler, or fail as Electron does without one. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return await handler(event, ...args);
  }
}

export interface FakeElectronOptions {
  appRoot: string;
  paths: { userData: string; logs: string; documents?: string };
  isPackaged?: boolean;
  /** Whether this process gets the single-instance lock. */
  lockAvailable?: boolean;
  safeStorageBackend?:
    'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
  /** Whether the tray can be created (some Linux desktops have none). */
  trayAvailable?: boolean;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

export function createFakeElectron(options: FakeElectronOptions) {
  const windows: FakeBrowserWindow[] = [];
  const trays: FakeTray[] = [];
  const notifications: FakeNotification[] = [];
  const record = {
    /** Calls whose order Electron cares about (some only before `ready`, some only after). */
    calls: [] as string[],
    privilegedSchemes: [] as unknown[],
    sandboxEnabled: false,
    appUserModelId: null as string | null,
    loginItem: null as unknown,
    badgeCount: 0,
    applicationMenu: undefined as unknown,
    quit: false,
    exitCode: null as number | null,
    relaunched: false,
    errorBoxes: [] as { title: string; content: string }[],
    messageBoxes: [] as { message: string; buttons: string[] }[],
    saveDialogs: 0,
  };
  /** Answers the next message boxes get (button index); 0 when the queue is empty. */
  const messageBoxAnswers: number[] = [];
  let saveDialogAnswer: { canceled: boolean; filePath?: string } = { canceled: true };

  const paths: Record<string, string> = {
    userData: options.paths.userData,
    logs: options.paths.logs,
    documents: options.paths.documents ?? options.paths.userData,
  };

  class FakeApp extends EventEmitter {
    isPackaged = options.isPackaged ?? false;
    getPath(name: string): string {
      const value = paths[name];
      if (!value) throw new Error(`fake app.getPath: no path ${name}`);
      return value;
    }
    setPath(name: string, value: string): void {
      record.calls.push('app.setPath');
      paths[name] = value;
    }
    getAppPath(): string {
      return options.appRoot;
    }
    getVersion(): string {
      return '0.1.0';
    }
    requestSingleInstanceLock(): boolean {
      record.calls.push('app.requestSingleInstanceLock');
      return options.lockAvailable ?? true;
    }
    enableSandbox(): void {
      record.calls.push('app.enableSandbox');
      record.sandboxEnabled = true;
    }
    setAppUserModelId(id: string): void {
      record.appUserModelId = id;
    }
    whenReady(): Promise<void> {
      record.calls.push('app.whenReady');
      return Promise.resolve();
    }
    setLoginItemSettings(settings: unknown): void {
      record.loginItem = settings;
    }
    setBadgeCount(count: number): boolean {
      record.badgeCount = count;
      return true;
    }
    relaunch(): void {
      record.relaunched = true;
    }
    exit(code = 0): void {
      record.exitCode = code;
      record.quit = true;
    }
    /** Electron's order: before-quit, then every window is closed, then will-quit, then quit. */
    quit(): void {
      const beforeQuit = fakeEvent();
      this.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      for (const win of windows.filter((w) => !w.destroyed)) {
        if (!win.close()) return;
      }
      const willQuit = fakeEvent();
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) return;
      record.quit = true;
      this.emit('quit');
    }
  }
  const app = new FakeApp();

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    visible = false;
    focused = false;
    minimized = false;
    destroyed = false;
    flashing = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      record.calls.push('new BrowserWindow');
      windows.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    show(): void {
      this.visible = true;
    }
    hide(): void {
      this.visible = false;
      this.focused = false;
    }
    focus(): void {
      this.focused = true;
      this.emit('focus');
    }
    /** Another application comes to the front. */
    blur(): void {
      this.focused = false;
      this.emit('blur');
    }
    isFocused(): boolean {
      return this.focused;
    }
    isVisible(): boolean {
      return this.visible;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.minimized = false;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    flashFrame(flag: boolean): void {
      this.flashing = flag;
    }
    /** The user (or the app) closes the window; false when a 'close' listener kept it. */
    close(): boolean {
      const e = fakeEvent();
      this.emit('close', e);
      if (e.defaultPrevented) return false;
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
      return true;
    }
  }

  class FakeTray extends EventEmitter {
    tooltip = '';
    title = '';
    menu: { label?: string; enabled?: boolean; type?: string; click?: () => void }[] = [];
    destroyed = false;
    constructor(public image: { path: string }) {
      super();
      if (options.trayAvailable === false) throw new Error('no tray on this desktop');
      trays.push(this);
    }
    setImage(image: { path: string }): void {
      this.image = image;
    }
    setToolTip(text: string): void {
      this.tooltip = text;
    }
    setTitle(text: string): void {
      this.title = text;
    }
    setContextMenu(menu: { template: FakeTray['menu'] }): void {
      this.menu = menu.template;
    }
    destroy(): void {
      this.destroyed = true;
    }
    labels(): string[] {
      return this.menu.filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
    }
    clickItem(label: string): void {
      const item = this.menu.find((i) => i.label === label);
      if (!item?.click)
        throw new Error(`no clickable tray item "${label}" in ${JSON.stringify(this.labels())}`);
      item.click();
    }
  }

  class FakeNotification extends EventEmitter {
    shown = false;
    static isSupported(): boolean {
      return true;
    }
    constructor(
      readonly options: { title: string; body: string; urgency?: string; silent?: boolean },
    ) {
      super();
      notifications.push(this);
    }
    show(): void {
      this.shown = true;
    }
    click(): void {
      this.emit('click');
    }
  }

  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      record.calls.push('protocol.registerSchemesAsPrivileged');
      record.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      record.calls.push('protocol.handle');
      protocolHandlers.set(scheme, handler);
    },
    /** What the renderer gets when it loads a URL of a handled scheme. */
    async fetch(url: string, init?: RequestInit): Promise<Response> {
      const scheme = new URL(url).protocol.slice(0, -1);
      const handler = protocolHandlers.get(scheme);
      if (!handler) throw new Error(`no protocol handler for ${scheme}:`);
      return await handler(new Request(url, init));
    },
  };

  type PermissionHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: unknown,
  ) => void;
  class FakeSession extends EventEmitter {
    permissionRequestHandler: PermissionHandler | null = null;
    permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
    devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
    setPermissionRequestHandler(handler: PermissionHandler): void {
      record.calls.push('session.setPermissionRequestHandler');
      this.permissionRequestHandler = handler;
    }
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
      this.permissionCheckHandler = handler;
    }
    setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
      this.devicePermissionHandler = handler;
    }
    /** A page asks for a permission; Electron grants it when no handler says otherwise. */
    requestPermission(permission: string): Promise<boolean> {
      const handler = this.permissionRequestHandler;
      if (!handler) return Promise.resolve(true);
      return new Promise((resolve) => handler(null, permission, resolve, {}));
    }
    checkPermission(permission: string): boolean {
      return this.permissionCheckHandler
        ? this.permissionCheckHandler(null, permission, 'app://bundle', {})
        : true;
    }
    tryDownload(): boolean {
      const e = fakeEvent();
      this.emit('will-download', e, {}, {});
      return !e.defaultPrevented;
    }
  }
  const defaultSession = new FakeSession();

  const blockers = new Map<number, string>();
  let nextBlocker = 1;
  const powerSaveBlocker = {
    start(type: string): number {
      const id = nextBlocker++;
      blockers.set(id, type);
      return id;
    },
    stop(id: number): boolean {
      return blockers.delete(id);
    },
    isStarted(id: number): boolean {
      return blockers.has(id);
    },
    active(): string[] {
      return [...blockers.values()];
    },
  };

  // Stands in for the OS key: reversible, never the plain text, and versioned so a test can
  // rotate the key the way an OS upgrade does.
  const safeStorage = {
    backend: options.safeStorageBackend ?? 'gnome_libsecret',
    available: true,
    keyVersion: 1,
    getSelectedStorageBackend() {
      return safeStorage.backend;
    },
    isAsyncEncryptionAvailable: () => Promise.resolve(safeStorage.available),
    encryptStringAsync: (text: string) =>
      Promise.resolve(
        Buffer.from(
          `fake-os-key-v${safeStorage.keyVersion}:${Buffer.from(text, 'utf8').toString('hex')}`,
        ),
      ),
    decryptStringAsync(buffer: Buffer) {
      const match = /^fake-os-key-v(\d+):([0-9a-f]*)$/.exec(buffer.toString('utf8'));
      if (!match) return Promise.reject(new Error('Error while decrypting the ciphertext'));
      return Promise.resolve({
        result: Buffer.from(match[2]!, 'hex').toString('utf8'),
        shouldReEncrypt: Number(match[1]) < safeStorage.keyVersion,
      });
    },
  };

  const dialog = {
    showErrorBox(title: string, content: string) {
      record.errorBoxes.push({ title, content });
    },
    showMessageBox(...args: unknown[]) {
      const opts = args[args.length - 1] as { message: string; buttons: string[] };
      record.messageBoxes.push({ message: opts.message, buttons: opts.buttons });
      return Promise.resolve({ response: messageBoxAnswers.shift() ?? 0, checkboxChecked: false });
    },
    showSaveDialog() {
      record.saveDialogs++;
      return Promise.resolve(saveDialogAnswer);
    },
  };

  const ipcMain = new FakeIpcMain();
  const Menu = {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu(menu: unknown) {
      record.applicationMenu = menu;
    },
  };
  const nativeImage = { createFromPath: (path: string) => ({ path }) };

  const api = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    Menu,
    Tray: FakeTray,
    nativeImage,
    Notification: FakeNotification,
    dialog,
    powerSaveBlocker,
    safeStorage,
  } as unknown as ElectronApi;

  return {
    api,
    app,
    ipcMain,
    protocol,
    session: defaultSession,
    safeStorage,
    powerSaveBlocker,
    windows,
    trays,
    notifications,
    record,
    answerNextMessageBox(response: number) {
      messageBoxAnswers.push(response);
    },
    answerSaveDialog(answer: { canceled: boolean; filePath?: string }) {
      saveDialogAnswer = answer;
    },
    /** The most recent window the shell created. */
    window(): FakeBrowserWindow {
      const win = windows[windows.length - 1];
      if (!win) throw new Error('the shell created no window');
      return win;
    },
  };
}

export type FakeWindow = ReturnType<FakeElectron['window']>;
export type FakeTrayIcon = FakeElectron['trays'][number];

/** electron-updater's side: records what the shell set and asked; a test emits its events. */
export class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  allowPrerelease = false;
  private selectedChannel: string | null = null;
  feed: unknown = null;
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  get channel(): string | null {
    return this.selectedChannel;
  }
  set channel(value: string | null) {
    // As electron-updater does: choosing a channel turns downgrades on.
    this.selectedChannel = value;
    this.allowDowngrade = true;
  }
  setFeedURL(options: unknown): void {
    this.feed = options;
  }
  checkForUpdates(): Promise<unknown> {
    this.checks++;
    return Promise.resolve(null);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}
