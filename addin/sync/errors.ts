/** Failed calls to the service: the service's codes (`domain/api/errors.ts`) and the pane's own. */
import { API_ERRORS, type ApiErrorCode } from '../../domain/api/errors.js';
import { isRetryable } from '../../domain/sync/outbox-rules.js';

/** The pane's own codes: no answer, an answer without a code it knows, an unreadable answer, a failed catch-up. */
export type PaneErrorCode = 'network' | 'http' | 'unexpected' | 'catch-up';
export type SyncErrorCode = ApiErrorCode | PaneErrorCode;

/** A code this pane knows; a newer service's new code is read as a plain HTTP failure (its message kept). */
export const knownApiCode = (code: string): ApiErrorCode | 'http' =>
  Object.hasOwn(API_ERRORS, code) ? (code as ApiErrorCode) : 'http';

/** A failed call to the service, with the service's code and (Japanese) message, or the pane's own. */
export class SyncError extends Error {
  constructor(
    /** The service's code (`stale-revision`, `personal-field`, …) or the pane's own. */
    readonly code: SyncErrorCode,
    message: string,
    /** HTTP status; null where no answer arrived. */
    readonly status: number | null,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  /**
   * Sending the same submission again later may succeed: no answer, server trouble, a token to fix,
   * or an answer we could not read (the service may have applied it; a resend is idempotent).
   */
  get retryable(): boolean {
    return isRetryable(this);
  }
}
