// Every check a Stream order passes, in the order they run: where it is for, the cart, money,
// currency, the catalog and the totals, then the store's (pause, hours, 86) and any added ones.
import type { CatalogStore } from '../catalog/catalog.js';
import type { Config } from '../config/schema.js';
import { totalsCheck } from '../pos/totals.js';
import {
  catalogCheck,
  currencyCheck,
  locationCheck,
  moneyCheck,
  nonEmptyCartCheck,
  type OrderCheck,
} from './checks.js';

export function orderChecks(
  config: Config,
  catalog: CatalogStore,
  after: readonly OrderCheck[],
): OrderCheck[] {
  return [
    locationCheck(config.location.id),
    nonEmptyCartCheck,
    moneyCheck(config.catalog.maxAmountCents),
    currencyCheck(config.location.currency),
    catalogCheck(catalog),
    totalsCheck(catalog, config.catalog.totalsPolicy),
    ...after,
  ];
}
