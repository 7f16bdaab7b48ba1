// Reads the Local API push channel (Server-Sent Events) over real HTTP, the way the UI does.
import http from 'node:http';

export interface PushClient {
  /** The next event with this name (events already received are searched first). */
  next(event: string, timeoutMs?: number): Promise<unknown>;
  close(): void;
  /** Resolves when the server ends the stream. */
  closed: Promise<void>;
}

export function openPushChannel(baseUrl: string, token: string): Promise<PushClient> {
  return new Promise((resolve, reject) => {
    const received: { event: string; data: unknown }[] = [];
    const waiters: { event: string; resolve: (d: unknown) => void }[] = [];
    let resolveClosed!: () => void;
    const closed = new Promise<void>((r) => (resolveClosed = r));
    const req = http.get(`${baseUrl}/api/events?token=${encodeURIComponent(token)}`, (res) => {
      if (res.statusCode !== 200)
        return reject(new Error(`push channel answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (!event || data === undefined) continue;
          const message = { event, data: JSON.parse(data) as unknown };
          const waiter = waiters.findIndex((w) => w.event === event);
          if (waiter >= 0) waiters.splice(waiter, 1)[0]!.resolve(message.data);
          else received.push(message);
        }
      });
      res.on('end', () => resolveClosed());
      res.on('close', () => resolveClosed());
      resolve({
        next(event, timeoutMs = 2000) {
          const i = received.findIndex((m) => m.event === event);
          if (i >= 0) return Promise.resolve(received.splice(i, 1)[0]!.data);
          return new Promise((res2, rej2) => {
            const timer = setTimeout(
              () => rej2(new Error(`no ${event} within ${timeoutMs} ms`)),
              timeoutMs,
            );
            waiters.push({ event, resolve: (d) => (clearTimeout(timer), res2(d)) });
          });
        },
        close: () => req.destroy(),
        closed,
      });
    });
    req.on('error', reject);
  });
}
