// One delivery attempt of one outbox row to Stream's webhook endpoint (stream-api.md A4, B4): the
// stored body byte for byte, its signature, the row id as Idempotency-Key, a bearer token when
// client credentials are configured, and the verdict on what came back.
import type { Config } from '../../config/schema.js';
import { webhookHeaders, webhookUrl } from '../protocol/index.js';
import type { Clock } from '../../util/clock.js';
import { HttpClient, type RequestLimits, type RequestResult } from '../../util/http-request.js';
import { AccessTokenCache } from './access-token.js';
import type { AttemptRecord, OutboxRow } from '../../outbox/repository.js';
import type { RetryPolicy, Verdict } from '../../outbox/schedule.js';
import { judgeAnswer } from './verdict.js';

export interface AttemptOutcome {
  /** `aborted`: cut short by a stop, not Stream's doing; the row is simply tried again later. */
  verdict: Verdict | { kind: 'aborted' };
  record: AttemptRecord;
}

export interface SenderLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  decisionTotalTimeoutMs: number;
  maxSockets: number;
}

/** Enough of Stream's answer to show staff what it said; the rest is read and dropped. */
const STREAM_ANSWER_LIMIT = 16 * 1024;

export class StreamSender {
  private readonly http: HttpClient;
  private readonly tokens: AccessTokenCache | null;
  private readonly endpoint: { url: URL; secret: string } | null;
  private stopping = false;

  constructor(
    stream: Config['stream'],
    clock: Clock,
    private readonly limits: SenderLimits,
    private readonly policy: RetryPolicy,
  ) {
    this.http = new HttpClient(clock, limits.maxSockets);
    const { apiUrl, partnerSlug, webhookSecret, clientId, clientSecret } = stream;
    this.endpoint =
      apiUrl && partnerSlug && webhookSecret
        ? { url: webhookUrl(apiUrl, partnerSlug), secret: webhookSecret }
        : null;
    this.tokens =
      apiUrl && clientId && clientSecret
        ? new AccessTokenCache(
            { apiUrl, clientId, clientSecret },
            this.http,
            clock,
            this.requestLimits(limits.totalTimeoutMs),
          )
        : null;
  }

  /** False until stream.apiUrl, stream.partnerSlug and stream.webhookSecret are all set. */
  get configured(): boolean {
    return this.endpoint !== null;
  }

  async send(row: OutboxRow, now: () => number): Promise<AttemptOutcome> {
    if (!this.endpoint) throw new Error('outbox: no Stream endpoint configured');
    const body = Buffer.from(row.body, 'utf8');
    let token: string | undefined;
    let result: RequestResult;
    try {
      token = this.tokens ? await this.tokens.token() : undefined;
      const headers = webhookHeaders(this.endpoint.secret, row.id, body, token);
      result = await this.http.request(
        'POST',
        this.endpoint.url,
        headers,
        body,
        this.requestLimits(
          row.urgency === 'decision'
            ? this.limits.decisionTotalTimeoutMs
            : this.limits.totalTimeoutMs,
        ),
      );
      if (result.ok) this.observeClock(result.headers.date, now());
    } catch (err) {
      // Only the token request throws; during a stop it was cut short like any other request.
      // The webhook itself was never sent.
      result = { ok: false, error: (err as Error).message, aborted: this.stopping, sent: false };
    }
    if (!result.ok) {
      const record = { status: null, error: result.error, response: null };
      if (result.aborted) return { verdict: { kind: 'aborted' }, record };
      return { verdict: { kind: 'retry', reason: result.error, endpointDown: true }, record };
    }
    const record = { status: result.status, error: null, response: result.body };
    let verdict: Verdict;
    if (result.status === 401 && token) {
      // Our token may have expired early or been revoked: fetch a new one for the next try.
      this.tokens?.invalidate();
      verdict = {
        kind: 'retry',
        reason: 'HTTP 401 with our access token; fetching a new one',
        endpointDown: false,
      };
    } else {
      // node:http joins repeated headers except a few; Retry-After arrives as one string.
      const retryAfter: string | undefined = result.headers['retry-after'];
      verdict = judgeAnswer(result.status, retryAfter, now(), this.policy);
    }
    return {
      verdict,
      record: { ...record, error: verdict.kind === 'sent' ? null : verdict.reason },
    };
  }

  /** Stream's clock minus ours, from the `Date` of its last answer (1 s resolution); null
   * before the first answer that carried one. */
  clockSkewMs: number | null = null;

  private observeClock(date: string | undefined, now: number): void {
    const at = date ? Date.parse(date) : NaN;
    if (!Number.isNaN(at)) this.clockSkewMs = at - now;
  }

  /** Cut every open request short; each resolves as `aborted`. */
  abortAll(): void {
    this.stopping = true;
    this.http.abortAll();
  }

  close(): void {
    this.http.close();
  }

  private requestLimits(totalTimeoutMs: number): RequestLimits {
    return {
      connectTimeoutMs: this.limits.connectTimeoutMs,
      totalTimeoutMs,
      maxAnswerBytes: STREAM_ANSWER_LIMIT,
      overLimit: 'truncate',
    };
  }
}
