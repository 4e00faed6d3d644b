/**
 * Every error a client sees: `{ code, message, details }` with a Japanese message. Nothing else
 * (no stack, no SQL) ever reaches a response.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ApiFailure } from '../../domain/api/errors.js';
import { invalidInput, notFound } from '../refusals.js';

export { ApiFailure };

export const unauthorized = () =>
  new ApiFailure(401, 'unauthorized', 'トークンがないか、無効です。設定画面で正しいトークンを入力してください。');
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, message?: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw invalidInput(r.error, message);
  return r.data;
}

const JA = z.locales.ja();

/** Like parseWith, but zod's own messages in Japanese (per parse: the process-wide config stays as it is). */
export function parseJa<T>(schema: z.ZodType<T>, value: unknown, message = '送られた内容が正しくありません。'): T {
  const r = schema.safeParse(value, { error: JA.localeError });
  if (!r.success) throw invalidInput(r.error, message);
  return r.data;
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => next(notFound('ページ'));

/** Express's own errors (bad JSON, body too large) and ours, as JSON; anything else is a logged 500. */
export function errorHandler(logger: Logger, bodyLimit: string): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let failure: ApiFailure;
    if (err instanceof ApiFailure) failure = err;
    else if (err?.type === 'entity.too.large') {
      failure = new ApiFailure(
        413,
        'too-large',
        `送信データが大きすぎます（上限 ${bodyLimit}）。行を複数の部分（part）に分けて送ってください。`,
        { limit: bodyLimit },
      );
    } else if (err?.type === 'entity.parse.failed' || err instanceof SyntaxError) {
      failure = new ApiFailure(400, 'malformed-json', 'JSON として読めません。');
    } else if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') {
      failure = new ApiFailure(415, 'unsupported-encoding', '文字コードは UTF-8 で送ってください。');
    } else if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      failure = new ApiFailure(err.status, 'bad-request', '要求を処理できません。');
    } else {
      logger.error({ err, method: req.method, path: req.path }, 'unexpected error');
      failure = new ApiFailure(
        500,
        'internal',
        'サービス内部でエラーが起きました。時間をおいてもう一度お試しください。',
      );
    }
    if (res.headersSent) return;
    res.status(failure.status).json({ code: failure.code, message: failure.message, details: failure.details ?? null });
  };
}

/** Wraps an async handler so a rejection reaches the error handler. */
export function handle(fn: (...args: Parameters<RequestHandler>) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    fn(req, res, next).catch(next);
  };
}

/**
 * Requests Node's HTTP parser refuses before express sees them (headers or URL over the 16 KB
 * limit, a malformed request line) get the same JSON as every other error, not a bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const failure =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? new ApiFailure(
            431,
            'headers-too-large',
            'URL かヘッダーが長すぎます。トークンや URL が正しいか確認してください。',
          )
        : new ApiFailure(400, 'bad-request', '要求を処理できません。');
    const body = JSON.stringify({ code: failure.code, message: failure.message, details: null });
    socket.end(
      `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
