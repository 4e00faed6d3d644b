/**
 * Transport and browser protections: response headers for the API, the task pane and the pages,
 * the origins the manifest may be rendered for, and a brake on failed authentication.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import type { Request, RequestHandler } from 'express';
import type { TLSSocket } from 'node:tls';
import type { Queryable } from '../db/db.js';
import { nthRecentFailure, pruneFailures, recordFailure } from '../db/repos/auth-failures.js';
import { ApiFailure } from './errors.js';
import { isLoopbackName } from './loopback.js';
import { DEFAULT_OFFICE_JS, officeJsOrigins, type OfficeJsSource } from './office-js.js';

/** Office on the web frames the task pane; desktop Excel has no ancestor. Nothing else may frame it. */
const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.sharepoint.com',
];

/**
 * The task pane keeps the user's token in its storage, so it runs only its own scripts and
 * office.js from exactly the chosen source (with `self`, nothing from anywhere else), talks only
 * to this origin and that source, and no other page may frame it. Fluent UI writes its styles at
 * run time, hence 'unsafe-inline' for styles (never for scripts).
 */
export function paneCsp(officeJs: OfficeJsSource): string {
  const allowed = ["'self'", ...officeJsOrigins(officeJs)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${allowed}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${allowed}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors 'self' ${OFFICE_FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

/** The pane's policy with office.js from Microsoft's CDN (the default). */
export const PANE_CSP = paneCsp(DEFAULT_OFFICE_JS);

/** JSON is never a document: nothing may run or be framed from an API response. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const isTls = (req: Request) => Boolean((req.socket as TLSSocket).encrypted);

/** Headers on every response; HSTS only over HTTPS (it means nothing, and is ignored, over HTTP). */
export const baseHeaders: RequestHandler = (req, res, next) => {
  res.set('X-Content-Type-Options', 'nosniff');
  res.set('Referrer-Policy', 'no-referrer');
  if (isTls(req)) res.set('Strict-Transport-Security', 'max-age=31536000');
  next();
};

/** The API: never cached (ledger, claim, proposal and hard-case data; tokens), never a document. */
export const apiHeaders: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  res.set('Pragma', 'no-cache');
  res.set('Content-Security-Policy', API_CSP);
  next();
};

/** The add-in's files: the pane's policy on every one (HTML needs it; the rest are harmless with it). */
export function addinHeaders(officeJs: OfficeJsSource): RequestHandler {
  const csp = paneCsp(officeJs);
  return (_req, res, next) => {
    res.set('Content-Security-Policy', csp);
    next();
  };
}

/**
 * Which origin the manifest is rendered for. With configured public origins, the request's host
 * must be one of them; without, only this machine's own names (loopback and its host name) are
 * trusted, so a forged Host header cannot make the service hand out a manifest pointing elsewhere.
 */
export function manifestOrigin(req: Request, publicOrigins: readonly string[]): string {
  const forwardedProto = isTls(req) ? undefined : firstHeader(req, 'x-forwarded-proto');
  const forwardedHost = isTls(req) ? undefined : firstHeader(req, 'x-forwarded-host');
  const proto = isTls(req) ? 'https' : (forwardedProto ?? 'http');
  const host = (forwardedHost ?? req.get('host') ?? '').toLowerCase();
  const origin = `${proto}://${host}`;
  if (publicOrigins.length > 0) {
    const match = publicOrigins.find((o) => o.toLowerCase() === origin);
    if (match) return match;
    throw unknownOrigin(publicOrigins);
  }
  const name = host.replace(/:\d+$/, '');
  if (isLoopbackName(name) || name === hostname().toLowerCase()) return origin;
  throw unknownOrigin(publicOrigins);
}

function unknownOrigin(publicOrigins: readonly string[]): ApiFailure {
  return new ApiFailure(
    400,
    'unknown-origin',
    'このホスト名はサービスの公開 URL として登録されていません。サービスを --public-origin https://ホスト名:ポート で起動するか、登録済みの URL からマニフェストを取得してください。',
    { publicOrigins },
  );
}

const firstHeader = (req: Request, name: string): string | undefined =>
  req.get(name)?.split(',')[0]?.trim() || undefined;

/** `https://host[:port]` with nothing after it: the form `--public-origin` takes. */
export function parsePublicOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`公開 URL（--public-origin）が URL として読めません: ${raw}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackName(url.hostname))) {
    throw new Error(`公開 URL（--public-origin）は https:// で指定してください: ${raw}`);
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(
      `公開 URL（--public-origin）にはパスなどを付けず https://ホスト名:ポート の形で指定してください: ${raw}`,
    );
  }
  return url.origin;
}

/** Where failed authentications are counted: the database (`db/repos/auth-failures.ts`). */
export interface FailureLog {
  /** The time of the `n`th most recent failure from `address` after `since`, if there are `n`. */
  nthRecent(address: string, since: number, n: number): Promise<number | undefined>;
  /** Records a failure at `at`; failures at or before `expired` may be forgotten. */
  record(address: string, at: number, expired: number): Promise<void>;
}

/** The failure log of a database, shared by every service instance that serves it. */
export function failureLog(db: Queryable): FailureLog {
  return {
    nthRecent: (address, since, n) => nthRecentFailure(db, address, since, n),
    async record(address, at, expired) {
      await recordFailure(db, address, at);
      // Best effort: an expired row left behind (two instances pruning at once) goes with the next failure.
      await pruneFailures(db, expired).catch(() => undefined);
    },
  };
}

export const DEFAULT_AUTH_FAILURES = { limit: 30, windowMs: 60_000 } as const;

/**
 * Failed authentication, counted per client address in a sliding window: past the limit, the
 * address gets 429 without its token being looked at, until the window has moved on. Only
 * failures count (requests in flight together may pass the limit by their number), so clerks
 * sharing one address behind a proxy are never braked for their own valid requests. The failures
 * are kept in the database, so that several instances of the service on one database brake
 * together and a restart does not reset the count: a request reads them (one indexed read, no
 * write), a failure adds one row with the address and the time — never the token, nor, for an
 * address that is not an IP address (a forged header), the text given (it is stored hashed).
 * Instances on one database should share the limit and window (the default): the shortest window
 * prunes for all. Tokens are 256-bit random; this is a brake on noise and guessing, not the defence.
 */
export class AuthThrottle {
  constructor(
    private readonly log: FailureLog,
    readonly limit: number = DEFAULT_AUTH_FAILURES.limit,
    readonly windowMs: number = DEFAULT_AUTH_FAILURES.windowMs,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until this address may try again (0: it may now). */
  async retryAfter(address: string): Promise<number> {
    const now = this.now();
    const nth = await this.log.nthRecent(failureKey(address), now - this.windowMs, this.limit);
    return nth === undefined ? 0 : Math.max(1, nth + this.windowMs - now);
  }

  async fail(address: string, at = this.now()): Promise<void> {
    await this.log.record(failureKey(address), at, at - this.windowMs);
  }
}

/**
 * The address as counted and stored: an IP address as it is; anything else (only a header a
 * local client forged can give one) as a digest, so that no text a client chose is ever stored.
 */
export function failureKey(address: string): string {
  return isIP(address) ? address : `sha256:${createHash('sha256').update(address, 'utf8').digest('hex')}`;
}

/**
 * The client's address: the socket's, or — when the socket is a reverse proxy on this machine —
 * the address that proxy appended last to X-Forwarded-For (earlier entries are the client's word).
 */
export function clientAddress(req: Request): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const loopback = peer === '::1' || peer.startsWith('127.') || peer.startsWith('::ffff:127.');
  const forwarded = loopback ? req.get('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
  return forwarded || peer;
}

export function tooManyFailures(retryAfterMs: number): ApiFailure {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return new ApiFailure(
    429,
    'too-many-failures',
    `認証の失敗が続いたため、しばらく受け付けを止めています。${seconds} 秒ほど待ってから、正しいトークンでお試しください。`,
    { retryAfterSeconds: seconds },
  );
}
