/**
 * Refusals any service gives, whatever carries them: not allowed, not found, input that does not
 * fit. The HTTP layer sends them as `{ code, message, details }`; nothing here knows of HTTP.
 */
import type { z } from 'zod';
import { ApiFailure } from '../domain/api/errors.js';

export const forbidden = () => new ApiFailure(403, 'forbidden', 'この操作を行う権限がありません。');
export const notFound = (what = '指定されたデータ') => new ApiFailure(404, 'not-found', `${what}が見つかりません。`);

/** A zod failure as a 400 with the offending paths (no values: they may be personal). */
export function invalidInput(error: z.ZodError, message = '送られた内容が正しくありません。'): ApiFailure {
  return new ApiFailure(
    400,
    'invalid-input',
    message,
    error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), problem: i.message })),
  );
}
