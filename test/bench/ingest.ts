// Ingest benchmark (issue 2): signed `order.created` at concurrency 16 over loopback against the
// real connector (child process, headless mode), next to the bare Fastify + better-sqlite3
// baseline measured in the same run.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildConnector, writeChildConfig } from '../support/child-connector.js';
import { tempDataDir } from '../support/connector.js';
import { orderCreated } from '../support/orders.js';
import { TEST_INBOUND_TOKEN } from '../support/secrets.js';
import { sign } from '../support/stream-client.js';
import { runLoad, type LoadResult, type PreparedRequest } from './load.js';
import { percentile, type Row } from './table.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONCURRENCY = 16;
const REQUESTS_PER_ROUND = 1000;
const ROUNDS = 3;
const WARMUP = 300;

function prepare(n: number): PreparedRequest[] {
  return Array.from({ length: n }, () => {
    const body = Buffer.from(JSON.stringify(orderCreated()));
    return {
      path: '/stream/orders',
      body,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TEST_INBOUND_TOKEN}`,
        'x-stream-signature': sign(body),
      },
    };
  });
}

interface Target {
  url: string;
  stop(): Promise<void>;
}

async function startConnectorTarget(): Promise<Target> {
  const dir = tempDataDir();
  const child = await startChildConnector(
    writeChildConfig(dir, { acceptance: { mode: 'manual', staffWindowSeconds: 55 } }),
  );
  return {
    url: child.streamUrl,
    async stop() {
      await child.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startBaselineTarget(): Promise<Target> {
  const dir = tempDataDir();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'test', 'bench', 'baseline-server.ts'), dir],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Stream listener: (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`baseline exited ${code}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Merge rounds: total requests over total time, percentiles over every latency. */
function merge(results: LoadResult[]): LoadResult {
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = results.reduce((n, r) => n + r.requests, 0);
  const seconds = results.reduce((n, r) => n + r.seconds, 0);
  const statuses: Record<number, number> = {};
  for (const r of results)
    for (const [k, v] of Object.entries(r.statuses))
      statuses[Number(k)] = (statuses[Number(k)] ?? 0) + v;
  return {
    requests,
    seconds,
    throughput: requests / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: results.reduce((n, r) => n + r.errors, 0),
    statuses,
    latencies,
  };
}

export async function runIngestBench(): Promise<Row[]> {
  // Rounds alternate between the two so load from anything else on the machine hits both alike.
  const [base, conn] = [await startBaselineTarget(), await startConnectorTarget()];
  const baseRuns: LoadResult[] = [];
  const connRuns: LoadResult[] = [];
  try {
    await runLoad(base.url, prepare(WARMUP), CONCURRENCY);
    await runLoad(conn.url, prepare(WARMUP), CONCURRENCY);
    for (let round = 0; round < ROUNDS; round++) {
      baseRuns.push(await runLoad(base.url, prepare(REQUESTS_PER_ROUND), CONCURRENCY));
      connRuns.push(await runLoad(conn.url, prepare(REQUESTS_PER_ROUND), CONCURRENCY));
    }
  } finally {
    await Promise.all([base.stop(), conn.stop()]);
  }
  const baseline = merge(baseRuns);
  const connector = merge(connRuns);
  const bad = Object.entries(connector.statuses).filter(([s]) => s !== '200');
  if (bad.length || connector.errors)
    throw new Error(
      `ingest bench saw failures: ${JSON.stringify(connector.statuses)} errors=${connector.errors}`,
    );
  const ratio = connector.throughput / baseline.throughput;
  return [
    {
      figure: `ingest throughput (signed order.created, c=${CONCURRENCY}, n=${ROUNDS}×${REQUESTS_PER_ROUND})`,
      value: connector.throughput,
      unit: 'orders/s',
      target: '≥ 0.7× baseline',
      baseline: baseline.throughput,
      ratio,
      met: ratio >= 0.7,
    },
    {
      figure: 'ingest latency p50',
      value: connector.p50,
      unit: 'ms',
      baseline: baseline.p50,
      ratio: connector.p50 / baseline.p50,
    },
    {
      figure: 'ingest latency p99',
      value: connector.p99,
      unit: 'ms',
      target: '< 20 ms',
      baseline: baseline.p99,
      ratio: connector.p99 / baseline.p99,
      met: connector.p99 < 20,
    },
  ];
}
