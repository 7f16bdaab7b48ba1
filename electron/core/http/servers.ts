// The connector's two listeners as one unit for the composition root: the Stream listener and the
// Local API, listened on the configured hosts and ports and closed together (only if they were
// listened on: a start cut short by a fault still stops cleanly).
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/schema.js';

export interface Listeners {
  /** Listen on both; resolves with the bound addresses. */
  listen(): Promise<{ streamUrl: string; localUrl: string }>;
  close(): Promise<void>;
}

export function listeners(
  config: Config,
  servers: { stream: FastifyInstance; local: FastifyInstance },
): Listeners {
  let listened = false;
  return {
    async listen() {
      const streamAt = await servers.stream.listen({
        host: config.stream.host,
        port: config.stream.port,
      });
      // Fastify names its address http:// even when the server it was given speaks TLS.
      const streamUrl = config.stream.tls.certFile
        ? streamAt.replace(/^http:/, 'https:')
        : streamAt;
      const localUrl = await servers.local.listen({
        host: config.local.host,
        port: config.local.port,
      });
      listened = true;
      return { streamUrl, localUrl };
    },
    async close() {
      if (listened) await Promise.all([servers.stream.close(), servers.local.close()]);
    },
  };
}
