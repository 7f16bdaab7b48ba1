// The monitoring kit IT imports (monitoring/): the alert rules pass `promtool check rules` and
// their unit tests (`promtool test rules`, Debian's prometheus package), every rule is tested, and
// every expression in the rules and the Grafana dashboard names a series the gateway or the
// connector really exports, with labels it really has.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import type { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.js';
import { connectorMetrics } from '../../electron/core/metrics/connector-metrics.js';
import { gatewayMetrics } from '../../gateway/metrics.js';
import { scratchDir } from '../support/scratch.js';

const run = promisify(execFile);
const dir = fileURLToPath(new URL('../../monitoring/', import.meta.url));
const file = (name: string) => path.join(dir, name);

const promtool = await run('promtool', ['--version']).then(
  () => null,
  (err: Error) => `promtool is not installed (${err.message}); apt-get install prometheus`,
);
if (promtool) console.log(`[monitoring] promtool tests SKIPPED: ${promtool}`);

interface Rule {
  alert: string;
  expr: string;
}
const rules = (
  yaml.load(readFileSync(file('alerts.yml'), 'utf8')) as { groups: { rules: Rule[] }[] }
).groups.flatMap((g) => g.rules);

interface Panel {
  title: string;
  type: string;
  targets?: { expr: string }[];
  panels?: Panel[];
}
const dashboard = JSON.parse(readFileSync(file('dashboard.json'), 'utf8')) as {
  title: string;
  uid: string;
  panels: Panel[];
  templating: { list: { query?: string }[] };
};

// Every series name and its labels, from the real registries (no store needed for the names).
const db = openDatabase(path.join(scratchDir('monitoring-'), 'connector.db'));
afterAll(() => db.close());
const known = new Map<string, Set<string>>();
function learn(registry: Registry): void {
  for (const m of registry.getMetricsAsArray()) {
    const { name, type, labelNames } = m as unknown as {
      name: string;
      type: string;
      labelNames: string[];
    };
    const labels = new Set([...labelNames, 'instance', 'job']);
    const names = type === 'histogram' ? ['_bucket', '_sum', '_count'].map((s) => name + s) : [];
    for (const n of [name, ...names])
      known.set(n, n.endsWith('_bucket') ? new Set([...labels, 'le']) : labels);
  }
}
learn(gatewayMetrics({ all: () => [] }).registry);
learn(
  connectorMetrics({
    db,
    version: 'test',
    vitals: () => Promise.reject(new Error('not scraped here')),
  }).registry,
);

/** Each `stream_…` series an expression names, with the label names its selector uses. */
function seriesIn(expr: string): { name: string; labels: string[] }[] {
  return [...expr.matchAll(/\b(stream_[a-z0-9_]+)(\{([^}]*)\})?/g)].map((m) => ({
    name: m[1]!,
    labels: [...(m[3] ?? '').matchAll(/([a-z_]+)\s*(=~|!=|!~|=)/g)].map((l) => l[1]!),
  }));
}

function unknownIn(expr: string): string[] {
  const found = seriesIn(expr);
  if (found.length === 0) return [`no stream_ series in: ${expr}`];
  return found.flatMap(({ name, labels }) => {
    const has = known.get(name);
    if (!has) return [`${name} is not exported`];
    return labels.filter((l) => !has.has(l)).map((l) => `${name} has no label ${l}`);
  });
}

describe.skipIf(promtool !== null)('alert rules under promtool', () => {
  it('pass promtool check rules', async () => {
    const { stdout } = await run('promtool', ['check', 'rules', file('alerts.yml')]);
    expect(stdout).toContain(`SUCCESS: ${rules.length} rules found`);
  });

  it('pass their promtool unit tests', async () => {
    const result = await run('promtool', ['test', 'rules', file('alerts.test.yml')]).catch(
      (err: { stdout: string; stderr: string }) => err,
    );
    expect(result.stdout + result.stderr).toContain('SUCCESS');
  });
});

describe('monitoring kit', () => {
  it('has the alerts IT asked for, each with a unit test', () => {
    const names = rules.map((r) => r.alert);
    for (const name of [
      'StreamStoreOffline',
      'StreamOutboxBacklog',
      'StreamMissedOrders',
      'StreamPrinterDown',
      'StreamStorageFailing',
      'StreamVersionDrift',
    ])
      expect(names).toContain(name);
    const tests = readFileSync(file('alerts.test.yml'), 'utf8');
    for (const name of names) expect(tests, name).toContain(`alertname: ${name}`);
  });

  it('alert rules name only series and labels that are exported', () => {
    expect(rules.flatMap((r) => unknownIn(r.expr))).toEqual([]);
  });

  it('the dashboard is valid JSON whose every panel query names exported series', () => {
    expect(dashboard.uid).toBe('stream-connector-fleet');
    const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
    const queries = panels.filter((p) => p.type !== 'row');
    expect(queries.length).toBeGreaterThanOrEqual(10);
    for (const p of queries) expect(p.targets?.length, p.title).toBeGreaterThan(0);
    const exprs = queries.flatMap((p) => p.targets!.map((t) => t.expr));
    expect(exprs.flatMap(unknownIn)).toEqual([]);
    for (const v of dashboard.templating.list)
      if (v.query?.startsWith('label_values')) expect(unknownIn(v.query)).toEqual([]);
    // Every exported family is on the dashboard somewhere.
    const shown = new Set(exprs.flatMap((e) => seriesIn(e).map((s) => s.name)));
    const families = [...known.keys()].filter((n) => !/_(bucket|sum|count)$/.test(n));
    expect(families.filter((n) => !shown.has(n) && !shown.has(`${n}_bucket`))).toEqual([]);
  });
});
