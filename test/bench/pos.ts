// POS benchmark (issue 4), real time, real HTTP and TCP on loopback, production retry policy:
// - staff accept → the POS receives the order: from the Local API accept call to the fake POS's
//   handler seeing the order, median and p99 over 200 orders (HTTP JSON driver);
// - staff accept → the kitchen printer has the ticket: to the cut arriving at the printer;
// - auto acceptance: Stream's order.created → its 200 answer when the POS takes the order within
//   the budget (ingest, injection and the answer together).
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createConnector, type Connector } from '../../electron/core/app.js';
import { silentLogger } from '../../electron/core/util/log.js';
import { tempDataDir, testConfig } from '../support/connector.js';
import { PrinterSim } from '../support/escpos-decoder.js';
import { FakePos } from '../support/fake-pos.js';
import { orderCreated } from '../support/orders.js';
import { local, sendToStreamListener } from '../support/stream-client.js';
import { percentile, type Row } from './table.js';

const SAMPLES = 200;
const WARM_UP = 10;

interface Running {
  connector: Connector;
  pos: FakePos;
  printer: PrinterSim;
  streamUrl: string;
  localUrl: string;
  stop(): Promise<void>;
}

async function start(config: Record<string, unknown>): Promise<Running> {
  const pos = await FakePos.start();
  const printer = await PrinterSim.start();
  const dataDir = tempDataDir();
  const connector = createConnector(
    testConfig(dataDir, {
      ...config,
      pos: { driver: 'http', url: pos.url, ...(config.pos as object) },
      printer: { enabled: true, host: printer.host, port: printer.port },
    }),
    { log: silentLogger },
  );
  const { streamUrl, localUrl } = await connector.start();
  return {
    connector,
    pos,
    printer,
    streamUrl,
    localUrl,
    async stop() {
      await connector.stop();
      await pos.close();
      await printer.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Per order: ms from the accept call to the POS request, and to the printer's cut. */
async function acceptToPos(): Promise<{ pos: number[]; printer: number[] }> {
  const r = await start({ acceptance: { mode: 'manual', staffWindowSeconds: 55 } });
  try {
    const pos: number[] = [];
    const printer: number[] = [];
    for (let i = 0; i < SAMPLES + WARM_UP; i++) {
      const res = await sendToStreamListener<{ order: { provider_id: string } }>(
        r.streamUrl,
        orderCreated(),
      );
      const id = res.body.order.provider_id;
      const tickets = r.printer.printouts.length;
      const started = performance.now();
      const accepted = await local(r.localUrl, 'POST', `/api/orders/${id}/accept`, {});
      if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status}`);
      await r.pos.waitFor(() => r.pos.requests.some((q) => q.key === id), 30_000);
      await r.printer.waitFor(() => r.printer.printouts.length > tickets, 30_000);
      if (i < WARM_UP) continue; // the first few warm up the JIT and the sockets
      pos.push(r.pos.requests.find((q) => q.key === id)!.perfAt - started);
      printer.push(r.printer.printouts[tickets]!.perfAt - started);
    }
    return { pos: pos.sort((a, b) => a - b), printer: printer.sort((a, b) => a - b) };
  } finally {
    await r.stop();
  }
}

/** Per order: ms for Stream's order.created to be answered 200 in auto mode. */
async function autoAcceptAnswers(): Promise<number[]> {
  const r = await start({ acceptance: { mode: 'auto' }, pos: { autoAcceptBudgetMs: 3000 } });
  try {
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES + WARM_UP; i++) {
      const started = performance.now();
      const res = await sendToStreamListener<{ order: { async_acceptance?: boolean } }>(
        r.streamUrl,
        orderCreated(),
      );
      const took = performance.now() - started;
      if (res.status !== 200 || res.body.order.async_acceptance)
        throw new Error(`auto acceptance answered ${res.status} ${JSON.stringify(res.body)}`);
      if (i >= WARM_UP) samples.push(took);
    }
    return samples.sort((a, b) => a - b);
  } finally {
    await r.stop();
  }
}

export async function runPosBench(): Promise<Row[]> {
  const { pos, printer } = await acceptToPos();
  const auto = await autoAcceptAnswers();
  const row = (figure: string, values: number[], p: number, target?: number): Row => {
    const value = percentile(values, p);
    return {
      figure,
      value,
      unit: 'ms',
      ...(target === undefined ? {} : { target: `< ${target} ms`, met: value < target }),
    };
  };
  return [
    row('pos: staff accept → POS receives the order, median', pos, 50, 50),
    row('pos: staff accept → POS receives the order, p99', pos, 99, 250),
    row('pos: staff accept → kitchen ticket cut at the printer, median', printer, 50, 100),
    row('pos: staff accept → kitchen ticket cut at the printer, p99', printer, 99, 500),
    row('pos: auto mode, order.created → 200 once the POS took it, median', auto, 50, 100),
    row('pos: auto mode, order.created → 200 once the POS took it, p99', auto, 99, 500),
  ];
}
