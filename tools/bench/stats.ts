/** Small numeric helpers for the benchmark report. */

export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A number for a table cell: 3 significant digits, or '–' for a missing value. */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (Math.abs(x) >= 10 ** digits) return Math.round(x).toString();
  return Number(x.toPrecision(digits)).toString();
}

/** Renders rows as a Markdown table (also readable on a terminal). */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [
    line(cells[0]!),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...cells.slice(1).map(line),
  ].join('\n');
}
