// A loopback port nothing listens on right now: for a demo started with --any-port and for tests
// that must know a port before the server they point at exists. Another process may take it
// between this and the listen that uses it; callers that can should listen on port 0 instead.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
