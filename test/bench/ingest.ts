// Ingest benchmark (issue 2): signed `order.created` at concurrency 16 over loopback against the
// real connector (child process, headless mode), next to the bare Fastify + better-sqlite3
// baseline measured in the same run.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildConnector, writeChildConfig } from '../support/child-connector.js';
import { tempDataDir } from '../support/connector.js';
import { mergeLoads, runLoad, signedOrders, type LoadResult } from './load.js';
import type { Row } from './table.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONCURRENCY = 16;
const REQUESTS_PER_ROUND = 1000;
const ROUNDS = 3;
const WARMUP = 300;

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

export async function runIngestBench(): Promise<Row[]> {
  // Rounds alternate between the two so load from anything else on the machine hits both alike.
  const [base, conn] = [await startBaselineTarget(), await startConnectorTarget()];
  const baseRuns: LoadResult[] = [];
  const connRuns: LoadResult[] = [];
  try {
    await runLoad(base.url, signedOrders(WARMUP), CONCURRENCY);
    await runLoad(conn.url, signedOrders(WARMUP), CONCURRENCY);
    for (let round = 0; round < ROUNDS; round++) {
      baseRuns.push(await runLoad(base.url, signedOrders(REQUESTS_PER_ROUND), CONCURRENCY));
      connRuns.push(await runLoad(conn.url, signedOrders(REQUESTS_PER_ROUND), CONCURRENCY));
    }
  } finally {
    await Promise.all([base.stop(), conn.stop()]);
  }
  const baseline = mergeLoads(baseRuns);
  const connector = mergeLoads(connRuns);
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
