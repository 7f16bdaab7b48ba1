// One HTTP request to a remote service (Stream, the store POS) with the limits every remote call
// needs (Builders' Library: "timeouts on every remote call, covering both connect and request"): a
// connect timeout, a total timeout for the whole answer, a cap on the answer we keep, and redirects
// never followed (node:http does not follow them; a 3xx comes back as an answer like any other).
// Timers run on the injected Clock, so a test can drive a hanging service without waiting.
import http from 'node:http';
import https from 'node:https';
import type { CancelTimer, Clock } from './clock.js';

export interface RequestLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** The most of an answer's body we keep. */
  maxAnswerBytes: number;
  /**
   * A longer answer: `fail` the request (a POS answer we must parse whole), or `truncate` it,
   * reading the rest and dropping it (Stream's answer is only shown to staff).
   */
  overLimit: 'fail' | 'truncate';
}

export type RequestResult =
  | { ok: true; status: number; headers: http.IncomingHttpHeaders; body: string }
  | {
      ok: false;
      error: string;
      /** Cut short by `abortAll`/`close` (a stop), not the remote side's doing. */
      aborted: boolean;
      /** The request was (at least partly) sent before it failed: the remote side may have acted. */
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

export class HttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private readonly open = new Set<http.ClientRequest>();

  /** `maxSockets` bounds open connections to the service, whatever the backlog. */
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
        // A kept-alive socket is already connected; only a new one gets the connect limit.
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
        const max = limits.maxAnswerBytes;
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (limits.overLimit === 'fail' && kept + chunk.length > max)
            return req.destroy(new RequestError(`answer larger than ${max} bytes`));
          if (kept >= max) return; // truncating: read the rest and drop it
          chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () =>
          finish({
            ok: true,
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, max).toString('utf8'),
          }),
        );
        res.on('error', fail);
        res.on('close', () => fail(new RequestError('connection closed before the answer ended')));
      });
      req.on('error', fail);
      req.end(body ?? undefined);
    });
  }

  /** End every open request (a stop); each resolves as `aborted`. */
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
