/**
 * The service's HTTP application: the API under /api/v1 (token required) and the add-in's static
 * files, from one origin so the task pane needs no cross-origin access.
 */
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../db/db.js';
import { authenticate } from './auth.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { adminRoutes } from './routes/admin.js';
import { ledgersRoutes } from './routes/ledgers.js';
import { meRoutes } from './routes/me.js';
import { plansRoutes } from './routes/plans.js';
import { reportsRoutes } from './routes/reports.js';

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
  api.use(notFoundHandler);
  app.use('/api/v1', api);
  app.use('/api', notFoundHandler);

  if (o.staticDir) app.use('/addin', express.static(o.staticDir, { index: false, fallthrough: true }));
  app.get('/healthz', (_req, res) => res.json({ ok: true }));
  app.use(notFoundHandler);
  app.use(errorHandler(o.logger, jsonLimit));
  return app;
}
