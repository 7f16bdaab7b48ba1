// One HTTP request to the store POS with the limits every remote call needs: a connect timeout,
// a total timeout for the whole answer, a cap on what we read, redirects never followed. Timers
// run on the injected Clock, so a test drives a hanging POS without waiting. (The outbox's
// HttpPoster does the same for Stream, POST only; the POS also needs GET for its catalog.)
import http from 'node:http';
import https from 'node:https';
import type { CancelTimer, Clock } from '../util/clock.js';

export interface RequestLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** Answers longer than this fail (a catalog may be megabytes; an order answer is small). */
  maxAnswerBytes: number;
}

export type RequestResult =
  | { ok: true; status: number; headers: http.IncomingHttpHeaders; body: string }
  | {
      ok: false;
      error: string;
      aborted: boolean;
      /** The request was (at least partly) sent before it failed: the POS may have acted. */
      sent: boolean;
    };

class RequestError extends Error {
  constructor(
    message: string,
    readonly aborted = false,
  ) {
    super(message);
  }
}

export class PosHttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly open = new Set<http.ClientRequest>();

  constructor(
    private readonly clock: Clock,
    maxSockets: number,
  ) {
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets });
  }

  request(
    method: 'GET' | 'POST',
    url: URL,
    headers: Record<string, string>,
    body: Buffer | null,
    limits: RequestLimits,
  ): Promise<RequestResult> {
    return new Promise((resolve) => {
      const timers: CancelTimer[] = [];
      let settled = false;
      let sent = false;
      const secure = url.protocol === 'https:';
      const req = (secure ? https : http).request(url, {
        method,
        headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
        agent: secure ? this.httpsAgent : this.httpAgent,
      });
      this.open.add(req);
      const finish = (result: RequestResult): void => {
        if (settled) return;
        settled = true;
        for (const cancel of timers) cancel();
        this.open.delete(req);
        resolve(result);
      };
      const fail = (err: unknown): void =>
        finish({
          ok: false,
          error: describe(err),
          aborted: err instanceof RequestError && err.aborted,
          sent,
        });

      timers.push(
        this.clock.setTimer(
          () =>
            req.destroy(new RequestError(`no complete answer within ${limits.totalTimeoutMs} ms`)),
          limits.totalTimeoutMs,
        ),
      );
      req.on('socket', (socket) => {
        const connected = (): void => {
          sent = true;
        };
        if (!socket.connecting) return connected();
        const cancel = this.clock.setTimer(
          () => req.destroy(new RequestError(`no connection within ${limits.connectTimeoutMs} ms`)),
          limits.connectTimeoutMs,
        );
        timers.push(cancel);
        socket.once(secure ? 'secureConnect' : 'connect', () => {
          cancel();
          connected();
        });
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxAnswerBytes)
            return req.destroy(
              new RequestError(`answer larger than ${limits.maxAnswerBytes} bytes`),
            );
          chunks.push(chunk);
        });
        res.on('end', () =>
          finish({
            ok: true,
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', fail);
        res.on('close', () => fail(new RequestError('connection closed before the answer ended')));
      });
      req.on('error', fail);
      req.end(body ?? undefined);
    });
  }

  /** End every open request (stop); each resolves as `aborted`. */
  abortAll(): void {
    for (const req of this.open) req.destroy(new RequestError('stopped', true));
  }

  close(): void {
    this.abortAll();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function describe(err: unknown): string {
  if (err instanceof RequestError) return err.message;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : null;
  const message = typeof e.message === 'string' ? e.message : String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
