// The ingest baseline: bare Fastify + better-sqlite3 storing the same payloads with the same
// pragmas (WAL, synchronous=FULL), one transaction per request, and nothing else: no auth, no
// validation, no idempotency. Started as a child process by the ingest benchmark.
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import path from 'node:path';

const dataDir = process.argv[2]!;
const db = new Database(path.join(dataDir, 'baseline.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(
  'CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, raw_body BLOB NOT NULL, received_at INTEGER NOT NULL) STRICT',
);
const insert = db.prepare('INSERT INTO orders (raw_body, received_at) VALUES (?, ?)');

const app = Fastify({ logger: false });
app.removeAllContentTypeParsers();
app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
  done(null, body),
);
app.post('/stream/orders', async (request) => {
  const id = insert.run(request.body, Date.now()).lastInsertRowid;
  return { order: { provider_id: String(id), prep_time_minutes: 15, async_acceptance: true } };
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`Stream listener: ${url}`);
console.log(`Cashier board:   ${url}/#token=none`);
