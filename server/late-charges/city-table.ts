/**
 * The city's late-charge table as a service: read by every role that computes a charge, changed by
 * finance only, each change in one transaction with its audit entry. A save names the version it
 * edited, so two people editing at once cannot silently undo each other.
 */
import { ApiFailure } from '../../domain/api/errors.js';
import type { CityLateCharges } from '../../domain/api/late-charges.js';
import { DEFAULT_LATE_CHARGE_TABLE, LateChargeTable, type SpecialRateLine } from '../../domain/late-charge/profile.js';
import type { Actor } from '../actor.js';
import type { Db, Queryable } from '../db/db.js';
import { appendAudit } from '../db/repos/audit.js';
import { readLateCharges, writeLateCharges } from '../db/repos/late-charges.js';
import { BUILT_IN_TABLE, type CheckTable } from '../sync/check.js';

const BUILT_IN: CityLateCharges = { source: 'builtin', version: 0, updatedAt: null, table: DEFAULT_LATE_CHARGE_TABLE };

async function current(q: Queryable): Promise<CityLateCharges> {
  const stored = await readLateCharges(q);
  if (!stored) return BUILT_IN;
  return {
    source: 'service',
    version: stored.version,
    updatedAt: stored.updatedAt,
    table: LateChargeTable.parse(stored.table),
  };
}

export const cityLateCharges = (db: Db): Promise<CityLateCharges> => current(db);

/** What the service's check counts with: the city's table and its version, or the built-in table (version 0). */
export async function checkTable(q: Queryable): Promise<CheckTable> {
  const city = await current(q);
  return city.source === 'service' ? { version: city.version, table: city.table } : BUILT_IN_TABLE;
}

/** What an audit entry says of a table: its shape, never more than organisation-level names. */
const summary = (t: LateChargeTable) => ({
  claimTypes: t.claimTypes.flatMap((c) => c.names),
  specialRateYears: (t.specialRates ?? []).map((l) => l.year),
});

async function save(
  db: Db,
  a: Actor,
  action: string,
  edit: (was: CityLateCharges) => LateChargeTable,
  now: Date,
): Promise<CityLateCharges> {
  return db.transaction(async (tx) => {
    const was = await current(tx);
    const table = LateChargeTable.parse(edit(was));
    const next = { version: was.version + 1, updatedAt: now.toISOString(), table };
    await writeLateCharges(tx, next);
    await appendAudit(
      tx,
      {
        tokenId: a.tokenId,
        role: a.role,
        action,
        entity: 'late-charges',
        entityId: 'city',
        revision: next.version,
        details: summary(table),
      },
      now,
    );
    return { source: 'service', ...next };
  });
}

/** Replaces the table; 409 when someone saved since `version` was read. */
export function saveCityLateCharges(
  db: Db,
  a: Actor,
  body: { version: number; table: LateChargeTable },
  now = new Date(),
): Promise<CityLateCharges> {
  return save(
    db,
    a,
    'late-charges.save',
    (was) => {
      if (was.version !== body.version) {
        throw new ApiFailure(
          409,
          'version-conflict',
          '延滞金の設定は他の人が先に更新しました。読み込み直してください。',
          {
            currentVersion: was.version,
          },
        );
      }
      return body.table;
    },
    now,
  );
}

/** Adds or replaces one year's 特例 rates, whatever else changed meanwhile. */
export function saveSpecialRate(db: Db, a: Actor, line: SpecialRateLine, now = new Date()): Promise<CityLateCharges> {
  return save(
    db,
    a,
    'late-charges.special-rate',
    (was) => ({
      ...was.table,
      specialRates: [...(was.table.specialRates ?? []).filter((l) => l.year !== line.year), line].sort(
        (x, y) => x.year - y.year,
      ),
    }),
    now,
  );
}
