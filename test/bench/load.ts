// A small closed-loop load generator: `concurrency` workers, each sending the next prepared
// request as soon as its previous one is answered, over keep-alive HTTP on loopback.
import http from 'node:http';
import { orderCreated } from '../support/orders.js';
import { TEST_INBOUND_TOKEN } from '../support/secrets.js';
import { sign } from '../support/stream-client.js';
import { percentile } from './table.js';

export interface PreparedRequest {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: Record<number, number>;
  /** Every latency in ms, sorted. */
  latencies: number[];
}

export async function runLoad(
  baseUrl: string,
  requests: readonly PreparedRequest[],
  concurrency: number,
): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let next = 0;
  const one = (req: PreparedRequest): Promise<void> =>
    new Promise((resolve) => {
      const started = performance.now();
      const r = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: req.path,
          method: 'POST',
          agent,
          headers: { ...req.headers, 'content-length': req.body.length },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
        },
      );
      r.on('error', () => {
        errors++;
        resolve();
      });
      r.end(req.body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) await one(requests[next++]!);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: requests.length,
    seconds,
    throughput: requests.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    statuses,
    latencies,
  };
}

/** `n` signed, bearer-authenticated `order.created` requests, each a new order (for the location
 * `locationOf(i)` gives; store-1 by default). */
export function signedOrders(
  n: number,
  locationOf: (i: number) => string = () => 'store-1',
): PreparedRequest[] {
  return Array.from({ length: n }, (_, i) => {
    const body = Buffer.from(JSON.stringify(orderCreated({ locationId: locationOf(i) })));
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

/** Merge rounds: total requests over total time, percentiles over every latency. */
export function mergeLoads(results: LoadResult[]): LoadResult {
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
