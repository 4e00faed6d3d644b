/**
 * Starts the real service for a test: HTTP on a loopback port, a fresh database on the run's
 * engine (a SQLite file in a temp directory, or a PostgreSQL schema: `test-db.ts`), logging silenced. `makeToken` creates tokens as a city would: division and accounting
 * tokens through the admin API, finance and admin tokens in the database as `saiken token create`
 * does on the service's machine (the admin API refuses to mint them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import request from 'supertest';
import type { Db } from '../../../server/db/db.js';
import { resolveScope } from '../../../server/db/repos/token-scope.js';
import { insertToken } from '../../../server/db/repos/tokens.js';
import { startService, type RunningService } from '../../../server/service.js';
import { freshDatabase } from './test-db.js';

export type TestRole = 'division' | 'accounting' | 'finance' | 'admin';

export interface TestService {
  url: string;
  dir: string;
  /** The database's location (a file or a URL), to open it again. */
  database: string;
  adminToken: string;
  service: RunningService;
  /** A new token; bureaus and divisions are created when unknown. */
  makeToken(role: TestRole, bureau?: string, division?: string): Promise<string>;
  /** Stops the service and removes the temp directory (unless `keepDir`). */
  close(): Promise<void>;
}

export function makeTempDir(prefix = 'saiken-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A token written straight into the database, as the command line makes one. */
export async function localToken(db: Db, role: TestRole, bureau?: string, division?: string): Promise<string> {
  const made = await db.transaction(async (tx) => {
    const scope = await resolveScope(tx, role, bureau, division);
    return insertToken(tx, { role, ...scope, label: '' });
  });
  return made.token;
}

/** Finance and admin tokens need `db`: the admin API mints division and accounting tokens only. */
export async function createToken(
  url: string,
  adminToken: string,
  role: TestRole,
  bureau?: string,
  division?: string,
  db?: Db,
): Promise<string> {
  if (role === 'finance' || role === 'admin') {
    if (!db) throw new Error(`a ${role} token is made in the database (pass db): the admin API refuses it`);
    return localToken(db, role, bureau, division);
  }
  const res = await request(url)
    .post('/api/v1/admin/tokens')
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ role, ...(bureau ? { bureau } : {}), ...(division ? { division } : {}) });
  if (res.status !== 201) throw new Error(`token not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

export interface TestServiceOptions {
  /** An existing database to serve (kept when the service closes); a fresh one when absent. */
  database?: string;
  keepDir?: boolean;
  /** Silent when absent. */
  logger?: Logger;
  /**
   * The brake on failed authentication. Off by default here: role and fuzz tests present wrong
   * tokens by the hundred on purpose; `test/server/http/security.test.ts` tests the brake itself.
   */
  authFailures?: { limit: number; windowMs: number };
  publicOrigins?: readonly string[];
  staticDir?: string;
}

export async function startTestService(o: TestServiceOptions = {}): Promise<TestService> {
  const dir = makeTempDir();
  const fresh = o.database ? null : await freshDatabase(dir);
  const database = o.database ?? fresh!.location;
  const service = await startService({
    port: 0,
    host: '127.0.0.1',
    database,
    dataDir: dir,
    http: true,
    logger: o.logger ?? pino({ level: process.env.SAIKEN_TEST_LOG ?? 'silent' }),
    authFailures: o.authFailures ?? { limit: 1_000_000, windowMs: 60_000 },
    ...(o.publicOrigins ? { publicOrigins: o.publicOrigins } : {}),
    ...(o.staticDir ? { staticDir: o.staticDir } : {}),
  });
  if (!service.firstAdminToken) {
    await service.close();
    await fresh?.drop();
    throw new Error('startTestService needs a new database (no admin token was made)');
  }
  const adminToken = service.firstAdminToken;
  return {
    url: service.url,
    dir,
    database,
    adminToken,
    service,
    makeToken: (role, bureau, division) => createToken(service.url, adminToken, role, bureau, division, service.db),
    async close() {
      await service.close();
      if (!o.keepDir) {
        await fresh?.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** An authorised request against a running service. */
export function api(url: string, token?: string) {
  const auth = (t: request.Test) => (token ? t.set('Authorization', `Bearer ${token}`) : t);
  return {
    get: (path: string) => auth(request(url).get(path)),
    post: (path: string, body: unknown) => auth(request(url).post(path)).send(body as object),
  };
}
