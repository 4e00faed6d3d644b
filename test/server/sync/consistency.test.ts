/**
 * Read-your-writes under read load: with clients polling the service as panes do, every
 * submission applies (no 5xx), a read after a write sees it, and a revoked token is refused on the
 * very next request. Once, a shared reader connection kept an old snapshot while reads overlapped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, SqlValue } from '../../../server/db/db.js';
import { migrate } from '../../../server/db/migrate.js';
import { ensureBureau, ensureDivision } from '../../../server/db/repos/org.js';
import { insertToken } from '../../../server/db/repos/tokens.js';
import { openDb } from '../../../server/db/open.js';
import type { Actor } from '../../../server/actor.js';
import { receivePart } from '../../../server/sync/receive.js';
import { expectedCheck, makeRows, makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';
import { makeTempDir, startTestService, type TestService } from '../helpers/service.js';
import { freshDatabase, dbWith } from '../helpers/test-db.js';

let svc: TestService;
let division: string;

beforeAll(async () => {
  svc = await startTestService();
  division = await svc.makeToken('division', '健康福祉局', '保険年金課');
});
afterAll(async () => svc?.close());

const POLLERS = 24;
/** CONSISTENCY_ROUNDS explores further; the suite runs 40 submissions. */
const ROUNDS = Number(process.env.CONSISTENCY_ROUNDS ?? 40);

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${svc.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Clients polling `path` until stopped; counts answers by status. */
function poll(token: string, path = '/api/v1/me') {
  let running = true;
  const statuses = new Map<number, number>();
  const loops = Array.from({ length: POLLERS }, async () => {
    while (running) {
      const r = await fetch(`${svc.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      await r.arrayBuffer();
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
  });
  return {
    statuses,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

describe('under read load', () => {
  it('applies every submission, and a read after it sees its revision', async () => {
    const ledgerId = newId('ledger');
    const load = poll(division);
    const failures: string[] = [];
    try {
      let revision = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const upserts = await upsertsFor(makeRows(40, i * 40, `C${i}`));
        // Alternate one-part and two-part submissions: both paths read what the request staged.
        const parts = makeSubmission({ baseRevision: revision, upserts, parts: 1 + (i % 2) });
        let last: { status: number; body: Record<string, unknown> } | undefined;
        for (const part of parts) {
          last = await call('POST', `/api/v1/ledgers/${ledgerId}/submissions`, division, part);
          if (last.status >= 300 && last.status !== 202)
            failures.push(`${i}: ${last.status} ${String(last.body.code)}`);
        }
        if (last?.status !== 200) continue;
        revision = last.body.revision as number;
        const seen = await call('GET', `/api/v1/ledgers/${ledgerId}`, division);
        const seenRevision = (seen.body.ledger as { revision?: number } | undefined)?.revision ?? seen.body.revision;
        if (seenRevision !== revision) failures.push(`${i}: read revision ${String(seenRevision)} after ${revision}`);
      }
      expect(revision).toBe(ROUNDS);
    } finally {
      await load.stop();
    }
    const polled = [...load.statuses.values()].reduce((a, b) => a + b, 0);
    console.log(
      `${ROUNDS} submissions (half in two parts), each read back, under ${POLLERS} pollers (${polled} polls): ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    expect([...load.statuses.keys()]).toEqual([200]);
  }, 120_000);

  it('refuses a revoked token on the very next request', async () => {
    const load = poll(division);
    try {
      for (let i = 0; i < 15; i++) {
        const token = await svc.makeToken('accounting', '健康福祉局');
        expect((await call('GET', '/api/v1/me', token)).status).toBe(200);
        const list = await call('GET', '/api/v1/admin/tokens', svc.adminToken);
        const tokens = list.body.tokens as { id: number }[];
        const id = Math.max(...tokens.map((t) => t.id));
        expect((await call('DELETE', `/api/v1/admin/tokens/${id}`, svc.adminToken)).status).toBe(204);
        expect((await call('GET', '/api/v1/me', token)).status).toBe(401);
      }
    } finally {
      await load.stop();
    }
  }, 60_000);
});

describe('the apply', () => {
  it('makes its plan inside the write transaction when its snapshot lacks the last part', async () => {
    const dir = makeTempDir();
    const fresh = await freshDatabase(dir);
    const real = await openDb(fresh.location);
    try {
      await migrate(real);
      const principal = await real.transaction(async (tx): Promise<Actor> => {
        const b = await ensureBureau(tx, '環境局');
        const d = await ensureDivision(tx, b.id, '業務課');
        const t = await insertToken(tx, { role: 'division', bureauId: b.id, divisionId: d.id, label: '' });
        return { tokenId: t.record.id, role: 'division', bureauId: b.id, divisionId: d.id };
      });
      // Reads outside transactions see the staged parts without the last one, as a reader whose
      // snapshot predates its commit would; the transaction sees the truth.
      const hideLast = (sql: string, rows: unknown[]) =>
        /submission_parts/.test(sql) ? rows.filter((r) => (r as { part_index?: number }).part_index !== 2) : rows;
      const stale: Db = dbWith(real, {
        all: async <T>(sql: string, params?: readonly SqlValue[]) =>
          hideLast(sql, await real.all<T>(sql, params)) as T[],
        get: async <T>(sql: string, params?: readonly SqlValue[]) => {
          const row = await real.get<T>(sql, params);
          return row === undefined ? undefined : (hideLast(sql, [row])[0] as T | undefined);
        },
      });
      const specs = makeRows(300);
      const parts = makeSubmission({ upserts: await upsertsFor(specs), parts: 3 });
      const ledgerId = newId('stale');
      for (const part of parts.slice(0, 2))
        expect((await receivePart(stale, principal, ledgerId, part)).status).toBe(202);
      const reply = await receivePart(stale, principal, ledgerId, parts[2]!);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject(expectedCheck(specs));
    } finally {
      await real.close();
      await fresh.drop();
    }
  });
});
