// `npm run simulate`: plays Stream against a running connector. Sends realistic signed orders
// (all six fulfillment types, three-level nested modifiers, a future order, an unpaid
// drive-thru order, an older-generation payload and duplicates) and prints each answer.
//
//   npm run simulate                      # uses config/dev.json, like `npm run serve`
//   npm run simulate -- --config my.json  # another connector's config (reads its secrets)
//   npm run simulate -- --url http://127.0.0.1:8787 --count 3
//   npm run simulate -- --onboard --pin 1234         # merchant onboarding, as Stream does it
//   npm run simulate -- --onboard --code ABCD-EFGH   # … with a code read off the counter screen
//   npm run simulate -- --onboard --url <gateway> --location store-b --code …   # a chain's merchant
//   npm run simulate -- --every 20s           # one order every 20 s, to work the board by hand
//   npm run simulate -- --url http://127.0.0.1:8180 --location store-b   # a chain (serve:chain)
import { loadConfig } from '../../electron/core/config/load.js';
import { halfAndHalfPizza, legacyOrderCreated, orderCreated, type OrderOptions } from './orders.js';
import { sendToStreamListener } from './stream-client.js';
import { simulateOnboarding } from './simulate-onboard.js';

function arg(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const FULFILLMENT: NonNullable<OrderOptions['fulfillmentType']>[] = [
  'delivery',
  'merchant_managed_delivery',
  'pickup',
  'curbside',
  'drive_thru',
  'dine_in',
];
const SOURCES = ['uber', 'doordash', 'grubhub', 'flipdish'];

/** `--every 20s` (or `2m`, `500ms`, a bare number of seconds): the pause between two orders. */
function parseEvery(text: string | undefined): number {
  if (text === undefined) return 0;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new Error(`--every ${text}: give a time like 20s, 2m or 500ms`);
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
}

async function main(): Promise<void> {
  const config = loadConfig({
    file: arg('--config') ?? process.env.CONNECTOR_CONFIG ?? 'config/dev.json',
  });
  const url = arg('--url') ?? `http://${config.stream.host}:${config.stream.port}`;
  if (process.argv.includes('--onboard')) {
    const localUrl = arg('--local-url') ?? `http://${config.local.host}:${config.local.port}`;
    await simulateOnboarding(config, {
      url,
      localUrl,
      code: arg('--code'),
      pin: arg('--pin'),
      locationId: arg('--location'),
    });
    return;
  }
  // In a chain the gateway routes by location: name the store the orders are for.
  const locationId = arg('--location') ?? config.location.id;
  const rounds = Number(arg('--count') ?? '1');
  const everyMs = parseEvery(arg('--every'));
  let sent = 0;
  const secret = config.stream.webhookSecret;
  const token = config.stream.inboundToken;
  const send = async (label: string, body: object): Promise<void> => {
    if (everyMs && sent++ > 0) {
      console.log(`(next order in ${everyMs / 1000} s)`);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    const res = await sendToStreamListener(url, body, {
      ...(secret ? { secret } : { signature: null }),
      ...(token ? { token } : { authorization: null }),
    });
    console.log(`${res.status}  ${label.padEnd(44)} ${JSON.stringify(res.body)}`);
  };

  for (let round = 0; round < rounds; round++) {
    for (const [i, fulfillmentType] of FULFILLMENT.entries()) {
      const source = SOURCES[i % SOURCES.length]!;
      await send(
        `${source} ${fulfillmentType}`,
        orderCreated({ fulfillmentType, source, locationId }),
      );
    }
    await send(
      'pizza with 3-level modifiers',
      orderCreated({ lineItems: [halfAndHalfPizza()], locationId }),
    );
    await send(
      'future order (in 2 h)',
      orderCreated({ future: true, source: 'doordash', locationId }),
    );
    await send(
      'unpaid drive-thru',
      orderCreated({
        fulfillmentType: 'drive_thru',
        unpaid: true,
        source: 'flipdish',
        locationId,
      }),
    );
    await send('older payload generation', legacyOrderCreated({ source: 'grubhub', locationId }));
    const duplicate = orderCreated({ source: 'uber', locationId });
    await send('duplicate: first', duplicate);
    await send('duplicate: repeat (same answer expected)', duplicate);
  }
}

/** fetch() says only "fetch failed" when nothing listens; the cause has the code. */
function connectorUnreachable(err: unknown): boolean {
  const cause = err instanceof Error ? (err.cause as { code?: string } | undefined) : undefined;
  return cause?.code === 'ECONNREFUSED' || cause?.code === 'ECONNRESET';
}

main().catch((err: unknown) => {
  console.error(`simulate: ${err instanceof Error ? err.message : String(err)}`);
  if (connectorUnreachable(err))
    console.error('Is the connector running? Start it with `npm run serve`.');
  process.exit(1);
});
