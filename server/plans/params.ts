/** The `fy` of a request, in any notation parseFiscalYear reads (`2024`, `R6`, `令和6年度`). */
import { parseFiscalYear } from '../../domain/values/index.js';
import { ApiFailure } from '../http/errors.js';

export function fiscalYearParam(value: unknown): number {
  const p = typeof value === 'string' && value.length <= 20 ? parseFiscalYear(value) : null;
  if (!p?.ok || p.value === null) {
    throw new ApiFailure(400, 'invalid-fiscal-year', '年度（fy）を 2024、R6、令和6年度 のように指定してください。', {
      parameter: 'fy',
    });
  }
  return p.value;
}
