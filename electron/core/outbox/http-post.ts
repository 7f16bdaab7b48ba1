// One HTTP POST with the limits every call to a remote service needs (Builders' Library:
// "timeouts on every remote call, covering both connect and request"): a connect timeout, a total
// timeout for the whole answer, a cap on the answer we read, and redirects never followed
// (node:http does not follow them; a 3xx comes back as an answer like any other).
// Timers run on the injected Clock, so a test can drive a hanging Stream without waiting.
import http from 'node:http';
import https from 'node:https';
import type { Clock, CancelTimer } from '../util/clock.js';

export interface PostLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
}

export type PostResult =
  | { ok: true; status: number; headers: http.IncomingHttpHeaders; body: string }
  | { ok: false; error: string; aborted: boolean };

/** Enough of an answer to show staff what Stream said; the rest is read and dropped. */
const MAX_ANSWER_BYTES = 16 * 1024;

class AttemptError extends Error {
  constructor(
    message: string,
    readonly aborted = false,
  ) {
    super(message);
  }
}

export class HttpPoster {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly open = new Set<http.ClientRequest>();

  /** `maxSockets` bounds open connections to Stream, whatever the backlog. */
  constructor(
    private readonly clock: Clock,
    maxSockets: number,
  ) {
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets });
  }

  post(
    url: URL,
    headers: Record<string, string>,
    body: Buffer,
    limits: PostLimits,
  ): Promise<PostResult> {
    return new Promise((resolve) => {
      const timers: CancelTimer[] = [];
      let settled = false;
      const secure = url.protocol === 'https:';
      const req = (secure ? https : http).request(url, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(body.length) },
        agent: secure ? this.httpsAgent : this.httpAgent,
      });
      this.open.add(req);
      const finish = (result: PostResult): void => {
        if (settled) return;
        settled = true;
        for (const cancel of timers) cancel();
        this.open.delete(req);
        resolve(result);
      };
      const fail = (err: unknown): void => {
        const aborted = err instanceof AttemptError && err.aborted;
        finish({ ok: false, error: describe(err), aborted });
      };

      timers.push(
        this.clock.setTimer(
          () =>
            req.destroy(new AttemptError(`no complete answer within ${limits.totalTimeoutMs} ms`)),
          limits.totalTimeoutMs,
        ),
      );
      req.on('socket', (socket) => {
        // A kept-alive socket is already connected; only a new one gets the connect limit.
        if (!socket.connecting) return;
        const cancel = this.clock.setTimer(
          () => req.destroy(new AttemptError(`no connection within ${limits.connectTimeoutMs} ms`)),
          limits.connectTimeoutMs,
        );
        timers.push(cancel);
        socket.once(secure ? 'secureConnect' : 'connect', cancel);
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept >= MAX_ANSWER_BYTES) return;
          chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () =>
          finish({
            ok: true,
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8'),
          }),
        );
        res.on('error', fail);
        res.on('close', () => fail(new AttemptError('connection closed before the answer ended')));
      });
      req.on('error', fail);
      req.end(body);
    });
  }

  /** End every open request (shutdown); each resolves as `aborted`. */
  abortAll(): void {
    for (const req of this.open) req.destroy(new AttemptError('stopped', true));
  }

  close(): void {
    this.abortAll();
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function describe(err: unknown): string {
  if (err instanceof AttemptError) return err.message;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : null;
  const message = typeof e.message === 'string' ? e.message : String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
