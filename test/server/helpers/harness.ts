/**
 * A real service for the plans and reports tests: HTTP on a loopback port, a fresh database on the
 * run's engine (`test-db.ts`), tokens made through the admin API, and ledgers written straight into the aggregate
 * columns (the ledger sync has its own tests).
 */
import { ledgerFiguresJson, type LedgerFigures } from '../../../domain/reports/ledger-figures.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startService, type RunningService } from '../../../server/service.js';
import type { Db, Queryable } from '../../../server/db/db.js';
import { ensureBureau, ensureClaim, ensureDivision } from '../../../server/db/repos/org.js';
import { insertToken } from '../../../server/db/repos/tokens.js';
import { resolveScope } from '../../../server/db/repos/token-scope.js';
import { freshDatabase } from './test-db.js';

export interface Reply {
  status: number;
  contentType: string;
  text: string;
  bytes: Buffer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface Harness {
  svc: RunningService;
  url: string;
  admin: string;
  finance: string;
  call(
    method: string,
    path: string,
    opts?: { token?: string | null; body?: Uint8Array | string; type?: string },
  ): Promise<Reply>;
  token(role: 'division' | 'accounting' | 'finance' | 'admin', bureau?: string, division?: string): Promise<string>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export async function startHarness(opts: { https?: boolean } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'saiken-reports-'));
  const fresh = await freshDatabase(dir);
  const svc = await startService({
    port: 0,
    host: '127.0.0.1',
    database: fresh.location,
    dataDir: dir,
    http: !opts.https,
    logger: pino({ level: 'silent' }),
  });
  const admin = svc.firstAdminToken!;
  const call: Harness['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = {};
    const token = o.token === undefined ? admin : o.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (o.type) headers['Content-Type'] = o.type;
    // The DOM typings want an ArrayBuffer-backed view; Node's fetch takes any Uint8Array.
    const body = o.body as BodyInit | undefined;
    const res = await fetch(`${svc.url}${path}`, { method, headers, body });
    const bytes = Buffer.from(await res.arrayBuffer());
    const contentType = res.headers.get('content-type') ?? '';
    const text = bytes.toString('utf8');
    return {
      status: res.status,
      contentType,
      text,
      bytes,
      json: contentType.includes('json') ? JSON.parse(text) : null,
    };
  };
  const token: Harness['token'] = async (role, bureau, division) => {
    // The admin API mints division and accounting tokens only; the others as the command line does.
    if (role === 'finance' || role === 'admin') {
      const made = await svc.db.transaction(async (tx) =>
        insertToken(tx, { role, ...(await resolveScope(tx, role, bureau, division)), label: '' }),
      );
      return made.token;
    }
    const r = await call('POST', '/api/v1/admin/tokens', {
      body: JSON.stringify({ role, bureau, division }),
      type: 'application/json',
    });
    if (r.status !== 201) throw new Error(`token: ${r.status} ${r.text}`);
    return r.json.token as string;
  };
  const h: Harness = {
    svc,
    url: svc.url,
    admin,
    finance: '',
    call,
    token,
    async count(table) {
      return (await svc.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;
    },
    async close() {
      await svc.close();
      await fresh.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // Over HTTPS (self-signed) the harness's fetch cannot connect: make the token directly.
  h.finance = opts.https
    ? (
        await svc.db.transaction((tx) =>
          insertToken(tx, { role: 'finance', bureauId: null, divisionId: null, label: 't' }),
        )
      ).token
    : await token('finance');
  return h;
}

export interface LedgerSpec {
  id: string;
  bureau: string;
  division: string;
  claim: string;
  name?: string;
  revision?: number;
  asOf?: string;
  ruleset?: string;
  outstanding: number;
  current?: { assessed: number; paid: number; outstanding: number };
  arrears?: { assessed: number; paid: number; outstanding: number };
  aging?: { label: string; fromYears: number; toYears: number | null; count: number; outstanding: number }[];
  findings?: { rule: string; severity: 'error' | 'warning' | 'info'; count: number }[];
  /** The late-charge estimate and worklist counts the check keeps; absent: stored as before they existed. */
  figures?: Omit<LedgerFigures, 'aging'>;
}

/** A ledger at its latest applied revision, as the submission code leaves it. */
export function insertLedger(db: Db, l: LedgerSpec): Promise<void> {
  return db.transaction((tx) => insertLedgerIn(tx, l));
}

async function insertLedgerIn(db: Queryable, l: LedgerSpec): Promise<void> {
  const b = await ensureBureau(db, l.bureau);
  const d = await ensureDivision(db, b.id, l.division);
  const c = await ensureClaim(db, d.id, l.claim, null);
  const cur = l.current ?? { assessed: 0, paid: 0, outstanding: 0 };
  const arr = l.arrears ?? { assessed: 0, paid: 0, outstanding: 0 };
  const revision = l.revision ?? 1;
  await db.run(
    `INSERT INTO ledgers (id, division_id, claim_id, name, revision, as_of, ruleset_version, last_submission_id,
       last_submitted_at, row_count, assessed, paid, outstanding, current_outstanding, current_assessed, current_paid,
       arrears_outstanding, arrears_assessed, arrears_paid, aging, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      l.id,
      d.id,
      c.id,
      l.name ?? `${l.claim}台帳`,
      revision,
      l.asOf ?? '2024-09-30',
      l.ruleset ?? '2026.11.1',
      revision > 0 ? `sub-${l.id}-${revision}` : null,
      revision > 0 ? '2024-10-01T09:00:00.000Z' : null,
      10,
      cur.assessed + arr.assessed,
      cur.paid + arr.paid,
      l.outstanding,
      cur.outstanding,
      cur.assessed,
      cur.paid,
      arr.outstanding,
      arr.assessed,
      arr.paid,
      l.figures ? ledgerFiguresJson({ aging: l.aging ?? [], ...l.figures }) : JSON.stringify(l.aging ?? []),
      '2024-04-01T00:00:00.000Z',
    ],
  );
  for (const f of l.findings ?? []) {
    await db.run('INSERT INTO ledger_finding_counts (ledger_id, rule, severity, count) VALUES (?, ?, ?, ?)', [
      l.id,
      f.rule,
      f.severity,
      f.count,
    ]);
  }
}
