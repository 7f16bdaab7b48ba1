// What every core service is given: the parts built once by the composition root (app.ts).
import type { Config } from './config/schema.js';
import type { Db } from './db/connection.js';
import type { EventBus } from './events/bus.js';
import type { OrderRepository } from './orders/repository.js';
import type { OutboxWriter } from './outbox/enqueue.js';
import type { Clock } from './util/clock.js';
import type { IdGenerator } from './util/ids.js';
import type { Logger } from './util/log.js';

export interface CoreContext {
  config: Config;
  db: Db;
  orders: OrderRepository;
  outbox: OutboxWriter;
  bus: EventBus;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
}

/** Who did something, as written in an order's timeline and the audit log. */
export type Actor = string;
