// The POS calls of the Local API (shared/contract.ts), merged into api/handlers.ts.
import type { Handlers } from '../api/handlers.js';
import type { PosService } from './service.js';

type PosCalls =
  | 'getPosStatus'
  | 'getOrderPos'
  | 'retryOrderPos'
  | 'markOrderEnteredByHand'
  | 'reprintOrder'
  | 'getPrinterStatus'
  | 'importCatalog';

export function posHandlers(pos: PosService): Pick<Handlers, PosCalls> {
  return {
    getPosStatus: () => pos.status(),
    getOrderPos: ({ id }) => pos.orderLegs(id),
    retryOrderPos: ({ id, target }, { actor }) => pos.retry(id, target, actor),
    markOrderEnteredByHand: ({ id, target, posOrderId }, { actor }) =>
      pos.enteredByHand(id, target, posOrderId, actor),
    reprintOrder: ({ id }, { actor }) => pos.reprint(id, actor),
    getPrinterStatus: () => pos.printerStatus(),
    importCatalog: (input) => pos.importCatalog(input),
  };
}
