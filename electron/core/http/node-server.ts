// The Node HTTP server under both listeners, with every timeout set: a client that sends its
// request slowly (one byte a second), or opens a socket and says nothing, is cut off instead of
// holding a connection forever. Fastify ignores its own timeout options once it is given a
// server factory, so they are all set here.
import http from 'node:http';
import https from 'node:https';
import type { FastifyServerFactory } from 'fastify';
import type { Logger } from '../util/log.js';
import { readTlsPair, watchTlsFiles, type TlsFiles } from './tls.js';

export interface ServerTimeouts {
  /** Whole request (headers and body) must arrive within this. */
  requestMs: number;
  /** A socket with no traffic at all for this long is closed. */
  idleMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  requestMs: 15_000,
  idleMs: 15_000,
  keepAliveMs: 5_000,
};

/** HTTPS instead of HTTP, with the certificate files watched for renewals (./tls.ts). */
export interface ServerTls extends TlsFiles {
  log: Logger;
  /** How often the files are looked at (stat); a renewal is served within this. */
  pollMs: number;
}

export function serverFactory(t: ServerTimeouts, tls?: ServerTls): FastifyServerFactory {
  return (handler) => {
    const options = {
      requestTimeout: t.requestMs,
      headersTimeout: t.requestMs,
      keepAliveTimeout: t.keepAliveMs,
      // How often Node looks for requests past their timeout (default 30 s, far too coarse).
      connectionsCheckingInterval: Math.max(250, Math.min(1_000, Math.floor(t.requestMs / 4))),
    };
    let server: http.Server;
    if (tls) {
      const secure = https.createServer({ ...options, ...readTlsPair(tls) }, handler);
      watchTlsFiles(secure, tls, tls.log, tls.pollMs);
      server = secure;
    } else server = http.createServer(options, handler);
    server.setTimeout(t.idleMs);
    return server;
  };
}
