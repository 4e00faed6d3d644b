/**
 * Routes registered from the route table (domain/api/routes.ts), so the table and the router are
 * one thing: an entry's method, path and roles register it, its query and body schemas parse the
 * request, and its answer schema types what the handler returns.
 *
 * Parsing is the handler's call, not done up front: a route first resolves what its path names
 * (404 unknown, 403 out of reach) and only then reads the body (400), as every route always has,
 * and each passes its own Japanese message for an `invalid-input` refusal.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { ROUTES, type ResponseOf, type RouteName, type Routes, type RouteSpec } from '../../domain/api/routes.js';
import type { Actor } from '../actor.js';
import { principal, requireRole } from './auth.js';
import { handle, parseJa } from './errors.js';

/** Where the API's routers are mounted (the table's paths are full). */
export const API_BASE = '/api/v1';

/** The routes that need a token. */
type TokenRoute = { [N in RouteName]: Routes[N]['roles'] extends 'public' ? never : N }[RouteName];
/** Those that answer JSON, or nothing (204). */
type AnsweringRoute = {
  [N in TokenRoute]: Routes[N]['response'] extends z.ZodType | null ? N : never;
}[TokenRoute];

type BodyIn<N extends RouteName> = Routes[N] extends { body: z.ZodType } ? z.output<Routes[N]['body']> : never;
type QueryIn<N extends RouteName> = Routes[N] extends { query: z.ZodObject } ? z.output<Routes[N]['query']> : never;
type OkStatus<N extends RouteName> = Routes[N] extends { ok: readonly (infer S)[] } ? S : 200;
/** What a handler returns: the entry's answer, or null for 204 No Content. */
export type AnswerOf<N extends RouteName> = Routes[N]['response'] extends null ? null : ResponseOf<N>;

export interface RouteCall<N extends RouteName> {
  req: Request;
  res: Response;
  /** The caller, of a role the entry allows. */
  actor: Actor;
  /** Path parameters as sent: each route resolves them to what they name (404, 403) or a fiscal year (400). */
  params: Readonly<Record<string, string>>;
  /** The body parsed with the entry's schema; otherwise 400 `invalid-input` with `message`. */
  body(message: string): BodyIn<N>;
  /** The query parsed with the entry's schema; otherwise 400 `invalid-input` with `message`. */
  query(message: string): QueryIn<N>;
  /** The success status, where the entry allows more than one (its first is sent otherwise). */
  status(s: OkStatus<N>): void;
}

export type RouteHandler<N extends RouteName> = (c: RouteCall<N>) => Promise<AnswerOf<N>> | AnswerOf<N>;

/** The routers of one mount point, taking every route from the table. */
export class TableRouter {
  readonly router = Router();

  constructor(private readonly mount = API_BASE) {}

  /** A route whose handler returns the entry's answer (sent as JSON, or 204 for null). */
  answer<N extends AnsweringRoute>(name: N, handler: RouteHandler<N>): this {
    const spec: RouteSpec = ROUTES[name];
    return this.add(
      name,
      handle(async (req, res) => {
        let status = spec.ok?.[0] ?? 200;
        const call: RouteCall<N> = {
          req,
          res,
          actor: principal(req),
          params: req.params as Record<string, string>,
          body: (message) => parseJa(spec.body as z.ZodType, req.body, message) as BodyIn<N>,
          query: (message) => parseJa(spec.query as z.ZodType, req.query, message) as QueryIn<N>,
          status: (s) => void (status = s as number),
        };
        const answer = await handler(call);
        if (answer === null) res.status(status).end();
        else res.status(status).json(answer);
      }),
    );
  }

  /** A route that sends its own answer (a stream, a file, a status it decides): the table gives path and roles. */
  sends<N extends TokenRoute>(name: N, ...handlers: RequestHandler[]): this {
    return this.add(name, ...handlers);
  }

  private add(name: TokenRoute, ...handlers: RequestHandler[]): this {
    const spec: RouteSpec = ROUTES[name];
    if (spec.roles === 'public' || !spec.path.startsWith(this.mount)) {
      throw new Error(`${name}: ${spec.path} is not a token route under ${this.mount}`);
    }
    const method = spec.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    this.router[method](spec.path.slice(this.mount.length) || '/', requireRole(...spec.roles), ...handlers);
    return this;
  }
}
