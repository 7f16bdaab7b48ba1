// The cashier UI is served from the packaged bundle (renderer/dist) through a custom scheme,
// `app://bundle/…`, instead of file://: the page gets a real origin to pin IPC and navigation
// to, file:// keeps none of its extra privileges, and every response carries the same CSP as
// headless mode. Only GET and HEAD are answered, and only for files inside the bundle.
import type { CustomScheme } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UI_CSP } from '../core/shell-door.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Registered before `ready`: a standard, secure scheme so the page has an origin and `fetch`. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
};

/** True only for URLs of our own bundle, judged by a URL parser, never by string prefix. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': UI_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

function refuse(status: number, reason: string, extra: Record<string, string> = {}): Response {
  return new Response(reason, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...extra },
  });
}

/**
 * The file a bundle URL names, or null when it names none or would leave the bundle. The URL
 * parser already folds `..` and `%2e%2e` segments; decoding afterwards can still produce `../`
 * or `..\` from `%2f` / `%5c`, so the decoded path is resolved and checked to be inside `root`.
 */
export function resolveBundlePath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + decoded);
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

/** The handler for `protocol.handle(APP_SCHEME, …)`, serving files from `root`. */
export function createBundleHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(405, 'method not allowed', { Allow: 'GET, HEAD' });
    const file = resolveBundlePath(root, request.url);
    if (!file) return refuse(404, 'not found');
    try {
      const info = await stat(file);
      if (!info.isFile()) return refuse(404, 'not found');
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const headers = {
        'Content-Type': type,
        'Content-Length': String(info.size),
        ...SECURITY_HEADERS,
      };
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
      return new Response(await readFile(file), { status: 200, headers });
    } catch {
      return refuse(404, 'not found');
    }
  };
}
