/**
 * DUPLICATE_ROW needs to know, for any row, the first earlier row with the same key. The index
 * keeps each key's rows in order, so re-checking a changed row touches only its old and new key.
 */
export class DuplicateIndex {
  private readonly rowsByKey = new Map<string, number[]>();

  add(key: string, row: number): void {
    const rows = this.rowsByKey.get(key);
    if (!rows) this.rowsByKey.set(key, [row]);
    else if (rows[rows.length - 1]! < row) rows.push(row);
    else rows.splice(lowerBound(rows, row), 0, row);
  }

  remove(key: string, row: number): void {
    const rows = this.rowsByKey.get(key);
    if (!rows) return;
    const i = lowerBound(rows, row);
    if (rows[i] === row) rows.splice(i, 1);
    if (rows.length === 0) this.rowsByKey.delete(key);
  }

  /** The first row with this key, when it is not `row` itself. */
  firstBefore(key: string, row: number): number | null {
    const first = this.rowsByKey.get(key)?.[0];
    return first !== undefined && first < row ? first : null;
  }

  rowsWith(key: string): readonly number[] {
    return this.rowsByKey.get(key) ?? [];
  }
}

function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
