// `npm run bench`: every benchmark in one table (figure, value, target, baseline, ratio).
import os from 'node:os';
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
];

const rows: Row[] = [];
for (const [name, run] of benches) {
  process.stderr.write(`running ${name} …\n`);
  rows.push(...(await run()));
}
console.log(
  `\nmachine: ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
);
printTable(rows);
const missed = rows.filter((r) => r.met === false);
if (missed.length) console.log(`\ntargets missed: ${missed.map((r) => r.figure).join('; ')}`);
