/**
 * Several instances of `saiken serve` on one PostgreSQL database (PostgreSQL only: two processes
 * on one SQLite file is not how the service is shared). Two child services A and B on one fresh
 * schema:
 * - the concurrency load spread over both gives the figures one process gives;
 * - the parts of one submission sent to A and B in turn (and at once) apply exactly once;
 * - A or B killed (SIGKILL) while the last parts of a submission are in flight, the client sending
 *   again to the other: nothing lost, nothing counted twice;
 * - a token revoked through one is refused by the other on the next request;
 * - failed authentications made against A and B are counted together.
 * Nothing the service keeps in memory needs sharing: see the audit in docs/scale.md.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/db.js';
import { openDb } from '../../../server/db/open.js';
import { spawnService, type ChildService } from '../helpers/child.js';
import { concurrentLoad, expectedFigures, ledgerFigures, type LoadOutcome } from '../helpers/concurrent-load.js';
import { createToken, localToken } from '../helpers/service.js';
import { expectedCheck, makeRows, makeSubmission, newId, upsertsFor, type RowSpec } from '../helpers/submissions.js';
import { freshPgSchema, storedBytes, TEST_ENGINE, type TestDatabase } from '../helpers/test-db.js';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(url: string, method: string, path: string, token: string, body?: unknown): Promise<Answer> {
  const res = await fetch(url + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A request from a chosen loopback address (127.0.0.0/8 is all this machine). */
function from(url: string, localAddress: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/api/v1/me`,
      { localAddress, headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Two instances on one new schema; A made the first admin token. */
interface Pair {
  database: TestDatabase;
  db: Db;
  a: ChildService;
  b: ChildService;
  admin: string;
}

async function startPair(): Promise<Pair> {
  const database = await freshPgSchema();
  const db = await openDb(database.location);
  const a = await spawnService(database.location);
  const b = await spawnService(database.location);
  if (!a.adminToken || b.adminToken) throw new Error('A should have made the first admin token, and B none');
  return { database, db, a, b, admin: a.adminToken };
}

async function stopPair(p: Pair | undefined): Promise<void> {
  if (!p) return;
  await Promise.all([p.a.kill(), p.b.kill()]);
  await p.db.close();
  await p.database.drop();
}

/** Applied submissions, and the audit's apply entries, per ledger: one each, whoever applied them. */
async function appliedCounts(db: Db, ledgerId: string) {
  const subs = await db.get<{ n: number }>(
    "SELECT COUNT(*) AS n FROM submissions WHERE ledger_id = ? AND status = 'applied'",
    [ledgerId],
  );
  const audit = await db.get<{ n: number }>(
    "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'apply' AND entity = 'ledger' AND entity_id = ?",
    [ledgerId],
  );
  return { submissions: Number(subs?.n), applies: Number(audit?.n) };
}

describe.skipIf(TEST_ENGINE !== 'postgres')('two service instances on one PostgreSQL', () => {
  let pair: Pair | undefined;
  let division: string;
  beforeAll(async () => {
    pair = await startPair();
    division = await createToken(pair.a.url, pair.admin, 'division', '水道局', '料金課');
  }, 60_000);
  afterAll(() => stopPair(pair), 60_000);

  it('make one first admin token when they start together on a new database', async () => {
    const database = await freshPgSchema();
    const started = await Promise.all([spawnService(database.location), spawnService(database.location)]);
    try {
      expect(started.filter((s) => s.adminToken !== null)).toHaveLength(1);
      const db = await openDb(database.location);
      try {
        const n = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM tokens WHERE role = 'admin'");
        expect(Number(n?.n)).toBe(1);
      } finally {
        await db.close();
      }
    } finally {
      await Promise.all(started.map((s) => s.kill()));
      await database.drop();
    }
  }, 60_000);

  it('give the concurrency figures of one process', { timeout: 300_000 }, async () => {
    // One process, on a schema of its own.
    const oneDb = await freshPgSchema();
    const one = await spawnService(oneDb.location);
    const oneConn = await openDb(oneDb.location);
    let alone: LoadOutcome;
    let aloneFigures: Awaited<ReturnType<typeof ledgerFigures>>;
    try {
      alone = await concurrentLoad({
        urls: [one.url],
        divisionToken: (bureau, div) => createToken(one.url, one.adminToken!, 'division', bureau, div),
      });
      aloneFigures = await ledgerFigures(one.url, await localToken(oneConn, 'finance'), alone);
    } finally {
      await one.kill();
      await oneConn.close();
      await oneDb.drop();
    }

    // The same load over A and B, request by request in turn.
    const p = pair!;
    const both = await concurrentLoad({
      urls: [p.a.url, p.b.url],
      divisionToken: (bureau, div) => createToken(p.a.url, p.admin, 'division', bureau, div),
    });
    const finance = await localToken(p.db, 'finance');
    const bothFigures = await ledgerFigures(p.b.url, finance, both);
    expect(bothFigures).toEqual(aloneFigures);
    expect(bothFigures).toMatchObject(expectedFigures(both));
    expect(both.accepted).toHaveLength(50);
    expect(both.replays).toBe(50);
    for (const [name, id] of both.ledgerIds) {
      const revision = bothFigures[name]!.revision;
      expect(await appliedCounts(p.db, id)).toEqual({ submissions: revision, applies: revision });
    }
    console.log(
      `one process: ${alone.staleAnswers} stale answers; two instances: ${both.staleAnswers} stale answers, same figures for ${both.ledgerIds.size} ledgers`,
    );
  });

  it('apply a submission whose parts go to A and B in turn exactly once', async () => {
    const p = pair!;
    const ledgerId = newId('turns');
    const path = `/api/v1/ledgers/${ledgerId}/submissions`;
    const post = (url: string, body: unknown) => call(url, 'POST', path, division, body);
    const specs = makeRows(400);
    const parts = makeSubmission({ upserts: await upsertsFor(specs), parts: 4 });
    const urls = [p.a.url, p.b.url];
    const answers: Answer[] = [];
    for (const [i, part] of parts.entries()) answers.push(await post(urls[i % 2]!, part));
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202, 200]);
    const applied = answers[3]!.body;
    expect(applied).toMatchObject({ revision: 1, totals: expectedCheck(specs).totals });
    // Replays, of the last part and of an earlier one, to either instance: the same answer.
    for (const url of urls) {
      expect(await post(url, parts[3])).toEqual({ status: 200, body: applied });
      expect(await post(url, parts[0])).toEqual({ status: 200, body: applied });
    }

    // The next submission's last parts sent to both at once, each twice: one apply.
    const more = makeRows(400, 400, 'E');
    const next = makeSubmission({ upserts: await upsertsFor(more, 402), parts: 4, baseRevision: 1 });
    expect((await post(p.a.url, next[0])).status).toBe(202);
    expect((await post(p.b.url, next[1])).status).toBe(202);
    const race = await Promise.all([
      post(p.a.url, next[2]),
      post(p.b.url, next[3]),
      post(p.b.url, next[2]),
      post(p.a.url, next[3]),
    ]);
    expect(
      race.every((r) => r.status === 200 || r.status === 202),
      JSON.stringify(race),
    ).toBe(true);
    const done = race.filter((r) => r.status === 200);
    expect(done.length).toBeGreaterThan(0);
    for (const r of done) expect(r.body).toEqual(done[0]!.body);
    expect(done[0]!.body).toMatchObject({ revision: 2, totals: expectedCheck([...specs, ...more]).totals });
    expect(await appliedCounts(p.db, ledgerId)).toEqual({ submissions: 2, applies: 2 });
    const ledger = await call(p.b.url, 'GET', `/api/v1/ledgers/${ledgerId}/rows?since=0`, division);
    expect(ledger.body.revision).toBe(2);
    expect(ledger.body.rows).toHaveLength(800);
  }, 60_000);

  it('lose nothing and count nothing twice when one is killed mid-submission', { timeout: 600_000 }, async () => {
    const p = pair!;
    const ROWS = 8000;
    const ledgerId = newId('kill');
    const path = `/api/v1/ledgers/${ledgerId}/submissions`;
    const post = (url: string, body: unknown) => call(url, 'POST', path, division, body);
    // The same rows each round with new amounts: every row changes, the ledger stays one size.
    const roundRows = (round: number): RowSpec[] =>
      makeRows(ROWS).map((s) =>
        typeof s.paidAmount === 'number'
          ? { ...s, paidAmount: s.paidAmount + round }
          : { ...s, assessedAmount: Number(s.assessedAmount) + round },
      );
    const check = async (url: string, revision: number, specs: RowSpec[]) => {
      const upserts = await upsertsFor(specs);
      const ledger = await call(url, 'GET', `/api/v1/ledgers/${ledgerId}`, await finance());
      expect(ledger.body.revision).toBe(revision);
      expect(ledger.body.totals).toMatchObject(expectedCheck(specs).totals);
      const rows = await call(url, 'GET', `/api/v1/ledgers/${ledgerId}/rows?since=0`, division);
      const hashes = new Map(upserts.map((u) => [u.key, u.hash]));
      const listed = rows.body.rows as { key: string; hash: string }[];
      expect(listed).toHaveLength(ROWS);
      expect(listed.every((r) => hashes.get(r.key) === r.hash)).toBe(true);
      expect(await appliedCounts(p.db, ledgerId)).toEqual({ submissions: revision, applies: revision });
    };
    let financeToken: string | undefined;
    const finance = async () => (financeToken ??= await localToken(p.db, 'finance'));

    // Round 0, not killed: how long the last parts take to apply.
    const first = makeSubmission({ upserts: await upsertsFor(roundRows(0)), parts: 4 });
    for (const part of first.slice(0, 3)) expect((await post(p.a.url, part)).status).toBe(202);
    const started = performance.now();
    expect((await post(p.a.url, first[3])).status).toBe(200);
    const applyMs = performance.now() - started;
    await check(p.b.url, 1, roundRows(0));

    const outcomes: string[] = [`apply of ${ROWS} rows: ${Math.round(applyMs)} ms`];
    const FRACTIONS = [0.1, 0.5, 0.9, 1.3, 2.5];
    for (const [i, fraction] of FRACTIONS.entries()) {
      const base = i + 1;
      const victimName = i % 2 === 0 ? 'a' : 'b';
      const victim = p[victimName];
      const survivor = p[victimName === 'a' ? 'b' : 'a'];
      const specs = roundRows(base);
      const parts = makeSubmission({ upserts: await upsertsFor(specs), parts: 4, baseRevision: base });
      for (const part of parts.slice(0, 2)) expect((await post(victim.url, part)).status).toBe(202);
      // The last two parts in flight together when the victim is killed.
      const inFlight = Promise.all(
        parts.slice(2).map((part) =>
          post(victim.url, part)
            .then((r) => String(r.status))
            .catch(() => 'none'),
        ),
      );
      await new Promise((r) => setTimeout(r, Math.round(fraction * applyMs)));
      await victim.kill('SIGKILL');
      const answered = await inFlight;

      // The client sends every part again, to the other instance.
      const again: Answer[] = [];
      for (const part of parts) again.push(await post(survivor.url, part));
      // Parts the victim staged are known; once all are in, the submission applies (or had applied).
      expect(again.every((r) => r.status === 202 || r.status === 200)).toBe(true);
      const done = again.filter((r) => r.status === 200);
      expect(again[3]!.status).toBe(200);
      for (const r of done) expect(r.body).toEqual(again[3]!.body);
      expect(again[3]!.body.revision).toBe(base + 1);
      await check(survivor.url, base + 1, specs);
      outcomes.push(
        `kill ${victimName.toUpperCase()} at ${Math.round(fraction * applyMs)} ms (answers before the kill: ${answered.join(', ')}): applied once, at revision ${base + 1}`,
      );
      // The victim comes back on the same database (no new admin token).
      const back = await spawnService(p.database.location);
      expect(back.adminToken).toBeNull();
      p[victimName] = back;
    }
    console.log(outcomes.join('\n'));
  });

  it('refuse a token revoked through one instance on the other’s next request', async () => {
    const p = pair!;
    for (let i = 0; i < 10; i++) {
      const [via, other] = i % 2 === 0 ? [p.a, p.b] : [p.b, p.a];
      const made = await call(via.url, 'POST', '/api/v1/admin/tokens', p.admin, {
        role: 'accounting',
        bureau: '水道局',
      });
      expect(made.status).toBe(201);
      const token = made.body.token as string;
      expect((await call(other.url, 'GET', '/api/v1/me', token)).status).toBe(200);
      expect((await call(via.url, 'DELETE', `/api/v1/admin/tokens/${String(made.body.id)}`, p.admin)).status).toBe(204);
      expect((await call(other.url, 'GET', '/api/v1/me', token)).status).toBe(401);
      expect((await call(via.url, 'GET', '/api/v1/me', token)).status).toBe(401);
    }
  }, 60_000);

  it('count failed authentications made against both together', async () => {
    const p = pair!;
    // The children brake at the default: 30 failures a minute per address.
    const wrong = Array.from({ length: 30 }, (_, i) => `skn_wrong_instances_${i}_${'x'.repeat(20)}`);
    for (const [i, token] of wrong.entries()) {
      expect(await from(i % 2 === 0 ? p.a.url : p.b.url, '127.0.0.21', token)).toBe(401);
    }
    // Fifteen failures on each: the address is braked on both, even with a valid token.
    expect(await from(p.a.url, '127.0.0.21', division)).toBe(429);
    expect(await from(p.b.url, '127.0.0.21', division)).toBe(429);
    expect(await from(p.a.url, '127.0.0.22', division)).toBe(200);
    expect(await from(p.b.url, '127.0.0.22', division)).toBe(200);
    const stored = await p.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM auth_failures WHERE address = '127.0.0.21'",
    );
    expect(Number(stored?.n)).toBe(30);
    const bytes = (await storedBytes(p.database.location)).toString('utf8');
    expect(bytes).not.toContain('skn_wrong_instances');
  }, 60_000);
});
