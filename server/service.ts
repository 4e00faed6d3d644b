/**
 * Starting the service: open and migrate the database, make the first admin token, start the
 * check thread (stopped again on close), serve the API and the add-in over HTTPS (a self-signed
 * development certificate is made when none is configured; plain HTTP only on loopback).
 */
import { mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import selfsigned from 'selfsigned';
import { createApp } from './http/app.js';
import { answerClientErrors } from './http/errors.js';
import { DEFAULT_AUTH_FAILURES } from './http/security.js';
import { DEFAULT_OFFICE_JS, officeJsHealth, type OfficeJsChoice, type OfficeJsSource } from './http/office-js.js';
import { resolveOfficeJs } from './http/office-js-files.js';
import { migrate } from './db/migrate.js';
import type { Db } from './db/db.js';
import { isPostgresUrl, openDb } from './db/open.js';
import { pruneFailures } from './db/repos/auth-failures.js';
import { countTokens } from './db/repos/tokens.js';
import { startCheckThread } from './sync/check-thread.js';
import { createFirstAdminToken } from './tokens.js';

export interface ServiceOptions {
  port: number;
  host: string;
  /** A SQLite file, or a `postgres://` URL. */
  database: string;
  /** PostgreSQL's connection pool size. */
  dbPoolSize?: number;
  /** Where a development certificate is kept: beside a SQLite file by default, else `data/`. */
  dataDir?: string;
  /** Plain HTTP: only allowed on a loopback host. */
  http: boolean;
  staticDir?: string;
  tlsCert?: string;
  tlsKey?: string;
  logger?: Logger;
  /** Where clients reach the service (`https://host:port`): the manifest is rendered for these only. */
  publicOrigins?: readonly string[];
  /**
   * Failed authentications allowed per client address and window before 429 (default 30 a minute),
   * counted in the database: instances serving one database should be given the same.
   */
  authFailures?: { limit: number; windowMs: number };
  /** Where the pane loads office.js from: Microsoft's CDN (default), this service (`self`), or a mirror's URL. */
  officeJs?: OfficeJsChoice;
}

export interface RunningService {
  url: string;
  db: Db;
  server: Server;
  /** The admin token made on first start (print it once), else null. */
  firstAdminToken: string | null;
  /** A pre-upgrade copy that still holds data the upgrade removed as personal: to delete once verified. */
  upgradeBackupToDelete: string | null;
  /** Where the pane loads office.js from (with `self`, the package's version). */
  officeJs: OfficeJsSource;
  close(): Promise<void>;
}

export class ServiceConfigError extends Error {}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startService(o: ServiceOptions): Promise<RunningService> {
  if (o.http && !LOOPBACK.has(o.host)) {
    throw new ServiceConfigError('HTTP（暗号化なし）は 127.0.0.1 など自分のマシンからの接続に限って使えます。');
  }
  let officeJs: OfficeJsSource;
  try {
    officeJs = resolveOfficeJs(o.officeJs ?? DEFAULT_OFFICE_JS);
  } catch (e) {
    throw new ServiceConfigError((e as Error).message);
  }
  // Logs go to stderr: stdout carries only what the CLI prints for a script to read (the first admin token).
  const logger =
    o.logger ??
    pino({ level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.authorization'] }, pino.destination(2));
  const db = await openDb(o.database, { poolSize: o.dbPoolSize });
  // A start that fails (schema too new, port taken) closes the database again, and makes the first
  // admin token only once listening: a token made by a start that then failed would never be shown.
  let firstAdminToken: string | null = null;
  let upgradeBackupToDelete: string | null;
  let server: Server | undefined;
  let stopCheckThread: (() => Promise<void>) | undefined;
  try {
    const migration = await migrate(db);
    if (migration.from !== migration.to) logger.info(migration, 'database migrated');
    if (migration.backupHoldsScrubbed) {
      logger.warn(
        { backup: migration.backup },
        'the copy taken before the upgrade still holds values the upgrade removed as personal; delete it once the upgrade is verified',
      );
    }
    upgradeBackupToDelete = migration.backupHoldsScrubbed ? migration.backup : null;
    // Failures a stopped instance left past their window (the running ones prune as failures come).
    await pruneFailures(db, Date.now() - (o.authFailures?.windowMs ?? DEFAULT_AUTH_FAILURES.windowMs));

    const app = createApp({
      db,
      logger,
      staticDir: o.staticDir,
      publicOrigins: o.publicOrigins,
      authFailures: o.authFailures,
      officeJs,
    });
    logger.info({ officeJs: officeJsHealth(officeJs) }, 'office.js source');
    stopCheckThread = startCheckThread();
    const s = o.http ? createHttpServer(app) : createHttpsServer(await tlsOptions(o, logger), app);
    // Longer than clients' idle keep-alive, so a client never reuses a socket the server just closed.
    s.keepAliveTimeout = 65_000;
    s.headersTimeout = 66_000;
    answerClientErrors(s);
    await new Promise<void>((res, rej) => {
      s.once('error', rej);
      s.listen(o.port, o.host, () => res());
    });
    server = s;

    if ((await countTokens(db, 'admin')) === 0) firstAdminToken = (await createFirstAdminToken(db))?.token ?? null;
  } catch (e) {
    if (server) await new Promise<void>((res) => server!.close(() => res()));
    await stopCheckThread?.();
    await db.close().catch(() => undefined);
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  const url = `${o.http ? 'http' : 'https'}://${host}:${port}`;
  return {
    url,
    db,
    server,
    firstAdminToken,
    upgradeBackupToDelete,
    officeJs,
    async close() {
      await new Promise<void>((res) => {
        server.close(() => res());
        server.closeIdleConnections();
      });
      await stopCheckThread?.();
      await db.close();
    },
  };
}

/** The configured certificate, or a development one kept beside the database. */
async function tlsOptions(o: ServiceOptions, logger: Logger): Promise<{ cert: string; key: string }> {
  if (o.tlsCert && o.tlsKey) return { cert: readFileSync(o.tlsCert, 'utf8'), key: readFileSync(o.tlsKey, 'utf8') };
  const dir = join(resolve(o.dataDir ?? (isPostgresUrl(o.database) ? 'data' : dirname(resolve(o.database)))), 'tls');
  const certPath = join(dir, 'dev-cert.pem');
  const keyPath = join(dir, 'dev-key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
  }
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 825 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(certPath, pems.cert);
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  logger.info({ certPath }, 'development certificate created: trust it in the OS to load the add-in');
  return { cert: pems.cert, key: pems.private };
}
