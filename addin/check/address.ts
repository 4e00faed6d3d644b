/**
 * Which worksheet rows an edit touched, from the address Excel reports (`C5:D9`, `5:7`, `A:A`,
 * `A1,B2`, `Sheet1!$C$5`). Whole columns (or anything unreadable) mean every row.
 */
export type ChangedRows = { kind: 'rows'; ranges: [number, number][] } | { kind: 'all' };

const CELLS = /^([A-Z]{1,3})?(\d+)(?::([A-Z]{1,3})?(\d+))?$/;

export function changedRows(address: string): ChangedRows {
  const ranges: [number, number][] = [];
  for (const raw of address.split(',')) {
    const area = raw
      .slice(raw.lastIndexOf('!') + 1)
      .replace(/\$/g, '')
      .trim()
      .toUpperCase();
    if (area === '') continue;
    const m = CELLS.exec(area);
    if (!m) return { kind: 'all' }; // whole columns (`A:C`) or an address we cannot read
    const a = Number(m[2]);
    const b = m[4] === undefined ? a : Number(m[4]);
    if (a < 1 || b < 1) return { kind: 'all' };
    ranges.push([Math.min(a, b), Math.max(a, b)]);
  }
  return { kind: 'rows', ranges: mergeRanges(ranges) };
}

/** Sorted, with overlapping or adjacent ranges joined, so each row is read once. */
export function mergeRanges(ranges: readonly [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
