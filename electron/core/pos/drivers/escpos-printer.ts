// The ESC/POS network printer driver (raw TCP, port 9100): the kitchen ticket as the "injection",
// the CANCELED slip as the "void", and the printer's real-time status (DLE EOT) as its health.
// One print:
// 1. connect; ask DLE EOT 1, 2 and 4 (printer, offline cause, paper) and wait for the 3 bytes;
// 2. offline, paper out, cover open or error: fail without sending anything (a clean retry);
// 3. send the ticket, then ask again: the printer answers real-time requests in the order it
//    receives them, so an answer means the whole ticket is in its buffer; paper running out on
//    the way shows up here too;
// 4. close. A printer that never answers status requests still prints (step 3 is then "all bytes
//    written"); its status reads as unknown.
// Once ticket bytes have left, a failure is `uncertain`: the ticket may be on the rail already,
// and the next print of it says "POSSIBLE DUPLICATE" (see delivery.ts).
import net from 'node:net';
import type { PosOrder, PrinterStatus } from '../../../../shared/pos.js';
import type { CancelTimer, Clock } from '../../util/clock.js';
import {
  failed,
  type DriverResult,
  type InjectOptions,
  type PosDriver,
  type PosHealth,
  type VoidRequest,
} from '../driver.js';
import { statusRequest } from '../escpos/commands.js';
import {
  blocksPrinting,
  isStatusByte,
  readStatus,
  statusProblems,
  type ReadStatus,
} from '../escpos/status.js';
import { canceledSlip, kitchenTicket } from '../escpos/ticket.js';

export interface EscPosPrinterOptions {
  host: string;
  port: number;
  columns: number;
  timeZone: string;
  connectTimeoutMs: number;
  /** How long the printer may take to answer a status request. */
  statusTimeoutMs: number;
  /** The whole print, connect to close. */
  timeoutMs: number;
}

const FULL_STATUS = [...statusRequest(1), ...statusRequest(2), ...statusRequest(4)];

export class EscPosPrinterDriver implements PosDriver {
  readonly name = 'printer' as const;
  private readonly sessions = new Set<PrinterSession>();

  constructor(
    private readonly options: EscPosPrinterOptions,
    private readonly clock: Clock,
  ) {}

  get address(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  inject(order: PosOrder, options: InjectOptions = {}): Promise<DriverResult> {
    return this.print(kitchenTicket(order, this.ticketOptions(options.banner)));
  }

  void(request: VoidRequest): Promise<DriverResult> {
    return this.print(
      canceledSlip(request.order, request.reason, request.at, this.ticketOptions(null)),
    );
  }

  /** Print a ticket rendered elsewhere (tests, a reprint of a slip). */
  async print(ticket: Buffer): Promise<DriverResult> {
    let session: PrinterSession;
    try {
      session = await this.open();
    } catch (err) {
      return failed(`printer ${this.address} unreachable: ${(err as Error).message}`, {
        aborted: (err as { aborted?: boolean }).aborted === true,
      });
    }
    let sentTicket = false;
    const deadline = this.clock.setTimer(
      () => session.destroy(new Error(`print not finished within ${this.options.timeoutMs} ms`)),
      this.options.timeoutMs,
    );
    try {
      await session.write(FULL_STATUS);
      const before = await session.readStatus(3, this.options.statusTimeoutMs);
      const status = before && toStatus(before);
      if (status && blocksPrinting(status))
        return failed(`printer ${this.address}: ${statusProblems(status).join(', ')}`);
      sentTicket = true;
      await session.write(ticket);
      if (!status) {
        await session.end();
        return { ok: true, posOrderId: null, detail: 'sent (the printer gives no status)' };
      }
      await session.write(FULL_STATUS);
      const after = await session.readStatus(3, this.options.statusTimeoutMs);
      if (!after)
        return failed(`printer ${this.address} stopped answering after the ticket was sent`, {
          uncertain: true,
        });
      const afterStatus = toStatus(after);
      if (afterStatus.paperOut || afterStatus.coverOpen || afterStatus.error)
        return failed(
          `printer ${this.address}: ${statusProblems(afterStatus).join(', ')} while printing`,
          {
            uncertain: true,
          },
        );
      await session.end();
      return { ok: true, posOrderId: null, detail: 'printed' };
    } catch (err) {
      const aborted = (err as { aborted?: boolean }).aborted === true;
      return failed(`printer ${this.address}: ${(err as Error).message}`, {
        uncertain: sentTicket,
        aborted,
      });
    } finally {
      deadline();
      session.destroy();
    }
  }

  /** The printer's state now, read with DLE EOT 1, 2 and 4. */
  async status(): Promise<PrinterStatus> {
    const checkedAt = this.clock.now();
    const unknown = {
      online: null,
      coverOpen: null,
      paperOut: null,
      paperNearEnd: null,
      error: null,
    };
    let session: PrinterSession;
    try {
      session = await this.open();
    } catch (err) {
      return {
        address: this.address,
        reachable: false,
        ...unknown,
        problems: [`unreachable: ${(err as Error).message}`],
        checkedAt,
      };
    }
    try {
      await session.write(FULL_STATUS);
      const bytes = await session.readStatus(3, this.options.statusTimeoutMs);
      if (!bytes)
        return {
          address: this.address,
          reachable: true,
          ...unknown,
          problems: ['the printer does not answer status requests'],
          checkedAt,
        };
      const s = toStatus(bytes);
      return {
        address: this.address,
        reachable: true,
        ...s,
        problems: statusProblems(s),
        checkedAt,
      };
    } catch (err) {
      return {
        address: this.address,
        reachable: false,
        ...unknown,
        problems: [(err as Error).message],
        checkedAt,
      };
    } finally {
      session.destroy();
    }
  }

  async health(): Promise<PosHealth> {
    const s = await this.status();
    return {
      reachable: s.reachable && s.online !== false,
      detail: s.problems.length ? s.problems.join(', ') : 'ready',
    };
  }

  abortAll(): void {
    for (const session of this.sessions)
      session.destroy(Object.assign(new Error('stopped'), { aborted: true }));
  }

  close(): void {
    this.abortAll();
  }

  private ticketOptions(banner: string | null | undefined) {
    return {
      columns: this.options.columns,
      timeZone: this.options.timeZone,
      printedAt: this.clock.now(),
      banner,
    };
  }

  private async open(): Promise<PrinterSession> {
    const session = await PrinterSession.connect(
      this.options.host,
      this.options.port,
      this.clock,
      this.options.connectTimeoutMs,
      this.sessions,
    );
    return session;
  }
}

function toStatus([printer, offlineCause, paper]: number[]): ReadStatus {
  return readStatus({ printer: printer!, offlineCause: offlineCause!, paper: paper! });
}

/** One TCP connection to the printer: writes, and status bytes read with a timeout. */
class PrinterSession {
  private readonly statusBytes: number[] = [];
  private waiter: (() => void) | null = null;
  private failure: Error | null = null;

  private constructor(
    private readonly socket: net.Socket,
    private readonly clock: Clock,
    private readonly registry: Set<PrinterSession>,
  ) {
    socket.on('data', (chunk: Buffer) => {
      // Automatic status messages and other chatter are not answers to our requests.
      for (const b of chunk) if (isStatusByte(b)) this.statusBytes.push(b);
      this.waiter?.();
    });
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Error('the printer closed the connection')));
  }

  static connect(
    host: string,
    port: number,
    clock: Clock,
    timeoutMs: number,
    registry: Set<PrinterSession>,
  ): Promise<PrinterSession> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      socket.setNoDelay(true);
      const session = new PrinterSession(socket, clock, registry);
      registry.add(session);
      let cancel: CancelTimer = () => {};
      const onError = (err: Error): void => {
        cancel();
        session.destroy();
        reject(err);
      };
      socket.once('error', onError);
      socket.once('close', () => onError(session.failure ?? new Error('connection closed')));
      cancel = clock.setTimer(
        () => session.destroy(new Error(`no connection within ${timeoutMs} ms`)),
        timeoutMs,
      );
      socket.once('connect', () => {
        cancel();
        socket.off('error', onError);
        socket.removeAllListeners('close');
        socket.on('close', () => session.fail(new Error('the printer closed the connection')));
        resolve(session);
      });
    });
  }

  write(bytes: number[] | Buffer): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.socket.write(Buffer.from(bytes), (err) => (err ? reject(err) : resolve()));
    });
  }

  /** `count` status bytes, or null when they do not come within `timeoutMs`. */
  readStatus(count: number, timeoutMs: number): Promise<number[] | null> {
    return new Promise((resolve, reject) => {
      let cancel: CancelTimer = () => {};
      const check = (): void => {
        if (this.statusBytes.length >= count) {
          done();
          resolve(this.statusBytes.splice(0, count));
        } else if (this.failure) {
          done();
          reject(this.failure);
        }
      };
      const done = (): void => {
        cancel();
        this.waiter = null;
      };
      this.waiter = check;
      cancel = this.clock.setTimer(() => {
        done();
        resolve(null);
      }, timeoutMs);
      check();
    });
  }

  /** Send what is buffered and close our side; resolves once the printer has it all. */
  end(): Promise<void> {
    return new Promise((resolve) => {
      if (this.failure || this.socket.destroyed) return resolve();
      this.socket.end(() => resolve());
    });
  }

  destroy(err?: Error): void {
    if (err) this.fail(err);
    this.socket.destroy();
    this.registry.delete(this);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.waiter?.();
  }
}
