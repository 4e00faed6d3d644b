/**
 * The service's API as the pane uses it: fetch with the user's token, answers validated, and every
 * failure turned into a SyncError whose message a clerk can read (the service's own Japanese one
 * where it sent one). Requests and answers are the route table's (domain/api/routes.ts).
 */
import { z } from 'zod';
import type { CityLateCharges } from '../../domain/api/late-charges.js';
import { ROUTES, type RouteSpec } from '../../domain/api/routes.js';
import type { RowChanges, SubmissionPart, SubmissionResult } from '../../domain/sync/protocol.js';
import type { Translate } from '../i18n/messages.js';
import { requestRoute, type RequestSettings, type RouteCall } from './request.js';

/** Who the caller is: the pane needs no ruleset version. */
const Me = ROUTES.me.response.pick({ role: true, bureau: true, division: true });

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
    return this.request(ROUTES.me, Me);
  }

  async cityKey(): Promise<string> {
    return (await this.request(ROUTES.cityKey, ROUTES.cityKey.response)).key;
  }

  submit(ledgerId: string, part: SubmissionPart): Promise<SubmissionResult> {
    return this.request(ROUTES.submit, ROUTES.submit.response, { params: { ledgerId }, body: part });
  }

  /** The city's late-charge table (or the built-in one, where the city keeps none). */
  lateCharges(): Promise<CityLateCharges> {
    return this.request(ROUTES.lateCharges, ROUTES.lateCharges.response);
  }

  rowsSince(ledgerId: string, since: number): Promise<RowChanges> {
    return this.request(ROUTES.rowsSince, ROUTES.rowsSince.response, { params: { ledgerId }, query: { since } });
  }

  private request<T>(
    route: Pick<RouteSpec, 'method' | 'path'>,
    schema: z.ZodType<T>,
    call: RouteCall = {},
  ): Promise<T> {
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
    return requestRoute(settings, route, schema, call);
  }
}
