// `npm run bench`: every benchmark in one table (figure, value, target, baseline, ratio).
import os from 'node:os';
import { runGatewayBench } from './gateway.js';
import { runGatewayOAuthBench } from './gateway-oauth.js';
import { runIngestBench } from './ingest.js';
import { runOutboxBench } from './outbox-drain.js';
import { runPosBench } from './pos.js';
import { runScaleBench } from './scale.js';
import { runUiBench } from './ui.js';
import { printTable, type Row } from './table.js';

const benches: [string, () => Promise<Row[]>][] = [
  ['ingest', runIngestBench],
  ['outbox', runOutboxBench],
  ['pos', runPosBench],
  ['scale', runScaleBench],
  ['ui', runUiBench],
  ['gateway', runGatewayBench],
  ['gateway-oauth', runGatewayOAuthBench],
];
// `npm run bench -- gateway pos`: only the benches named.
const only = process.argv.slice(2);

const rows: Row[] = [];
for (const [name, run] of benches.filter(([n]) => only.length === 0 || only.includes(n))) {
  process.stderr.write(`running ${name} …\n`);
  rows.push(...(await run()));
}
console.log(
  `\nmachine: ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
);
printTable(rows);
const missed = rows.filter((r) => r.met === false);
if (missed.length) console.log(`\ntargets missed: ${missed.map((r) => r.figure).join('; ')}`);
