/**
 * Kill and restart: the service (a child process) is SIGKILLed while the last part of a large
 * submission is being applied. After a restart on the same database the submission is either fully
 * applied or absent, never partial; retrying only the last part then applies it fully (the other
 * parts survived, staged), and the database passes its integrity check.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowUpsert } from '../../../domain/sync/protocol.js';
import { spawnService, type ChildService } from '../helpers/child.js';
import { api, createToken, makeTempDir } from '../helpers/service.js';
import { makeRows, makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';
import { freshDatabase, integrityProblems, type TestDatabase } from '../helpers/test-db.js';

const dir = makeTempDir('saiken-crash-');
let database: TestDatabase;
let child: ChildService | undefined;
beforeAll(async () => {
  database = await freshDatabase(dir);
});
afterAll(async () => {
  await child?.kill();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const ROWS = 20_000;
/** Kill delays as fractions of a measured apply: before, during and after it. */
const FRACTIONS = [0.1, 0.4, 0.7, 1.0, 1.3, 2];

/**
 * The same rows with new amounts each round, so every row changes and the ledger stays one size.
 * An unreadable 収入済額 leaves as a marker, whatever it holds: its row changes by its 調定額.
 */
const roundRows = (round: number) =>
  makeRows(ROWS).map((s) =>
    typeof s.paidAmount === 'number'
      ? { ...s, paidAmount: s.paidAmount + round }
      : { ...s, assessedAmount: Number(s.assessedAmount) + round },
  );

describe('kill during apply', () => {
  it('leaves each submission applied in full or not at all', { timeout: 300_000 }, async () => {
    child = await spawnService(database.location);
    const token = await createToken(child.url, child.adminToken!, 'division', '水道局', '料金課');
    const ledgerId = newId('crash');
    const path = `/api/v1/ledgers/${ledgerId}/submissions`;
    const post = (body: unknown) => api(child!.url, token).post(path, body);
    const changes = async (since: number) =>
      (await api(child!.url, token).get(`/api/v1/ledgers/${ledgerId}/rows?since=${since}`)).body as {
        revision: number;
        rows: { key: string; hash: string; revision: number }[];
        deleted: unknown[];
      };
    const sendAllButLast = async (upserts: RowUpsert[], baseRevision: number) => {
      const parts = makeSubmission({ upserts, parts: 3, baseRevision });
      for (const p of parts.slice(0, 2)) expect((await post(p)).status).toBe(202);
      return parts[2]!;
    };

    // Round 0 is not killed: it measures how long the last part takes to apply.
    const first = await sendAllButLast(await upsertsFor(roundRows(0)), 0);
    const started = performance.now();
    expect((await post(first)).status).toBe(200);
    const applyMs = performance.now() - started;

    const outcomes: string[] = [`apply of ${ROWS} rows: ${Math.round(applyMs)} ms`];
    for (const [i, fraction] of FRACTIONS.entries()) {
      const base = i + 1;
      const upserts = await upsertsFor(roundRows(base));
      const last = await sendAllButLast(upserts, base);
      const answer = post(last)
        .then((r) => String(r.status))
        .catch(() => 'none');
      await new Promise((r) => setTimeout(r, Math.round(fraction * applyMs)));
      await child.kill('SIGKILL');
      const answered = await answer;
      expect(await integrityProblems(database.location)).toEqual([]);

      child = await spawnService(database.location);
      const seen = await changes(base);
      let outcome: string;
      if (seen.revision === base) {
        // Absent: nothing of it is visible, and the last part alone completes it.
        expect(seen.rows).toEqual([]);
        const retry = await post(last);
        expect(retry.status).toBe(200);
        expect(retry.body.revision).toBe(base + 1);
        outcome = 'absent, applied on retry';
      } else {
        expect(seen.revision).toBe(base + 1);
        expect((await post(last)).body.revision).toBe(base + 1);
        outcome = 'applied before the kill';
      }
      // Either way every row now has this round's hash, at this round's revision.
      const after = await changes(base);
      expect(after.revision).toBe(base + 1);
      expect(after.rows).toHaveLength(ROWS);
      const hashes = new Map(upserts.map((u) => [u.key, u.hash]));
      expect(after.rows.every((r) => r.revision === base + 1 && hashes.get(r.key) === r.hash)).toBe(true);
      outcomes.push(`kill at ${Math.round(fraction * applyMs)} ms: ${outcome} (answer before kill: ${answered})`);
    }
    console.log(outcomes.join('\n'));
    await child.kill('SIGKILL');
    expect(await integrityProblems(database.location)).toEqual([]);
  });
});
