/**
 * The service's API as the pane uses it: fetch with the user's token, answers validated, and every
 * failure turned into a SyncError whose message a clerk can read (the service's own Japanese one
 * where it sent one).
 */
import { z } from 'zod';
import type { RowChanges, SubmissionPart, SubmissionResult } from '../../domain/sync/protocol.js';
import type { Translate } from '../i18n/messages.js';
import { requestJson, type RequestSettings } from './request.js';

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

  private request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const { t } = this.opts;
    const settings: RequestSettings = {
      base: this.base,
      token: this.opts.token,
      fetch: this.fetch,
      timeoutMs: this.opts.timeoutMs ?? 120_000,
      messages: {
        network: t('sync.error.network'),
        unexpected: t('sync.error.unexpected'),
        unauthorized: t('sync.error.unauthorized'),
        http: (status) => t('sync.error.http', { status }),
      },
    };
    return requestJson(settings, method, path, schema, body);
  }
}
