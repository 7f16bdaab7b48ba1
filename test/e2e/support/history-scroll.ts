// How history behaves with 100,000 orders, in Debian's Chromium: time to the first rows, time to
// page through everything by scrolling, frame times while scrolling (steady and random jumps),
// how many rows are in the page, and the JS heap. A benchmark to run by hand (or from the bench
// runner), not a timed test: `npx tsx test/e2e/support/history-scroll.ts [orders]`.
// The connector and the UI are real; only `GET /api/history` is answered by this script (pages
// made up on the fly), so the numbers are the screen's, not the database's.
import { launchChromium } from './browser.js';
import { startE2eConnector } from './connector.js';
import { buildUi } from './ui-build.js';

const TOTAL = Number(process.argv[2] ?? 100_000);
const base = Date.now();

function order(i: number) {
  return {
    id: `ord_${String(TOTAL - i).padStart(7, '0')}`,
    origin: 'stream',
    source: ['uber', 'doordash', 'grubhub'][i % 3],
    brand: null,
    dspOrderNumber: `N-${i}`,
    fulfillmentType: 'delivery',
    status: i % 7 ? 'completed' : 'canceled',
    isFuture: false,
    requestedFor: null,
    unpaid: false,
    customerName: `Customer ${i}`,
    itemCount: 1 + (i % 4),
    totalCents: 1000 + i,
    currency: 'USD',
    prepTimeMinutes: 15,
    receivedAt: base - i * 60_000,
    staffDeadlineAt: null,
    streamDeadlineAt: null,
    streamStatus: null,
    deliveryStatus: null,
    updatedAt: base - i * 60_000,
  };
}

// Page functions are strings: tsx would wrap named functions in a helper the page lacks.
const FRAMES = (step: string) => `(async () => {
  const list = document.querySelector('.vlist');
  const times = [];
  let last = performance.now();
  for (let i = 0; i < 300; i++) {
    ${step}
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  times.sort((a, b) => a - b);
  const ms = (x) => Math.round(x * 10) / 10;
  return {
    p50: ms(times[150]), p95: ms(times[285]), max: ms(times[299]),
    rowsInPage: document.querySelectorAll('[data-testid="history-row"]').length,
  };
})()`;

const ui = await buildUi();
const app = await startE2eConnector(ui.dir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.route(/\/api\/history(\?|$)/, async (route) => {
    const url = new URL(route.request().url());
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const before = url.searchParams.get('before');
    const start = before ? Number(before.split(':')[0]) : 0;
    const orders = Array.from({ length: Math.min(limit, TOTAL - start) }, (_, k) =>
      order(start + k),
    );
    const next = start + orders.length < TOTAL ? `${start + orders.length}:x` : null;
    await route.fulfill({ json: { orders, nextCursor: next } });
  });
  await page.goto(app.boardUrl);
  await page.locator('.app[data-connection="open"]').waitFor();
  let t = Date.now();
  await page.getByRole('button', { name: /^History/ }).click();
  await page.getByTestId('history-row').first().waitFor();
  const firstRowsMs = Date.now() - t;
  t = Date.now();
  await page.evaluate(`(async () => {
    const list = document.querySelector('.vlist');
    const status = () => document.querySelector('[data-testid="history-status"]')?.textContent ?? '';
    while (status() !== '${TOTAL} orders') {
      list.scrollTop = list.scrollHeight;
      await new Promise((r) => setTimeout(r, 5));
    }
  })()`);
  const allPagesMs = Date.now() - t;
  const steady = await page.evaluate(FRAMES('list.scrollTop += 40;'));
  const jumps = await page.evaluate(
    FRAMES('list.scrollTop = Math.random() * (list.scrollHeight - list.clientHeight);'),
  );
  const heap = await page.evaluate<number | undefined>('performance.memory?.usedJSHeapSize');
  console.log(
    JSON.stringify(
      {
        orders: TOTAL,
        firstRowsMs,
        allPagesByScrollingMs: allPagesMs,
        steadyScroll40pxPerFrameMs: steady,
        randomJumpsMs: jumps,
        jsHeapMB: heap ? Math.round(heap / 1e6) : null,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await app.dispose();
  ui.remove();
}
