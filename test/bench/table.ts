// One row of the benchmark report, and the table `npm run bench` prints.

export interface Row {
  figure: string;
  value: number;
  unit: string;
  /** The target as text, e.g. "≥ 0.7× baseline" or "< 20 ms". */
  target?: string;
  baseline?: number;
  /** value / baseline (or the ratio that the target speaks of). */
  ratio?: number;
  /** Whether the target is met; absent when there is no target. */
  met?: boolean;
}

const fmt = (n: number | undefined): string =>
  n === undefined
    ? ''
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 10
        ? n.toFixed(1)
        : n.toFixed(2);

export function printTable(rows: readonly Row[], out: (line: string) => void = console.log): void {
  const header = ['figure', 'value', 'unit', 'target', 'baseline', 'ratio', 'met'];
  const cells = rows.map((r) => [
    r.figure,
    fmt(r.value),
    r.unit,
    r.target ?? '',
    fmt(r.baseline),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => '| ' + c.map((v, i) => v.padEnd(widths[i]!)).join(' | ') + ' |';
  out(line(header));
  out('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const c of cells) out(line(c));
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
