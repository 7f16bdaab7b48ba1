// Taking in Stream's `order.created`: dedupe (B3), validate (A2), store with its exact bytes, and
// answer. The answer is stored with the order in the same transaction, so a retry of the same
// request gets the same answer even after a crash.
import { createHash } from 'node:crypto';
import type { CoreContext } from '../context.js';
import { runChecks, type OrderCheck } from '../validation/checks.js';
import {
  acceptLaterAnswer,
  acceptNowAnswer,
  currenciesOf,
  describeValidation,
  mergeValidations,
  normalizeOrderCreated,
  orderIdempotencyKey,
  rejectAnswer,
  STREAM_DECISION_WINDOW_MS,
  type Answer,
  type OrderCreatedObject,
} from '../stream/protocol/index.js';
import type { GroupCommit } from '../db/group-commit.js';
import type { NewOrderRow } from './repository.js';
import { ensureSameRequest, newOrderRow } from './new-row.js';
import { toSummary } from './rows.js';
import type { IngestPosGate } from '../acceptance/through-pos.js';

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

/** Given once, at construction (app.ts). */
export interface IngestCollaborators {
  /** The prep time given to Stream for a new order: the location's plus busy-mode minutes. */
  prepTimeMinutes(): number;
  /** Auto acceptance through the POS (electron/core/pos): in auto mode a new order waits for
   * the POS, and Stream's answer waits a short budget for it. Null without a POS. */
  posGate: IngestPosGate | null;
  /** Told the deadline of each new pending order, so the deadline timer can arm for it. */
  onPendingAdded(deadline: number): void;
}

export class OrderIngest {
  private readonly posGate: IngestPosGate | null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly commits: GroupCommit,
    private readonly checks: readonly OrderCheck[],
    private readonly collaborators: IngestCollaborators,
  ) {
    this.posGate = collaborators.posGate;
  }

  /** Resolves once the order (or the fact that it is a repeat) is durably committed. */
  async ingest(raw: Buffer, created: OrderCreatedObject): Promise<IngestResult> {
    const { result, row } = await this.commits.run(() => this.store(raw, created));
    if (row) {
      this.ctx.bus.publish('order.created', toSummary({ ...row, ...NOTHING_YET }));
      if (row.staff_deadline_at !== null) this.collaborators.onPendingAdded(row.staff_deadline_at);
    }
    // A repeat while the first request still waits for the POS gets the same answer.
    if (this.posGate)
      return { ...result, answer: await this.posGate.answer(result.orderId, result.answer) };
    return result;
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
    const prep = this.collaborators.prepTimeMinutes();
    const manual = ctx.config.acceptance.mode === 'manual';

    let status: NewOrderRow['status'];
    let answer: Answer;
    let decidedBy: string | null = null;
    let rejectReason: string | null = null;
    if (problems.length) {
      const validation = mergeValidations(problems);
      status = 'rejected';
      answer = rejectAnswer(validation);
      rejectReason = describeValidation(validation);
      decidedBy = 'system:validation';
    } else if (manual) {
      status = 'pending';
      answer = acceptLaterAnswer(id, prep);
    } else if (this.posGate?.active) {
      // Auto mode with a POS: accepted once the POS has the order (acceptance/through-pos.ts).
      status = 'pending';
      answer = acceptLaterAnswer(id, prep);
    } else {
      status = 'accepted';
      answer = acceptNowAnswer(id, prep);
      decidedBy = 'system:auto-accept';
    }
    const answerBody = JSON.stringify(answer.body);
    const row = newOrderRow(order, {
      id,
      idempotency_key: key,
      body_sha256: sha,
      raw_body: raw,
      origin: 'stream',
      status,
      prep_time_minutes: status === 'rejected' ? null : prep,
      received_at: now,
      staff_deadline_at:
        status === 'pending' ? now + ctx.config.acceptance.staffWindowSeconds * 1000 : null,
      stream_deadline_at: status === 'pending' ? now + STREAM_DECISION_WINDOW_MS : null,
      decided_at: decidedBy ? now : null,
      decided_by: decidedBy,
      reject_code: null,
      reject_reason: rejectReason,
      answer_status: answer.status,
      answer_body: answerBody,
      updated_at: now,
    });
    {
      ctx.orders.insert(row);
      ctx.orders.addTimeline(
        id,
        now,
        'received',
        'stream',
        `generation ${order.payloadGeneration}`,
      );
      if (status === 'rejected')
        ctx.orders.addTimeline(id, now, 'rejected', 'system:validation', row.reject_reason);
      if (status === 'accepted')
        ctx.orders.addTimeline(id, now, 'accepted', 'system:auto-accept', `prep ${prep} min`);
      for (const warning of warnings)
        ctx.orders.addTimeline(id, now, 'warning', 'system:validation', warning);
      if (status === 'pending' && !manual) this.posGate!.hold(id, now);
    }
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
