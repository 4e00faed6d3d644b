/**
 * The service's HTTP application: the API under /api/v1 (token required) and the add-in's static
 * files, from one origin so the task pane needs no cross-origin access.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { renderManifest } from '../../domain/addin-manifest.js';
import type { Db } from '../db/db.js';
import { authenticate } from './auth.js';
import { ApiFailure, errorHandler, notFoundHandler } from './errors.js';
import { homePage } from './home.js';
import { addinHeaders, apiHeaders, AuthThrottle, baseHeaders, failureLog, manifestOrigin } from './security.js';
import {
  DEFAULT_OFFICE_JS,
  officeJsHealth,
  renderTaskpane,
  SELF_OFFICE_JS_BASE,
  type OfficeJsSource,
} from './office-js.js';
import { officeJsFiles } from './office-js-files.js';
import { adminRoutes } from './routes/admin.js';
import { ledgersRoutes } from './routes/ledgers.js';
import { meRoutes } from './routes/me.js';
import { lateChargesRoutes } from './routes/late-charges.js';
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
  /**
   * The origins clients reach the service at (`https://host:port`), for the manifest. Without
   * any, the manifest is rendered only for this machine's own names.
   */
  publicOrigins?: readonly string[];
  /** Failed authentications allowed per client address and window before 429. */
  authFailures?: { limit: number; windowMs: number };
  /** Where the pane loads office.js from (default: Microsoft's CDN). */
  officeJs?: OfficeJsSource;
}

export const DEFAULT_JSON_LIMIT = '16mb';

export function createApp(o: AppOptions): Express {
  const app = express();
  const jsonLimit = o.jsonLimit ?? DEFAULT_JSON_LIMIT;
  app.disable('x-powered-by');
  app.use(baseHeaders);
  app.use((req, res, next) => {
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
  api.use(apiHeaders);
  // Who is calling comes first: no body is read, inflated or parsed for a caller without a token.
  const throttle = new AuthThrottle(failureLog(o.db), o.authFailures?.limit, o.authFailures?.windowMs);
  api.use(authenticate(o.db, throttle, o.logger));
  api.use(express.json({ limit: jsonLimit, strict: true }));
  api.use(meRoutes(o.db));
  api.use(lateChargesRoutes(o.db));
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
  app.use('/api', apiHeaders, notFoundHandler);

  const officeJs = o.officeJs ?? DEFAULT_OFFICE_JS;
  if (o.staticDir) {
    app.get('/addin/manifest.xml', manifestHandler(o.publicOrigins ?? []));
    app.get('/addin/taskpane.html', addinHeaders(officeJs), taskpaneHandler(o.staticDir, officeJs));
    if (officeJs.kind === 'self') app.use(SELF_OFFICE_JS_BASE, addinHeaders(officeJs), officeJsFiles(officeJs));
    app.use('/addin', addinHeaders(officeJs), express.static(o.staticDir, { index: false, fallthrough: true }));
  }
  app.get('/', homePage);
  app.get('/healthz', (_req, res) => res.json({ ok: true, officeJs: officeJsHealth(officeJs) }));
  app.use(notFoundHandler);
  app.use(errorHandler(o.logger, jsonLimit));
  return app;
}

/**
 * GET /addin/taskpane.html: the built pane with office.js from the chosen source, read once.
 * Revalidated on every open, so a restart with another source or a new build takes effect at once.
 */
function taskpaneHandler(staticDir: string, officeJs: OfficeJsSource): express.RequestHandler {
  let page: string | undefined;
  return (_req, res, next) => {
    try {
      page ??= renderTaskpane(readFileSync(join(staticDir, 'taskpane.html'), 'utf8'), officeJs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return next();
      return next(e);
    }
    res.type('html').set('Cache-Control', 'no-cache').send(page);
  };
}

/** manifest.xml at the package root (from source or from dist/), read once. */
function committedManifest(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'manifest.xml')) && dirname(dir) !== dir) dir = dirname(dir);
  return readFileSync(join(dir, 'manifest.xml'), 'utf8');
}

/** GET /addin/manifest.xml: the committed manifest with every URL on the origin this request came to (if trusted). */
function manifestHandler(publicOrigins: readonly string[]): express.RequestHandler {
  let template: string | undefined;
  return (req, res, next) => {
    template ??= committedManifest();
    let xml: string;
    let origin: string;
    try {
      origin = manifestOrigin(req, publicOrigins);
    } catch (e) {
      return next(e);
    }
    try {
      xml = renderManifest(template, origin);
    } catch {
      const message =
        'アドインは HTTPS でしか読み込めません。HTTPS のサービス（または HTTPS を終端するリバースプロキシ）の URL からマニフェストを取得してください。';
      return next(new ApiFailure(400, 'not-https', message));
    }
    res.type('application/xml').set('Cache-Control', 'no-cache').send(xml);
  };
}
