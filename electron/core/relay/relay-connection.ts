// Keeps a store's one NATS connection up. Start-up waits for it only briefly: a server that
// answers at once is connected when start() returns, one that is away (or drops packets) does not
// hold the connector's other workers up; the tries go on in the background, soon at first and
// then every half minute. A connection NATS closes for good (a password refused twice) is tried
// again the same way. stop() ends everything, a try still in flight included.
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../util/log.js';

/** How long start() waits for the first try before letting the connector go on. */
const START_WAIT_MS = 3_000;
/** Between tries of a server that is not there: soon at first, then every half minute. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

export interface RelayConnectionDeps {
  /** One try (it gives up within its own timeout). */
  connect: () => Promise<NatsConnection>;
  /** Connected: subscribe, beat … */
  onUp: (nc: NatsConnection) => void;
  /** Closed for good by NATS (not by stop()): the relay is down until the next try succeeds. */
  onDown: (error: Error | undefined) => void;
  log: Logger;
}

export class RelayConnection {
  /** Bumped by start() and stop(): a loop or a try from before sees it changed and ends. */
  private generation = 0;
  private nc: NatsConnection | null = null;
  private running: Promise<void> | null = null;
  private nap: { timer: NodeJS.Timeout; wake: () => void } | null = null;

  constructor(private readonly deps: RelayConnectionDeps) {}

  get current(): NatsConnection | null {
    return this.nc;
  }

  async start(): Promise<void> {
    await this.stop();
    const generation = ++this.generation;
    let firstDone!: () => void;
    const firstTry = new Promise<void>((resolve) => (firstDone = resolve));
    this.running = this.keepUp(generation, firstDone);
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, START_WAIT_MS)));
    await Promise.race([firstTry, waited]);
    clearTimeout(timer);
  }

  async stop(): Promise<void> {
    this.generation++;
    if (this.nap) {
      clearTimeout(this.nap.timer);
      this.nap.wake();
    }
    const nc = this.nc;
    this.nc = null;
    await nc?.close();
    await this.running;
    this.running = null;
  }

  private async keepUp(generation: number, firstDone: () => void): Promise<void> {
    const live = () => generation === this.generation;
    let wait = FIRST_RETRY_MS;
    let warned = false;
    while (live()) {
      let nc: NatsConnection;
      try {
        nc = await this.deps.connect();
      } catch (err) {
        firstDone();
        if (!warned)
          this.deps.log.warn(
            "relay unreachable: the chain gateway's orders cannot reach this store until it connects; trying again",
            { error: (err as Error).message },
          );
        warned = true;
        await this.sleep(wait);
        wait = Math.min(wait * 2, MAX_RETRY_MS);
        continue;
      }
      if (!live()) {
        await nc.close();
        return;
      }
      this.nc = nc;
      this.deps.onUp(nc);
      firstDone();
      const closedWith = await nc.closed();
      if (!live()) return; // stop() closed it
      this.nc = null;
      this.deps.onDown(closedWith instanceof Error ? closedWith : undefined);
      [wait, warned] = [FIRST_RETRY_MS, false];
    }
    firstDone();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((wake) => {
      this.nap = { timer: setTimeout(wake, ms), wake };
    }).finally(() => (this.nap = null));
  }
}
