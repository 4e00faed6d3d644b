/**
 * The calls `saiken submit` makes, on the route table (domain/api/routes.ts): the city key, the
 * parts of a submission, and the rows changed since a revision. Every failure is a CallError: a
 * sentence for the clerk, and the code and status the sync's decisions read (`outbox-rules.ts`).
 */
import type { z } from 'zod';
import { ApiErrorBody } from '../../../domain/api/errors.js';
import { pathOf, ROUTES, type RouteSpec } from '../../../domain/api/routes.js';
import type { CallFailure } from '../../../domain/sync/outbox-rules.js';
import type { RowChanges, SubmissionPart, SubmissionResult } from '../../../domain/sync/protocol.js';
import { callApi, ConnectionError, type ServerOptions } from '../client.js';
import { CliError } from '../errors.js';
import type { SubmitMessages } from './messages.js';

/** A call that failed: no answer (`network`, status null), a refusal with the service's code, or an unreadable answer. */
export class CallError extends CliError implements CallFailure {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number | null,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class SubmitService {
  constructor(
    private readonly server: ServerOptions,
    private readonly m: SubmitMessages,
  ) {}

  async cityKey(): Promise<string> {
    return (await this.call(ROUTES.cityKey, ROUTES.cityKey.response)).key;
  }

  submit(ledgerId: string, part: SubmissionPart): Promise<SubmissionResult> {
    return this.call(ROUTES.submit, ROUTES.submit.response, { ledgerId }, {}, part);
  }

  rowsSince(ledgerId: string, since: number): Promise<RowChanges> {
    return this.call(ROUTES.rowsSince, ROUTES.rowsSince.response, { ledgerId }, { since });
  }

  private async call<T>(
    route: Pick<RouteSpec, 'method' | 'path'>,
    schema: z.ZodType<T>,
    params: Record<string, string> = {},
    query: Record<string, number> = {},
    body?: unknown,
  ): Promise<T> {
    const path = pathOf(route, params, query).replace(/^\//, '');
    let res;
    try {
      res = await callApi(this.server, path, {
        method: route.method === 'POST' ? 'POST' : 'GET',
        ...(body === undefined ? {} : { body: Buffer.from(JSON.stringify(body)), contentType: 'application/json' }),
      });
    } catch (e) {
      if (e instanceof ConnectionError) throw new CallError(this.m.unreachable(e.message), 'network', null);
      throw e;
    }
    let json: unknown;
    try {
      json = JSON.parse(res.body.toString('utf8'));
    } catch {
      json = undefined;
    }
    if (res.status < 200 || res.status >= 300) throw this.failure(res.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new CallError(this.m.unexpected, 'unexpected', res.status);
    return parsed.data;
  }

  private failure(status: number, json: unknown): CallError {
    const body = ApiErrorBody.partial({ details: true }).safeParse(json);
    if (status === 401) return new CallError(this.m.unauthorized, 'unauthorized', status);
    if (status === 403 && (!body.success || body.data.code === 'forbidden')) {
      return new CallError(this.m.forbidden, 'forbidden', status);
    }
    if (body.success) {
      const { code, message, details } = body.data;
      return new CallError(this.m.refused(message), code, status, details);
    }
    return new CallError(this.m.serverError(status), 'http', status);
  }
}
