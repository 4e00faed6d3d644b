/**
 * Sums of yen that may pass what a double holds exactly. Each amount saiken accepts is at most
 * MAX_YEN (about 2^40), but a city's sum over many claims can pass 2^53, where a JavaScript
 * `number` starts to round. Sums are taken as BigInt; at the edges:
 *
 * - JSON: a number while |n| ≤ 2^53 − 1 (every real city), else the decimal digits as a string
 *   (`"18014398509481982"`): never a rounded number. `integerOf` reads either form back exactly.
 * - .xlsx: a number while |n| < 10^15 (Excel keeps 15 significant digits), else the figure as text
 *   in the sheet's amount format (`1,234,…`, `△ 1,234,…`), so the digits shown are the digits summed.
 */

/** An integer as the service's JSON carries it: see the file's note. */
export type JsonInteger = number | string;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** The largest magnitude an Excel cell stores to the unit: 15 significant digits. */
const SHEET_EXACT = 999_999_999_999_999n;

export function jsonInteger(n: bigint): JsonInteger {
  return n <= MAX_SAFE && n >= -MAX_SAFE ? Number(n) : n.toString();
}

/** A JSON integer (or a safe `number`, or a BigInt) back as a BigInt, exactly. */
export function integerOf(x: JsonInteger | bigint): bigint {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'number') {
    if (!Number.isSafeInteger(x)) throw new RangeError(`not an exact integer: ${x}`);
    return BigInt(x);
  }
  if (!/^-?\d+$/.test(x)) throw new RangeError(`not an integer: ${x}`);
  return BigInt(x);
}

/** `1,234`; `△ 1,234` for a negative: what `#,##0;"△ "#,##0` shows. */
function groupedYen(n: bigint): string {
  const abs = (n < 0n ? -n : n).toString().replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0n ? `△ ${abs}` : abs;
}

/** An integer for a sheet cell: a number Excel holds exactly, else its grouped text (see the note). */
export function sheetInteger(n: bigint): number | string {
  return n <= SHEET_EXACT && n >= -SHEET_EXACT ? Number(n) : groupedYen(n);
}
