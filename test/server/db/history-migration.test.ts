/** Migration 007 on a version-6 database: years already settled are frozen as their figures stand. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate.js';
import { MIGRATIONS } from '../../../server/db/migrations/index.js';
import { SqliteDb } from '../../../server/db/sqlite.js';
import { makeTempDir } from '../helpers/service.js';

const dir = makeTempDir('saiken-migrate-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 007', () => {
  it('freezes each settled year’s figures per claim, and nothing of a year not settled', async () => {
    const db = await SqliteDb.open(join(dir, 'v6.db'));
    await migrate(db, new Date('2025-01-01T00:00:00Z'), MIGRATIONS.slice(0, 6));
    await db.execScript(`
      INSERT INTO bureaus (id, name, sort_order) VALUES (1, '健康福祉局', 1);
      INSERT INTO divisions (id, bureau_id, name) VALUES (1, 1, '保険年金課');
      INSERT INTO claims (id, division_id, name) VALUES (1, 1, '国民健康保険料'), (2, 1, '介護保険料'), (3, 1, '後期高齢者医療保険料');
      INSERT INTO ledgers (id, division_id, claim_id, name, created_at) VALUES ('a', 1, 1, '台帳A', 'x'), ('b', 1, 1, '台帳B', 'x'), ('c', 1, 2, '台帳C', 'x');
      INSERT INTO ledger_status (ledger_id, fiscal_year, revision, as_of, row_count, assessed, paid, written_off, outstanding) VALUES
        ('a', 2023, 1, '2024-03-31', 2, 1000, 400, 10, 590),
        ('b', 2023, 3, '2024-03-01', 1, 9007199254740993, 0, 0, 9007199254740993),
        ('c', 2024, 2, '2025-03-31', 1, 50, 50, 0, 0);
      INSERT INTO plans (claim_id, fiscal_year, baseline, target, updated_at) VALUES
        (1, 2023, 700, 600, '2023-04-01T00:00:00Z'), (3, 2023, 30, 20, '2023-04-01T00:00:00Z');
      INSERT INTO settlements (fiscal_year, settled_at) VALUES (2023, '2024-06-01T00:00:00Z');`);
    expect(await migrate(db, new Date('2025-01-02T00:00:00Z'))).toMatchObject({ from: 6, to: MIGRATIONS.length });
    const rows = await db.all(
      `SELECT fiscal_year, claim_id, ledgers, as_of, CAST(assessed AS TEXT) AS assessed, CAST(paid AS TEXT) AS paid,
              CAST(written_off AS TEXT) AS written_off, CAST(outstanding AS TEXT) AS outstanding,
              CAST(baseline AS TEXT) AS baseline, CAST(target AS TEXT) AS target
         FROM settled_claim_figures ORDER BY fiscal_year, claim_id`,
    );
    expect(rows).toEqual([
      {
        fiscal_year: 2023,
        claim_id: 1,
        ledgers: 2,
        as_of: '2024-03-31',
        assessed: '9007199254741993',
        paid: '400',
        written_off: '10',
        outstanding: '9007199254741583',
        baseline: '700',
        target: '600',
      },
      // Planned, never sent: its plan, no figures.
      {
        fiscal_year: 2023,
        claim_id: 3,
        ledgers: 0,
        as_of: null,
        assessed: null,
        paid: null,
        written_off: null,
        outstanding: null,
        baseline: '30',
        target: '20',
      },
    ]);
    await db.close();
  });
});
