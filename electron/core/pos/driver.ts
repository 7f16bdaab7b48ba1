// What every POS driver does: put an order into the POS and get its reference back, void it,
// report whether the POS is reachable, and (optionally) hand over the POS catalog. The delivery
// worker (delivery.ts) calls these, one attempt at a time, and decides about retries; a driver
// only says what happened. Drivers: drivers/http-json.ts, drivers/watched-folder.ts,
// drivers/escpos-printer.ts.
import { POS_VOID_VERSION, type PosOrder, type PosVoid } from '../../../shared/pos.js';

export type DriverName = 'http' | 'folder' | 'printer';

/** What one attempt came to. */
export type DriverResult =
  | {
      ok: true;
      /** The POS's own reference (check or ticket number); null when it gave none. */
      posOrderId: string | null;
      /** A short note for the timeline and the outbox row ("HTTP 201", "result file"). */
      detail: string;
    }
  | {
      ok: false;
      /** False: the POS refused and trying again cannot help (a 400, an error result file). */
      retryable: boolean;
      error: string;
      /** The POS may have acted even so (an answer that never came after the request was sent,
       * a file left in the folder, ticket bytes already written): a cancel then needs a void,
       * and the printer's next print of the ticket says it may be a duplicate. */
      uncertain?: boolean;
      /** The POS asked us to wait (Retry-After). */
      retryAfterMs?: number;
      /** Cut short by a stop: nobody's failure; simply tried again at the next start. */
      aborted?: boolean;
    };

export interface InjectOptions {
  /** Printed above a kitchen ticket: "REPRINT", or "POSSIBLE DUPLICATE" after an attempt that may
   * have printed. Other drivers ignore it (their idempotency makes a repeat harmless). */
  banner?: string | null;
}

export interface VoidRequest {
  order: PosOrder;
  /** The reference the POS gave at injection (null when it gave none). */
  posOrderId: string | null;
  reason: string;
  at: number;
}

export interface PosHealth {
  reachable: boolean;
  detail: string;
}

export interface PosDriver {
  readonly name: DriverName;
  /** Put the order into the POS. A repeat for the same `order_id` must not create a second one:
   * the HTTP driver sends `Idempotency-Key: <order id>`, the folder driver names the file by it. */
  inject(order: PosOrder, options?: InjectOptions): Promise<DriverResult>;
  void(request: VoidRequest): Promise<DriverResult>;
  health(): Promise<PosHealth>;
  /** The POS catalog in Stream's shape (stream-api.md A5), when the POS can give it. */
  fetchCatalog?(): Promise<unknown>;
  /** Cut every open attempt short (stop); each resolves with `aborted`. */
  abortAll(): void;
  close(): void;
}

/** A refusal that retrying cannot fix. */
export const refused = (error: string): DriverResult => ({ ok: false, retryable: false, error });

/** A failure worth another try. */
export const failed = (
  error: string,
  extra: { uncertain?: boolean; retryAfterMs?: number; aborted?: boolean } = {},
): DriverResult => ({ ok: false, retryable: true, error, ...extra });

/** The void document every driver hands the POS (shared/pos.ts `PosVoid`): the same fields over
 * HTTP and in the watched folder. */
export function voidDocument(request: VoidRequest): PosVoid {
  return {
    schema: 'stream-connector.pos-void',
    version: POS_VOID_VERSION,
    order_id: request.order.order_id,
    pos_order_id: request.posOrderId,
    reason: request.reason,
    voided_at: request.at,
  };
}
