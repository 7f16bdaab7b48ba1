// Orders the gateway refused `pos_offline` after asking their store, kept until the store has
// withdrawn them. A store's answer can come after the gateway stopped waiting (a late NATS
// delivery, or an answer lost with a NATS node), so the store may hold an order Stream has
// failed. Each refusal is written to JetStream KV before Stream is answered, sent to the store at
// once, and sent again by every replica's sweep until the store confirms; a replica that dies
// mid-way loses nothing (gateway/README.md, "Refused but taken").
import type { NatsConnection } from '@nats-io/transport-node';
import { Kvm, type KV } from '@nats-io/kv';
import type { Logger } from '../electron/core/util/log.js';
import {
  WITHDRAWAL_BUCKET,
  Withdrawal,
  WithdrawalAck,
  encodeJson,
  storeSubject,
  withdrawalKey,
} from '../electron/core/relay/wire.js';
import { whenJetStreamReady, type Fleet } from './fleet.js';

/** Between two sweeps of the outstanding withdrawals, per replica. */
const SWEEP_MS = 2000;
/** How long a store may take to confirm one withdrawal. */
const CONFIRM_TIMEOUT_MS = 2000;
/** A withdrawal no store confirmed in a day is dropped (the order is long settled by then). */
const KEEP_MS = 24 * 60 * 60_000;

export type WithdrawalEvent = 'recorded' | 'record_failed' | WithdrawalAck['withdrawal'];

export class Withdrawals {
  private kv!: KV;
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;
  /** This replica's view of the outstanding withdrawals (its own and the last sweep's). */
  private readonly outstanding = new Map<string, Withdrawal['withdraw']>();
  /** Recorded here while KV could not be written: written again at each sweep. */
  private readonly unwritten = new Set<string>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly fleet: Pick<Fleet, 'get'>,
    private readonly log: Logger,
    private readonly replicas = 1,
    private readonly observe: (event: WithdrawalEvent) => void = () => {},
  ) {}

  async start(): Promise<void> {
    const kvm = new Kvm(this.nc);
    this.kv = await whenJetStreamReady(() =>
      kvm.create(WITHDRAWAL_BUCKET, { history: 1, replicas: this.replicas, ttl: KEEP_MS }),
    );
    this.timer = setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get pending(): number {
    return this.outstanding.size;
  }

  /** Whether this order was refused and its store has not confirmed the withdrawal yet: this
   * replica's view, else the durable record itself, so a retry that reaches this replica right
   * after another one refused the order and died (before any sweep here) is still refused. KV
   * unreadable: this replica's view is all there is. */
  async refused(locationId: string, idempotencyKey: string): Promise<boolean> {
    const key = withdrawalKey(locationId, idempotencyKey);
    if (this.outstanding.has(key)) return true;
    try {
      const entry = await this.kv.get(key);
      const parsed =
        entry?.operation === 'PUT' ? Withdrawal.shape.withdraw.safeParse(entry.json()) : null;
      if (!parsed?.success) return false;
      this.outstanding.set(key, parsed.data);
      return true;
    } catch {
      return false;
    }
  }

  /** Before Stream hears `pos_offline`: kept durably, then sent to the store (not awaited). A
   * write that fails is logged; Stream is still answered, and the store is told directly. */
  async record(locationId: string, idempotencyKey: string): Promise<void> {
    const withdraw = { locationId, idempotencyKey, at: Date.now() };
    const key = withdrawalKey(locationId, idempotencyKey);
    this.outstanding.set(key, withdraw);
    try {
      await this.kv.put(key, JSON.stringify(withdraw));
      this.observe('recorded');
    } catch (err) {
      this.unwritten.add(key);
      this.observe('record_failed');
      this.log.error('could not keep a refused order for its store to withdraw', {
        locationId,
        error: (err as Error).message,
      });
    }
  }

  /** Tells the store; forgets the withdrawal once the store confirms. */
  async deliver(locationId: string, idempotencyKey: string): Promise<void> {
    const key = withdrawalKey(locationId, idempotencyKey);
    const withdraw = this.outstanding.get(key) ?? { locationId, idempotencyKey, at: Date.now() };
    try {
      const msg = await this.nc.request(storeSubject(locationId), encodeJson({ withdraw }), {
        timeout: CONFIRM_TIMEOUT_MS,
      });
      const ack = WithdrawalAck.safeParse(JSON.parse(msg.string()));
      if (!ack.success) return; // an old store build: asked again by the sweep, and logged there
      this.observe(ack.data.withdrawal);
      this.outstanding.delete(key);
      this.unwritten.delete(key);
      await this.kv.delete(key);
    } catch {
      // No responder or no answer: the store is away; the sweep tries again when it is back.
    }
  }

  /** Every outstanding withdrawal in KV, whoever recorded it, sent again to a store online. */
  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const seen = new Set<string>();
      for await (const key of await this.kv.keys()) {
        seen.add(key);
        const entry = await this.kv.get(key);
        const parsed = entry ? Withdrawal.shape.withdraw.safeParse(entry.json()) : null;
        if (!parsed?.success) continue;
        this.outstanding.set(key, parsed.data);
        if (this.fleet.get(parsed.data.locationId)?.online)
          await this.deliver(parsed.data.locationId, parsed.data.idempotencyKey);
      }
      for (const key of this.unwritten) {
        const withdraw = this.outstanding.get(key);
        if (!withdraw) continue;
        await this.kv.put(key, JSON.stringify(withdraw));
        this.unwritten.delete(key);
        await this.deliver(withdraw.locationId, withdraw.idempotencyKey);
      }
      // Gone from KV: another replica's store confirmed it (a fresh one may not be listed yet).
      for (const [key, w] of this.outstanding)
        if (!seen.has(key) && !this.unwritten.has(key) && Date.now() - w.at > 2 * SWEEP_MS)
          this.outstanding.delete(key);
    } catch (err) {
      this.log.warn('withdrawal sweep failed', { error: (err as Error).message });
    } finally {
      this.sweeping = false;
    }
  }
}
