/**
 * What a value parser returns. Parsers never throw: a cell is blank, a value, or unreadable with a
 * typed reason that a finding or a UI can explain.
 */

/** A worksheet cell as any reader hands it over (Office.js values, ExcelJS, CSV text). */
export type Cell = string | number | boolean | Date | null | undefined;

export type InvalidReason =
  /** Not in any notation the parser knows. */
  | 'unreadable'
  /** A yen amount with a fraction of a yen. */
  | 'fraction'
  /** A day before its era began (平成1年1月7日), or a day that does not exist (2月30日). */
  | 'no-such-day'
  /** A number outside what the field can hold (a serial before 1900, a year 10000). */
  | 'out-of-range'
  /** An enum value that is not one of the field's options. */
  | 'unknown-option';

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: InvalidReason };

export const BLANK: Parsed<never> = { ok: true, value: null };

export function valueOf<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function invalid(reason: InvalidReason): Parsed<never> {
  return { ok: false, reason };
}
