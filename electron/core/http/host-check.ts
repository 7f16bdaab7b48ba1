// The Host allowlist in front of both listeners: the standard defence against DNS rebinding. A
// hostile web page can point a name it owns at 127.0.0.1, and the browser then sends that name
// as `Host`; a listener that answers only to this machine's own names never serves it.
import type { FastifyInstance } from 'fastify';
import { hostname, networkInterfaces } from 'node:os';
import { errorBody } from './errors.js';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** Whether a bind address keeps the listener on this machine only. */
export function isLoopbackBind(bindHost: string): boolean {
  return bindHost === 'localhost' || bindHost === '::1' || bindHost.startsWith('127.');
}

/**
 * The names a listener bound to `bindHost` answers to: loopback names and addresses always, the
 * bind address itself, and, when it listens beyond loopback (LAN access on), this machine's
 * interface addresses and host name plus the configured `extra` names.
 */
export function allowedHostNames(bindHost: string, extra: readonly string[]): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  names.add(normalizeHostName(bindHost));
  if (!isLoopbackBind(bindHost)) {
    for (const list of Object.values(networkInterfaces()))
      for (const nic of list ?? []) names.add(normalizeHostName(nic.address));
    const machine = hostname().toLowerCase();
    names.add(machine);
    names.add(`${machine}.local`);
  }
  for (const name of extra) names.add(normalizeHostName(name));
  names.delete('0.0.0.0');
  names.delete('::');
  return names;
}

/** The host part of a `Host` header, lower-case, without port or IPv6 brackets; null if malformed. */
export function hostOfHeader(header: string | undefined): string | null {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  const plain = /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(value);
  return plain ? plain[1]! : null;
}

function normalizeHostName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
}

/** Refuse, before anything else runs, a request whose `Host` is not one of `allowed` (421). */
export function installHostCheck(app: FastifyInstance, allowed: ReadonlySet<string>): void {
  app.addHook('onRequest', async (request, reply) => {
    const host = hostOfHeader(request.headers.host);
    if (host !== null && allowed.has(host)) return;
    return reply
      .code(421)
      .send(
        errorBody(
          'misdirected_request',
          'this connector does not answer to that host name (add it to allowedHosts if it is this machine)',
        ),
      );
  });
}
