// The composition root: config → database → services → servers → workers. Headless mode and the
// Electron shell both start the connector through `createConnector`, and nothing else wires parts.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { localApi } from '../../shared/contract.js';
import { loadCatalogFile } from './catalog/import.js';
import type { AcceptanceService } from './acceptance/decisions.js';
import { createAcceptance } from './acceptance/index.js';
import { createHandlers, type Handlers } from './api/handlers.js';
import { APP_VERSION, HealthReporter } from './api/health.js';
import { CatalogStore } from './catalog/catalog.js';
import type { Config } from './config/schema.js';
import { configSecrets } from './config/secrets.js';
import type { CoreContext } from './context.js';
import { openDatabase } from './db/connection.js';
import type { BackupService } from './db/backup.js';
import { createStorage } from './db/index.js';
import { watchStorage } from './db/storage-health.js';
import { OrderHistory } from './history/history.js';
import { RuntimeSettings } from './settings/runtime-settings.js';
import { GroupCommit } from './db/group-commit.js';
import { EventBus } from './events/bus.js';
import { allowedHostNames } from './http/host-check.js';
import { buildLocalServer } from './http/local-server.js';
import { buildStreamServer } from './http/stream-server.js';
import { listeners } from './http/servers.js';
import { StreamAuthenticator, StreamOAuth, oauthSettings } from './stream/auth/index.js';
import { AuditLog } from './manager/audit-log.js';
import { ManagerPins } from './manager/manager-pin.js';
import { OrderIngest } from './orders/ingest.js';
import { OrderLifecycle } from './orders/lifecycle.js';
import { MissedOrders } from './orders/missed.js';
import { OrderRepository } from './orders/repository.js';
import { OutboxWriter } from './outbox/enqueue.js';
import { createStreamLane } from './stream/lane/index.js';
import type { StreamLaneOptions, StreamLaneWorker } from './stream/lane/worker.js';
import { createPosLegs } from './pos/leg-hooks.js';
import { PosService, type PosOptions } from './pos/service.js';
import { RelayStatus } from './relay/relay-status.js';
import { StoreRelay } from './relay/store-relay.js';
import { publishConnectCode } from './relay/connect-code.js';
import { connectorMetrics, decisionLatency } from './metrics/connector-metrics.js';
import { readStoreVitals } from './metrics/store-vitals.js';
import { InStoreOrders } from './instore/orders.js';
import { createStore, type Store } from './store/index.js';
import { systemClock, type Clock } from './util/clock.js';
import { createIdGenerator } from './util/ids.js';
import { committedLogger } from './util/committed-log.js';
import { createLogger, type Logger } from './util/log.js';
import type { OrderCheck } from './validation/checks.js';
import { orderChecks } from './validation/order-checks.js';

export interface ConnectorOptions {
  clock?: Clock;
  /** How often the Stream listener's TLS files are looked at for a renewal (tests: short). */
  tlsPollMs?: number;
  log?: Logger;
  /** Built renderer to serve on the local listener (headless mode). */
  uiDir?: string;
  /** Checks added after the built-in ones (store pause, 86 …). */
  extraChecks?: OrderCheck[];
  /** Stream lane tuning (tests shorten timeouts; defaults suit production). */
  streamLane?: Partial<StreamLaneOptions>;
  /** POS delivery tuning (tests: retry jitter, timeouts; defaults suit production). */
  pos?: Partial<PosOptions>;
}

export interface Connector {
  config: Config;
  ctx: CoreContext;
  handlers: Handlers;
  streamServer: FastifyInstance;
  localServer: FastifyInstance;
  localToken: string;
  acceptance: AcceptanceService;
  backups: BackupService;
  /** Pause / resume, opening hours, busy mode and 86. */
  store: Store;
  /** The Stream lane's worker: sends `stream` outbox rows; started and stopped with the connector. */
  streamLane: StreamLaneWorker;
  /** Accepted orders into the POS and onto the kitchen printer (electron/core/pos). */
  pos: PosService;
  /** The manager PIN, its lockouts and the first-PIN setup code the counter shows. */
  pins: ManagerPins;
  /** The chain relay (electron/core/relay) when `relay.url` is set, else null. */
  relay: StoreRelay | null;
  /** Listen on the configured hosts and ports; resolves with the bound addresses. */
  start(): Promise<{ streamUrl: string; localUrl: string }>;
  stop(): Promise<void>;
}

export function createConnector(config: Config, options: ConnectorOptions = {}): Connector {
  const { ctx, localToken } = openCore(config, options);
  const services = buildServices(ctx, options);
  const edges = buildEdges(ctx, services, localToken, options);
  const { acceptance, backups, streamLane, store, pos, pins } = services;
  return {
    config,
    ctx,
    localToken,
    acceptance,
    backups,
    streamLane,
    store,
    pos,
    pins,
    relay: edges.relay,
    handlers: edges.handlers,
    streamServer: edges.streamServer,
    localServer: edges.localServer,
    start: () => startConnector(ctx, services, edges),
    stop: () => stopConnector(ctx, services, edges),
  };
}

/** The data folder, the local token, the log (it masks every configured secret) and the database. */
function openCore(config: Config, options: ConnectorOptions) {
  mkdirSync(config.dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const localToken = config.local.token ?? readOrCreateLocalToken(config.dataDir);
  const log =
    options.log ??
    createLogger({
      secrets: configSecrets(config, localToken),
      file: path.join(config.dataDir, 'logs', 'connector.log'),
    });
  const db = openDatabase(path.join(config.dataDir, 'connector.db'));
  const ctx: CoreContext = {
    config,
    db,
    // connector.log: a line for every order event and audit entry, once it is committed.
    orders: new OrderRepository(db, committedLogger(db, log, 'order_timeline')),
    outbox: new OutboxWriter(db),
    bus: new EventBus(),
    clock,
    ids: createIdGenerator(() => clock.now()),
    log,
  };
  return { ctx, localToken };
}

type Services = ReturnType<typeof buildServices>;

/**
 * Every domain service, built in dependency order; each collaborator is given at construction,
 * so none can be forgotten (an accepted order that never reaches the POS).
 */
function buildServices(ctx: CoreContext, options: ConnectorOptions) {
  const { config, db, clock } = ctx;
  const catalog = new CatalogStore(db, config.location.id);
  if (config.catalog.file) loadCatalogFile(catalog, config.catalog.file, clock.now());
  const audit = new AuditLog(
    db,
    config.location.timezone,
    committedLogger(db, ctx.log, 'audit_log'),
  );
  // Settings a manager changed at the counter win over the file, from the first order on.
  const settings = new RuntimeSettings(ctx, audit);
  const pins = new ManagerPins(ctx, audit, {
    maxAttempts: config.manager.pinMaxAttempts,
    lockoutMs: config.manager.pinLockoutSeconds * 1000,
    maxLockoutMs: config.manager.pinLockoutMaxSeconds * 1000,
  });
  const store = createStore(ctx, catalog, audit);
  // The decision-to-Stream histogram the lane feeds; the rest of the metrics come last, as they
  // read everything (the lane's health included).
  const latency = decisionLatency();
  const { worker: streamLane, api: outbox } = createStreamLane(
    ctx,
    {
      onSent: (sent) => latency.sent(sent),
      onStoreStatusDelivery: () => store.controls.deliveryMoved(),
    },
    options.streamLane,
  );
  const orders = buildOrderServices(ctx, catalog, store, options);
  const { backups, health: storage } = createStorage(ctx);
  // Merchant onboarding: the tokens Stream calls with (stream/auth).
  const streamOAuth = new StreamOAuth(db, clock, ctx.ids, audit, oauthSettings(config));
  const { pos, policy } = orders;
  // A chain store's relay (relay/relay-status.ts): the relay reports its state, health says it.
  const relayStatus = config.relay.url
    ? new RelayStatus(() => clock.now(), config.relay.heartbeatSeconds * 1000)
    : null;
  const health = new HealthReporter(ctx, catalog, {
    acceptanceMode: () => policy.mode(),
    pos: () => pos.health(),
    printer: () => pos.printerLatest(),
    streamClockSkewMs: () => streamLane.clockSkewMs(),
    extraProblems: [() => storage.problems(), () => relayStatus?.problems() ?? []],
  });
  const history = new OrderHistory(db, config.location.timezone);
  return {
    ...orders,
    catalog,
    audit,
    settings,
    pins,
    store,
    latency,
    streamLane,
    outbox,
    backups,
    storage,
    streamOAuth,
    health,
    history,
    relayStatus,
  };
}

/** An order's life after it is taken in: the decision, the POS leg, the lifecycle, missed orders. */
function buildOrderServices(
  ctx: CoreContext,
  catalog: CatalogStore,
  store: Store,
  options: ConnectorOptions,
) {
  const { config, db } = ctx;
  const missed = new MissedOrders(ctx, {
    timeZone: config.location.timezone,
    dayRolloverTime: config.store.dayRolloverTime,
  });
  // The POS leg: queued on accept, withdrawn or voided on reject and cancel, each inside the
  // decision's own transaction.
  const posLegs = createPosLegs(ctx);
  const {
    decisions: acceptance,
    throughPos,
    deadlines,
    policy,
  } = createAcceptance(ctx, {
    prepTimeMinutes: store.prepTimeMinutes,
    posLegs,
    onMissed: (id) => missed.announce(id),
  });
  // In auto mode the POS lanes report what the deciding leg got to; acceptance decides.
  const pos = new PosService(ctx, catalog, posLegs, { outcomes: throughPos, policy }, options.pos);
  const lifecycle = new OrderLifecycle(ctx, {
    afterCancel: posLegs.hooks.afterReject,
    onMissed: (id) => missed.announce(id),
  });
  const inStore = new InStoreOrders(ctx, catalog, posLegs.hooks.afterAccept);
  const checks = orderChecks(config, catalog, [...store.checks, ...(options.extraChecks ?? [])]);
  const ingest = new OrderIngest(ctx, new GroupCommit(db), checks, policy);
  return { missed, acceptance, throughPos, deadlines, policy, pos, lifecycle, inStore, ingest };
}

type Edges = ReturnType<typeof buildEdges>;

/** Where the outside reaches in: the Stream listener, the chain relay, the Local API, metrics. */
function buildEdges(
  ctx: CoreContext,
  services: Services,
  localToken: string,
  options: ConnectorOptions,
) {
  const { config, db, clock, log } = ctx;
  const { catalog, health, missed, pos, storage, lifecycle } = services;
  const streamAuth = new StreamAuthenticator(config.stream, services.streamOAuth);
  const streamServer = buildStreamServer({
    config,
    ingest: services.ingest,
    lifecycle,
    catalog,
    log,
    auth: streamAuth,
    oauth: services.streamOAuth,
    tlsPollMs: options.tlsPollMs,
    storage,
  });
  const vitals = () => readStoreVitals({ db, clock, health, missed, pos, storage });
  const relay = services.relayStatus
    ? new StoreRelay({
        config,
        streamServer,
        log,
        version: APP_VERSION,
        startedAt: clock.now(),
        catalog: () => catalog.current()?.catalog ?? null,
        heartbeat: vitals,
        withdraw: (key) => lifecycle.withdrawUnanswered(key),
        status: services.relayStatus,
      })
    : null;
  const handlers = localHandlers(ctx, services, relay);
  const metrics = connectorMetrics({ db, version: APP_VERSION, vitals, latency: services.latency });
  const localServer = buildLocalServer({
    token: localToken,
    allowedHosts: allowedHostNames(config.local.host, config.local.allowedHosts),
    handlers,
    bus: ctx.bus,
    log,
    uiDir: options.uiDir,
    metrics: { contentType: metrics.registry.contentType, render: () => metrics.render() },
  });
  const servers = listeners(config, { stream: streamServer, local: localServer });
  return { streamAuth, streamServer, relay, handlers, localServer, servers };
}

/** The Local API's handlers; a write refused while storage is failing says so (watchStorage). */
function localHandlers(ctx: CoreContext, services: Services, relay: StoreRelay | null): Handlers {
  const { config, clock } = ctx;
  const { pos, acceptance, lifecycle, catalog, health, inStore, outbox, store } = services;
  const { pins, audit, backups, history, settings, missed, streamOAuth } = services;
  const handlers = createHandlers({
    ctx,
    pos,
    acceptance,
    lifecycle,
    catalog,
    health,
    inStore,
    outbox,
    store,
    pins,
    audit,
    backups,
    history,
    settings,
    missed,
    streamOAuth,
    // In a chain the counter's connect code goes to the gateway over the relay's connection.
    chainConnect: relay
      ? {
          createConnectCode: () =>
            publishConnectCode(relay.connection, config.location.id, clock.now()),
        }
      : null,
  });
  return watchStorage(handlers, (name) => localApi[name].method !== 'GET', services.storage);
}

async function startConnector(ctx: CoreContext, services: Services, edges: Edges) {
  const { config, log } = ctx;
  const { storage, deadlines, pins, store, streamLane, throughPos, pos, backups } = services;
  // The database is checked before anything is taken in, so health is right from the start;
  // on a damaged file the connector still starts, so staff see the banner saying so.
  storage.start();
  // Windows that ended while we were down are settled before anything new is taken in.
  storage.tolerate('settling expired windows', () => {
    deadlines.start();
    deadlines.runDueNow();
  });
  // A first manager PIN from IT, kept only as its hash; a pause or 86 that ended while we were
  // down is undone (and Stream told) before anything new is taken in.
  if (config.manager.initialPin) await pins.provision(config.manager.initialPin);
  storage.tolerate('store controls', () => store.start());
  const { streamUrl, localUrl } = await edges.servers.listen();
  await edges.relay?.start();
  storage.tolerate('outbox worker', () => streamLane.start());
  storage.tolerate('POS delivery', () => {
    // Deciding legs that settled while their order stayed pending are decided first.
    throughPos.reconcile();
    pos.start();
  });
  backups.start();
  const mode = services.policy.mode();
  log.info('connector started', { streamUrl, localUrl, location: config.location.id, mode });
  if (!edges.streamAuth.configured)
    log.warn(
      'no stream.inboundToken, stream.webhookSecret or stream.authorize.clientId configured: the Stream listener refuses every request',
    );
  return { streamUrl, localUrl };
}

async function stopConnector(ctx: CoreContext, services: Services, edges: Edges) {
  const { deadlines, backups, storage, store, streamLane, throughPos, pos } = services;
  deadlines.stop();
  backups.stop();
  storage.stop();
  await backups.idle();
  store.stop();
  await edges.relay?.stop();
  await edges.servers.close();
  await streamLane.stop();
  // Stream requests still waiting on the POS get the stored ("async") answer now.
  throughPos.stop();
  await pos.stop();
  ctx.db.close();
}

function readOrCreateLocalToken(dataDir: string): string {
  const file = path.join(dataDir, 'local.token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return token;
}
