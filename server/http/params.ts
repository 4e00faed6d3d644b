/**
 * Path and query parameters: a record's id, and the `fy` of a request in any notation
 * parseFiscalYear reads (`2024`, `R6`, `令和6年度`) within MIN_FISCAL_YEAR..MAX_FISCAL_YEAR: a year
 * outside (明治・大正, 1900, 99999, 令和99年度) is a 400 with a Japanese message here at the edge,
 * never a failure deeper down.
 */
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '../../domain/values/limits.js';
import { parseFiscalYear } from '../../domain/values/index.js';
import { ApiFailure } from '../../domain/api/errors.js';
import { FISCAL_YEAR_RANGE_MESSAGE } from '../../domain/api/common.js';

export { FISCAL_YEAR_RANGE_MESSAGE };

export const inFiscalRange = (fy: number) => fy >= MIN_FISCAL_YEAR && fy <= MAX_FISCAL_YEAR;

export function fiscalYearParam(value: unknown, parameter = 'fy'): number {
  const p = typeof value === 'string' && value.length <= 20 ? parseFiscalYear(value) : null;
  if (p && !p.ok && p.reason === 'out-of-range') {
    throw new ApiFailure(400, 'invalid-fiscal-year', FISCAL_YEAR_RANGE_MESSAGE, {
      parameter,
      min: MIN_FISCAL_YEAR,
      max: MAX_FISCAL_YEAR,
    });
  }
  if (p?.ok && p.value !== null && (p.value < MIN_FISCAL_YEAR || p.value > MAX_FISCAL_YEAR)) {
    throw new ApiFailure(400, 'invalid-fiscal-year', FISCAL_YEAR_RANGE_MESSAGE, { parameter });
  }
  if (!p?.ok || p.value === null) {
    throw new ApiFailure(
      400,
      'invalid-fiscal-year',
      `年度（${parameter}）を 2024、R6、令和6年度 のように指定してください。`,
      { parameter, min: MIN_FISCAL_YEAR, max: MAX_FISCAL_YEAR },
    );
  }
  return p.value;
}

/** A fiscal year from a path or query (`2024`, `R6`, `令和6年度`), within the years saiken works with. */
export function fiscalYearIn(value: unknown, parameter = 'fy'): number {
  const fy = fiscalYearParam(value);
  if (!inFiscalRange(fy)) throw new ApiFailure(400, 'invalid-fiscal-year', FISCAL_YEAR_RANGE_MESSAGE, { parameter });
  return fy;
}

/** A positive integer id from a path (`:claimId`, `:id`), or null: an id of another form cannot exist. */
export function pathId(param: unknown): number | null {
  const id = typeof param === 'string' && /^[1-9][0-9]{0,15}$/.test(param) ? Number(param) : NaN;
  return Number.isSafeInteger(id) ? id : null;
}
