// The HTTP JSON driver: a POS (or its middleware) with a small REST API.
// - inject: `POST {pos.url}/orders`, body the normalized order (shared/pos.ts), header
//   `Idempotency-Key: <our order id>`; a 2xx answers `{ "pos_order_id": … }`. A retry after a lost
//   answer carries the same key, so the POS hands back the order it already has.
// - void: `POST {pos.url}/orders/{pos_order_id}/void`, `Idempotency-Key: <order id>:void`.
// - catalog: `GET {pos.url}/catalog` in Stream's catalog shape (stream-api.md A5).
// - health: any HTTP answer to `GET {pos.url}/health` means the POS is reachable.
// `pos.authHeader` goes on every request.
import type { PosOrder } from '../../../../shared/pos.js';
import { parseRetryAfter } from '../../outbox/schedule.js';
import type { Clock } from '../../util/clock.js';
import { HttpClient, type RequestLimits, type RequestResult } from '../../util/http-request.js';
import {
  failed,
  refused,
  type DriverResult,
  type PosDriver,
  type PosHealth,
  type VoidRequest,
  voidDocument,
} from '../driver.js';

export interface HttpJsonDriverOptions {
  url: string;
  authHeader?: string | undefined;
  connectTimeoutMs: number;
  timeoutMs: number;
  /** Open connections to the POS at most. */
  maxSockets: number;
}

/** A POS answer we keep reading: an order answer is small, a catalog may be large. */
const ANSWER_LIMIT = 64 * 1024;
const CATALOG_LIMIT = 20 * 1024 * 1024;
/** 4xx answers a later try can fix (RFC 9110 / 8470); 409 is an idempotent request in progress. */
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

export class HttpJsonDriver implements PosDriver {
  readonly name = 'http' as const;
  private readonly client: HttpClient;
  private readonly base: URL;
  private readonly auth: [string, string] | null;

  constructor(
    private readonly options: HttpJsonDriverOptions,
    private readonly clock: Clock,
  ) {
    this.client = new HttpClient(clock, options.maxSockets);
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    this.auth = options.authHeader ? parseAuthHeader(options.authHeader) : null;
  }

  async inject(order: PosOrder): Promise<DriverResult> {
    const result = await this.post('orders', order.order_id, JSON.stringify(order));
    if (!result.ok) return networkFailure(result);
    if (isSuccess(result.status)) {
      const ref = posOrderIdOf(result.body);
      return {
        ok: true,
        posOrderId: ref,
        detail: ref ? `HTTP ${result.status}` : `HTTP ${result.status} without pos_order_id`,
      };
    }
    return this.judgeFailure(result, 'refused the order');
  }

  async void(request: VoidRequest): Promise<DriverResult> {
    if (!request.posOrderId)
      return refused('the POS gave no reference for this order, so it cannot be voided here');
    const result = await this.post(
      `orders/${encodeURIComponent(request.posOrderId)}/void`,
      `${request.order.order_id}:void`,
      JSON.stringify(voidDocument(request)),
    );
    if (!result.ok) return networkFailure(result);
    // 409: already voided, which is what we wanted.
    if (isSuccess(result.status) || result.status === 409)
      return { ok: true, posOrderId: request.posOrderId, detail: `HTTP ${result.status}` };
    if (result.status === 404 || result.status === 410)
      return refused(`the POS does not know order ${request.posOrderId} (HTTP ${result.status})`);
    return this.judgeFailure(result, 'refused the void');
  }

  async health(): Promise<PosHealth> {
    const result = await this.client.request(
      'GET',
      new URL('health', this.base),
      this.headers(),
      null,
      // Asked while staff wait on a screen: a few seconds say enough.
      { ...this.limits(ANSWER_LIMIT), totalTimeoutMs: Math.min(this.options.timeoutMs, 5_000) },
    );
    if (!result.ok) return { reachable: false, detail: result.error };
    return { reachable: true, detail: `HTTP ${result.status}` };
  }

  async fetchCatalog(): Promise<unknown> {
    const result = await this.client.request(
      'GET',
      new URL('catalog', this.base),
      { ...this.headers(), accept: 'application/json' },
      null,
      this.limits(CATALOG_LIMIT),
    );
    if (!result.ok) throw new Error(`POS catalog: ${result.error}`);
    if (!isSuccess(result.status))
      throw new Error(`POS catalog: HTTP ${result.status} ${errorText(result.body)}`.trim());
    try {
      return JSON.parse(result.body) as unknown;
    } catch {
      throw new Error('POS catalog: the answer is not JSON');
    }
  }

  abortAll(): void {
    this.client.abortAll();
  }

  close(): void {
    this.client.close();
  }

  private post(path: string, key: string, json: string): Promise<RequestResult> {
    return this.client.request(
      'POST',
      new URL(path, this.base),
      { ...this.headers(), 'content-type': 'application/json', 'idempotency-key': key },
      Buffer.from(json, 'utf8'),
      this.limits(ANSWER_LIMIT),
    );
  }

  private headers(): Record<string, string> {
    return this.auth ? { [this.auth[0]]: this.auth[1] } : {};
  }

  private limits(maxAnswerBytes: number): RequestLimits {
    return {
      connectTimeoutMs: this.options.connectTimeoutMs,
      totalTimeoutMs: this.options.timeoutMs,
      maxAnswerBytes,
      overLimit: 'fail',
    };
  }

  private judgeFailure(result: RequestResult & { ok: true }, what: string): DriverResult {
    const { status } = result;
    const text = errorText(result.body);
    const reason = `HTTP ${status}${text ? `: ${text}` : ''}`;
    if (status >= 300 && status < 400) return failed(`${reason} (redirects are not followed)`);
    if (status >= 400 && status < 500 && !RETRYABLE_4XX.has(status))
      return refused(`the POS ${what}: ${reason}`);
    const wait = parseRetryAfter(result.headers['retry-after'], this.clock.now());
    // A 5xx may come after the POS stored the order; the same key on the next try settles it.
    return failed(reason, {
      uncertain: status >= 500,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    });
  }
}

/** `Authorization: <value>`, or a header of its own when given as `Name: value`. */
export function parseAuthHeader(value: string): [string, string] {
  const named = /^([A-Za-z0-9-]+):\s*(.+)$/.exec(value);
  return named ? [named[1]!.toLowerCase(), named[2]!] : ['authorization', value];
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

function networkFailure(result: RequestResult & { ok: false }): DriverResult {
  return failed(result.error, { uncertain: result.sent, aborted: result.aborted });
}

function posOrderIdOf(body: string): string | null {
  try {
    const json = JSON.parse(body) as { pos_order_id?: unknown };
    const ref = json?.pos_order_id;
    if (typeof ref === 'string' && ref.trim()) return ref.trim().slice(0, 100);
    if (typeof ref === 'number' && Number.isFinite(ref)) return String(ref);
  } catch {
    // not JSON: no reference
  }
  return null;
}

/** The POS's own words, short: `{error}`, `{error: {message}}`, `{message}`, or the text. */
function errorText(body: string): string {
  let text = body;
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown };
    const e = json?.error;
    if (typeof e === 'string') text = e;
    else if (e && typeof (e as { message?: unknown }).message === 'string')
      text = (e as { message: string }).message;
    else if (typeof json?.message === 'string') text = json.message;
  } catch {
    // plain text
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
