/** Migration 002 on a database made by the first schema: plans keep their rows, with no measures chosen. */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate.js';
import { up as initial } from '../../../server/db/migrations/001-initial.js';
import { MIGRATIONS } from '../../../server/db/migrations/index.js';
import { SqliteDb } from '../../../server/db/sqlite.js';
import { makeTempDir } from '../helpers/service.js';

const dir = makeTempDir('saiken-migrate-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 002', () => {
  it('upgrades a version-1 database with a plan, after a backup', async () => {
    const path = join(dir, 'v1.db');
    const db = await SqliteDb.open(path);
    await db.execScript(`BEGIN; ${initial} PRAGMA user_version = 1; COMMIT;`);
    await db.execScript(`
      INSERT INTO bureaus (id, name, sort_order) VALUES (1, '健康福祉局', 1);
      INSERT INTO divisions (id, bureau_id, name) VALUES (1, 1, '保険年金課');
      INSERT INTO claims (id, division_id, name) VALUES (1, 1, '国民健康保険料');
      INSERT INTO plans (claim_id, fiscal_year, baseline, target, updated_at) VALUES (1, 2024, 10, 9, '2024-04-01T00:00:00Z');`);
    const out = await migrate(db, new Date('2024-11-01T00:00:00Z'));
    expect(out).toMatchObject({ from: 1, to: MIGRATIONS.length });
    expect(out.backup && existsSync(out.backup)).toBe(true);
    expect(await db.get('SELECT baseline, measure_ids FROM plans')).toEqual({ baseline: 10, measure_ids: '[]' });
    for (const table of ['plan_reviews', 'proposals', 'proposal_history', 'hard_cases']) {
      expect(await db.get(`SELECT COUNT(*) AS n FROM ${table}`)).toEqual({ n: 0 });
    }
    await db.close();
  });
});
