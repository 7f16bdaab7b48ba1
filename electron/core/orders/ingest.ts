// Taking in Stream's `order.created`: dedupe (B3), validate (A2), store with its exact bytes, and
// answer. The answer is stored with the order in the same transaction, so a retry of the same
// request gets the same answer even after a crash.
import { createHash } from 'node:crypto';
import type { CoreContext } from '../context.js';
import { runChecks, type OrderCheck } from '../validation/checks.js';
import {
  normalizeOrderCreated,
  orderIdempotencyKey,
  currenciesOf,
  type Answer,
  type OrderCreatedObject,
} from '../stream/protocol/index.js';
import type { GroupCommit } from '../db/group-commit.js';
import type { NewOrderRow } from './repository.js';
import { ensureSameRequest, newOrderRow } from './new-row.js';
import { toSummary } from './rows.js';
import type { AcceptancePolicy } from '../acceptance/policy.js';

export interface IngestResult {
  answer: Answer;
  orderId: string;
  /** True when this request was a repeat and nothing changed. */
  repeated: boolean;
}

/** A new order's columns that only later events fill in. */
const NOTHING_YET = {
  stream_status: null,
  delivery_status: null,
  missed_at: null,
  missed_reason: null,
  missed_note: null,
  missed_seen_at: null,
  missed_seen_by: null,
  last_delivery: null,
} as const;

export class OrderIngest {
  constructor(
    private readonly ctx: CoreContext,
    private readonly commits: GroupCommit,
    private readonly checks: readonly OrderCheck[],
    /** Decides a new order's first status and Stream's answer (acceptance/policy.ts). */
    private readonly policy: AcceptancePolicy,
  ) {}

  /** Resolves once the order (or the fact that it is a repeat) is durably committed. */
  async ingest(raw: Buffer, created: OrderCreatedObject): Promise<IngestResult> {
    const { result, row } = await this.commits.run(() => this.store(raw, created));
    if (row) {
      this.ctx.bus.publish('order.created', toSummary({ ...row, ...NOTHING_YET }));
      this.policy.committed({ staffDeadlineAt: row.staff_deadline_at });
    }
    // A repeat while the first request still waits for the POS gets the same answer.
    return { ...result, answer: await this.policy.answer(result.orderId, result.answer) };
  }

  /** Runs inside the shared transaction: the repeat check and the insert see the same state. */
  private store(
    raw: Buffer,
    created: OrderCreatedObject,
  ): { result: IngestResult; row?: NewOrderRow } {
    const { ctx } = this;
    const sha = createHash('sha256').update(raw).digest('hex');
    const key = orderIdempotencyKey(created, sha);
    const previous = ctx.orders.findByKey(key);
    if (previous) return { result: this.repeat(previous, sha) };

    const now = ctx.clock.now();
    const order = normalizeOrderCreated(created, ctx.config.location.currency);
    const warnings: string[] = [];
    const problems = runChecks(this.checks, {
      order,
      currencies: currenciesOf(created),
      now,
      warnings,
    });
    const id = ctx.ids('ord');
    const first = this.policy.firstStatus(id, problems, now);
    const { answer } = first;
    const row = newOrderRow(order, {
      id,
      idempotency_key: key,
      body_sha256: sha,
      raw_body: raw,
      origin: 'stream',
      status: first.status,
      prep_time_minutes: first.prepTimeMinutes,
      received_at: now,
      staff_deadline_at: first.staffDeadlineAt,
      stream_deadline_at: first.streamDeadlineAt,
      decided_at: first.decidedBy ? now : null,
      decided_by: first.decidedBy,
      reject_code: null,
      reject_reason: first.rejectReason,
      answer_status: answer.status,
      answer_body: JSON.stringify(answer.body),
      updated_at: now,
    });
    ctx.orders.insert(row);
    ctx.orders.addTimeline(id, now, 'received', 'stream', `generation ${order.payloadGeneration}`);
    if (first.entry)
      ctx.orders.addTimeline(id, now, first.entry.kind, first.entry.actor, first.entry.note);
    for (const warning of warnings)
      ctx.orders.addTimeline(id, now, 'warning', 'system:validation', warning);
    this.policy.opened(id, first, now);
    return { result: { answer, orderId: id, repeated: false }, row };
  }

  private repeat(
    previous: { id: string; body_sha256: string; answer_status: number; answer_body: string },
    sha: string,
  ): IngestResult {
    ensureSameRequest(
      previous,
      sha,
      'an order with this idempotency key was already received with a different body',
    );
    return {
      answer: { status: previous.answer_status, body: JSON.parse(previous.answer_body) as unknown },
      orderId: previous.id,
      repeated: true,
    };
  }
}
