/**
 * The service's HTTP application: the API under /api/v1 (token required) and the add-in's static
 * files, from one origin so the task pane needs no cross-origin access.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request } from 'express';
import type { Logger } from 'pino';
import { renderManifest } from '../../domain/addin-manifest.js';
import type { Db } from '../db/db.js';
import { authenticate } from './auth.js';
import { ApiFailure, errorHandler, notFoundHandler } from './errors.js';
import { homePage } from './home.js';
import { adminRoutes } from './routes/admin.js';
import { ledgersRoutes } from './routes/ledgers.js';
import { meRoutes } from './routes/me.js';
import { plansRoutes } from './routes/plans.js';
import { reportsRoutes } from './routes/reports.js';
import { hardCasesRoutes } from './routes/hard-cases.js';
import { oversightRoutes } from './routes/oversight.js';
import { planReviewRoutes } from './routes/plan-reviews.js';
import { plansEditRoutes } from './routes/plans-edit.js';
import { proposalsRoutes } from './routes/proposals.js';

export interface AppOptions {
  db: Db;
  logger: Logger;
  /** The built add-in, served under /addin/ (the manifest's URLs point there). */
  staticDir?: string;
  /** JSON body limit; a submission larger than this must be sent in parts. */
  jsonLimit?: string;
}

export const DEFAULT_JSON_LIMIT = '16mb';

export function createApp(o: AppOptions): Express {
  const app = express();
  const jsonLimit = o.jsonLimit ?? DEFAULT_JSON_LIMIT;
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'no-referrer');
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // Method, path and status only: bodies and the Authorization header are never logged.
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      o.logger.info(
        { method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms: Math.round(ms) },
        'request',
      );
    });
    next();
  });

  const api = express.Router();
  api.use(express.json({ limit: jsonLimit, strict: true }));
  api.use(authenticate(o.db));
  api.use(meRoutes(o.db));
  api.use('/admin', adminRoutes(o.db));
  api.use(ledgersRoutes(o.db));
  api.use(plansRoutes(o.db));
  api.use(reportsRoutes(o.db));
  api.use(plansEditRoutes(o.db));
  api.use(planReviewRoutes(o.db));
  api.use(oversightRoutes(o.db));
  api.use(proposalsRoutes(o.db));
  api.use(hardCasesRoutes(o.db));
  api.use(notFoundHandler);
  app.use('/api/v1', api);
  app.use('/api', notFoundHandler);

  if (o.staticDir) {
    app.get('/addin/manifest.xml', manifestHandler());
    app.use('/addin', express.static(o.staticDir, { index: false, fallthrough: true }));
  }
  app.get('/', homePage);
  app.get('/healthz', (_req, res) => res.json({ ok: true }));
  app.use(notFoundHandler);
  app.use(errorHandler(o.logger, jsonLimit));
  return app;
}

/** manifest.xml at the package root (from source or from dist/), read once. */
function committedManifest(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'manifest.xml')) && dirname(dir) !== dir) dir = dirname(dir);
  return readFileSync(join(dir, 'manifest.xml'), 'utf8');
}

const header = (req: Request, name: string): string | undefined => req.get(name)?.split(',')[0]?.trim() || undefined;

/**
 * The origin the client reached: https on a TLS socket; on plain HTTP (loopback only) a TLS-ending
 * reverse proxy in front may say so with X-Forwarded-Proto / X-Forwarded-Host.
 */
function requestOrigin(req: Request): string {
  if ((req.socket as TLSSocket).encrypted) return `https://${req.get('host') ?? ''}`;
  const proto = header(req, 'x-forwarded-proto') ?? 'http';
  return `${proto}://${header(req, 'x-forwarded-host') ?? req.get('host') ?? ''}`;
}

/** GET /addin/manifest.xml: the committed manifest with every URL on the origin this request came to. */
function manifestHandler(): express.RequestHandler {
  let template: string | undefined;
  return (req, res, next) => {
    template ??= committedManifest();
    let xml: string;
    try {
      xml = renderManifest(template, requestOrigin(req));
    } catch {
      const message =
        'アドインは HTTPS でしか読み込めません。HTTPS のサービス（または HTTPS を終端するリバースプロキシ）の URL からマニフェストを取得してください。';
      return next(new ApiFailure(400, 'not-https', message));
    }
    res.type('application/xml').set('Cache-Control', 'no-cache').send(xml);
  };
}
