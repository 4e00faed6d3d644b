/** A failed call to the service, with the service's code and (Japanese) message, or the pane's own. */
export class SyncError extends Error {
  constructor(
    /** The service's code (`stale-revision`, `personal-field`, …) or the pane's: network, http, unexpected, catch-up. */
    readonly code: string,
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
    const s = this.status;
    return s === null || s >= 500 || [401, 403, 408, 429].includes(s) || this.code === 'unexpected';
  }
}
