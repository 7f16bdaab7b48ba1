// Navigation, new windows, <webview>, permissions and downloads: each refused unless it stays
// inside our own bundle, for every web contents the app creates.

import { describe, expect, it } from 'vitest';
import { hardenSession, installWebContentsGuards } from '../../electron/main/hardening.js';
import { isAppUrl } from '../../electron/main/protocol.js';
import { createMainWindow } from '../../electron/main/window.js';
import { silentLogger } from '../../electron/core/util/log.js';
import { createFakeElectron } from '../support/fake-electron.js';
import { scratchDir } from '../support/scratch.js';

function guardedWindow() {
  const dir = scratchDir('electron-hardening-');
  const electron = createFakeElectron({ appRoot: dir, paths: { userData: dir, logs: dir } });
  installWebContentsGuards(electron.api.app, silentLogger);
  hardenSession(electron.api.session.defaultSession, silentLogger);
  createMainWindow(
    electron.api,
    { preload: '/p.cjs', kiosk: false, devTools: false },
    { hideOnClose: () => false },
  );
  return { electron, contents: electron.window().webContents };
}

describe('isAppUrl judges by URL parser, not by prefix', () => {
  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/#/orders', true],
    ['app://bundle.attacker.com/index.html', false],
    ['app://bundle:8080/index.html', false],
    ['app://other/index.html', false],
    ['https://bundle/index.html', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('web contents guards', () => {
  it('lets the page move inside the bundle', () => {
    const { contents } = guardedWindow();
    expect(contents.tryNavigate('app://bundle/index.html#/history')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8788/',
    'file:///C:/Windows/system32',
    'app://bundle.evil.com/',
  ])('prevents navigating the window to %s', (url) => {
    const { contents } = guardedWindow();
    expect(contents.tryNavigate(url)).toBe(false);
    expect(contents.tryNavigate(url, 'will-frame-navigate')).toBe(false);
    expect(contents.tryNavigate(url, 'will-redirect')).toBe(false);
  });

  it('denies every window.open, even to our own bundle', () => {
    const { contents } = guardedWindow();
    expect(contents.tryOpenWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(contents.tryOpenWindow('app://bundle/index.html')).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = guardedWindow();
    expect(contents.tryAttachWebview()).toBe(false);
  });
});

describe('session', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'openExternal',
    'clipboard-read',
    'fullscreen',
  ])('denies the %s permission request and check', async (permission) => {
    const { electron } = guardedWindow();
    expect(await electron.session.requestPermission(permission)).toBe(false);
    expect(electron.session.checkPermission(permission)).toBe(false);
  });

  it('denies device access and downloads', () => {
    const { electron } = guardedWindow();
    expect(electron.session.devicePermissionHandler?.({})).toBe(false);
    expect(electron.session.tryDownload()).toBe(false);
  });
});
