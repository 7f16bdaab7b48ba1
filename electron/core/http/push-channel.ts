// The push channel: Server-Sent Events on `GET /api/events`. Every bus event is written to every
// open stream as it happens; a comment line every 15 s keeps proxies and idle timers from
// closing a quiet connection.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { EventBus } from '../events/bus.js';

const HEARTBEAT_MS = 15_000;

export function servePushChannel(
  request: FastifyRequest,
  reply: FastifyReply,
  bus: EventBus,
  open: Set<ServerResponse>,
): void {
  reply.hijack();
  const res = reply.raw;
  open.add(res);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  // The request and idle timeouts exist for ordinary calls; a push stream stays open on purpose.
  request.raw.socket.setTimeout(0);
  res.write(': connected\nretry: 2000\n\n');
  const unsubscribe = bus.subscribe((message) => {
    res.write(`event: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const close = (): void => {
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(res);
  };
  request.raw.on('close', close);
  res.on('error', close);
}
