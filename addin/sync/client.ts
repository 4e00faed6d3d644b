/**
 * The service's API as the pane uses it: fetch with the user's token, answers validated, and every
 * failure turned into a SyncError whose message a clerk can read (the service's own Japanese one
 * where it sent one).
 */
import { z } from 'zod';
import type { RowChanges, SubmissionPart, SubmissionResult } from '../../domain/sync/protocol.js';
import type { Translate } from '../i18n/messages.js';
import { SyncError } from './errors.js';

const Counts = z.object({ error: z.number(), warning: z.number(), info: z.number() });
const Result = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('received'),
    submissionId: z.string(),
    ledgerId: z.string(),
    partsReceived: z.number(),
    partsExpected: z.number(),
  }),
  z.object({
    status: z.literal('applied'),
    submissionId: z.string(),
    ledgerId: z.string(),
    revision: z.number().int(),
    appliedAt: z.string(),
    totals: z.object({ rows: z.number(), assessed: z.number(), paid: z.number(), outstanding: z.number() }),
    findings: z.object({ bySeverity: Counts, byRule: z.record(z.string(), z.number()) }),
  }),
]);
const Changes = z.object({
  ledgerId: z.string(),
  revision: z.number().int().min(0),
  rows: z.array(z.object({ key: z.string(), hash: z.string(), revision: z.number() })),
  deleted: z.array(z.object({ key: z.string(), revision: z.number() })),
});
const CityKey = z.object({ key: z.string().min(16) });
const Me = z.object({ role: z.string(), bureau: z.string().nullable(), division: z.string().nullable() });
const ErrorBody = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export type Me = z.infer<typeof Me>;
export type Applied = Extract<SubmissionResult, { status: 'applied' }>;

export interface ClientOptions {
  serverUrl: string;
  token: string;
  t: Translate;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class ApiClient {
  private readonly base: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: ClientOptions) {
    this.base = opts.serverUrl.trim().replace(/\/+$/, '');
    this.fetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  }

  me(): Promise<Me> {
    return this.request('GET', '/api/v1/me', Me);
  }

  async cityKey(): Promise<string> {
    return (await this.request('GET', '/api/v1/city-key', CityKey)).key;
  }

  submit(ledgerId: string, part: SubmissionPart): Promise<SubmissionResult> {
    return this.request('POST', `/api/v1/ledgers/${encodeURIComponent(ledgerId)}/submissions`, Result, part);
  }

  rowsSince(ledgerId: string, since: number): Promise<RowChanges> {
    return this.request('GET', `/api/v1/ledgers/${encodeURIComponent(ledgerId)}/rows?since=${since}`, Changes);
  }

  private async request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const { t } = this.opts;
    let res: Response;
    try {
      res = await this.fetch(this.base + path, {
        method,
        headers: {
          Authorization: `Bearer ${this.opts.token.trim()}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 120_000),
      });
    } catch {
      throw new SyncError('network', t('sync.error.network'), null);
    }
    let json: unknown = undefined;
    try {
      json = await res.json();
    } catch {
      // an empty or non-JSON body: judged by the status below
    }
    if (!res.ok) {
      const err = ErrorBody.safeParse(json);
      if (err.success) throw new SyncError(err.data.code, err.data.message, res.status, err.data.details);
      if (res.status === 401) throw new SyncError('unauthorized', t('sync.error.unauthorized'), 401);
      throw new SyncError('http', t('sync.error.http', { status: res.status }), res.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('unexpected', t('sync.error.unexpected'), res.status);
    return parsed.data;
  }
}
