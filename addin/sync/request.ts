/**
 * One request to the service: the user's token, a timeout, the answer validated, and every failure
 * a SyncError a clerk can read (the service's own Japanese message where it sent one). Shared by
 * the sync client and the oversight API.
 */
import { z } from 'zod';
import { ApiErrorBody } from '../../domain/api/errors.js';
import { pathOf, type RouteSpec } from '../../domain/api/routes.js';
import { knownApiCode, SyncError } from './errors.js';

// A refusal from an older service may lack `details`.
const ErrorBody = ApiErrorBody.partial({ details: true });

export interface RequestSettings {
  base: string;
  token: string;
  fetch: typeof fetch;
  timeoutMs: number;
  messages: { network: string; unexpected: string; unauthorized: string; http: (status: number) => string };
}

export async function requestJson<T>(
  s: RequestSettings,
  method: string,
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<T> {
  let res: Response;
  try {
    res = await s.fetch(s.base + path, {
      method,
      headers: {
        Authorization: `Bearer ${s.token.trim()}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(s.timeoutMs),
    });
  } catch {
    throw new SyncError('network', s.messages.network, null);
  }
  let json: unknown = undefined;
  try {
    json = await res.json();
  } catch {
    // an empty or non-JSON body: judged by the status below
  }
  if (!res.ok) {
    const err = ErrorBody.safeParse(json);
    if (err.success) throw new SyncError(knownApiCode(err.data.code), err.data.message, res.status, err.data.details);
    if (res.status === 401) throw new SyncError('unauthorized', s.messages.unauthorized, 401);
    throw new SyncError('http', s.messages.http(res.status), res.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SyncError('unexpected', s.messages.unexpected, res.status);
  return parsed.data;
}

/** A call of one route of the table (domain/api/routes.ts): its method, its path with `params`, `query` appended. */
export interface RouteCall {
  params?: Readonly<Record<string, string | number>>;
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  body?: unknown;
}

export function requestRoute<T>(
  s: RequestSettings,
  route: Pick<RouteSpec, 'method' | 'path'>,
  schema: z.ZodType<T>,
  call: RouteCall = {},
): Promise<T> {
  return requestJson(s, route.method, pathOf(route, call.params, call.query), schema, call.body);
}
