/**
 * Annual plans (年間計画) and settlements. An import is one transaction: a row equal to the stored
 * plan changes nothing; a different row replaces the plan, whose old version goes to plan_history.
 *
 * The import is written in set-wise statements (a few thousand rows each) rather than a handful
 * of statements per row: 50,000 rows held the single writer for over 30 s the old way, and every
 * division's submission waited behind it. Now it is a few dozen statements, still all-or-nothing.
 */
import type { Db, Queryable, SqlValue } from '../db.js';
import type { PlanImportRow } from '../../plans/index.js';
import { Yielder } from '../../reports/yield.js';
import { appendAudit, type AuditActor } from './audit.js';
import { freezeClaimFigures } from './history.js';
import { scopeSql, type Scope } from './scope.js';

export interface ImportSummary {
  imported: number;
  created: { bureaus: number; divisions: number; claims: number; plans: number };
  /** Rows that made a new plan or a new version of one (or changed a claim's classification). */
  changed: number;
  unchanged: number;
  fiscalYears: number[];
}

export interface ImportOptions {
  now?: Date;
  /** Personal-looking spans of 取組み the sender confirmed, by kind: logged, never the text. */
  confirmedKinds?: Record<string, number>;
}

const milestonesJson = (m: PlanImportRow['milestones']) =>
  JSON.stringify(m.map((x) => ({ month: x.month, outstanding: x.outstanding })));

/**
 * Rows per multi-row statement: well below SQLite's 32,766 parameters (and PostgreSQL's 65,535),
 * and small enough that binding one statement's values is a short turn of the event loop.
 */
const ROWS_PER_STATEMENT = 1000;
const IDS_PER_STATEMENT = 5000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const marks = (n: number, tuple: string) => new Array<string>(n).fill(tuple).join(', ');

/** `SELECT … WHERE column IN (…)` over any number of keys, a statement per chunk. */
async function allIn<T>(tx: Queryable, sql: (marks: string) => string, keys: readonly SqlValue[]): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks(keys, IDS_PER_STATEMENT)) {
    for (const row of await tx.all<T>(sql(marks(part.length, '?')), part)) out.push(row);
  }
  return out;
}

/** Multi-row INSERT of `tuples` (each `width` values), optionally RETURNING. */
async function insertRows<T>(
  tx: Queryable,
  head: string,
  tuple: string,
  width: number,
  tuples: readonly SqlValue[][],
  tail = '',
): Promise<T[]> {
  const out: T[] = [];
  const per = Math.floor(30_000 / width);
  for (const part of chunks(tuples, Math.min(per, ROWS_PER_STATEMENT))) {
    const sql = `${head} VALUES ${marks(part.length, tuple)} ${tail}`;
    if (tail.includes('RETURNING')) for (const r of await tx.all<T>(sql, part.flat())) out.push(r);
    else await tx.run(sql, part.flat());
  }
  return out;
}

const auditTuple = '(?, ?, ?, ?, ?, ?, ?, ?)';
const AUDIT_HEAD = 'INSERT INTO audit_log (at, token_id, role, action, entity, entity_id, revision, details)';

export function importPlans(
  db: Db,
  rows: readonly PlanImportRow[],
  by: AuditActor,
  options: ImportOptions | Date = {},
): Promise<ImportSummary> {
  const o: ImportOptions = options instanceof Date ? { now: options } : options;
  const now = o.now ?? new Date();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    // The loops over 50,000 rows give the event loop back every few milliseconds.
    const y = new Yielder();
    const step = async (i: number) => {
      if ((i & 255) === 255) await y.maybe();
    };
    const s: ImportSummary = {
      imported: rows.length,
      created: { bureaus: 0, divisions: 0, claims: 0, plans: 0 },
      changed: 0,
      unchanged: 0,
      fiscalYears: [...new Set(rows.map((r) => r.fiscalYear))].sort((a, b) => a - b),
    };
    const audits: SqlValue[][] = [];
    const audit = (action: string, entity: string, entityId: string, revision: number | null, details: object) =>
      audits.push([at, by.tokenId, by.role, action, entity, entityId, revision, JSON.stringify(details)]);

    // Bureaus, new ones appended to the city's order in order of first appearance.
    const bureauNames = [...new Set(rows.map((r) => r.bureau))];
    const bureaus = new Map<string, number>();
    for (const b of await allIn<{ id: number; name: string }>(
      tx,
      (m) => `SELECT id, name FROM bureaus WHERE name IN (${m})`,
      bureauNames,
    ))
      bureaus.set(b.name, b.id);
    const newBureaus = bureauNames.filter((n) => !bureaus.has(n));
    if (newBureaus.length) {
      const next = (await tx.get<{ n: number }>('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM bureaus'))!.n;
      const made = await insertRows<{ id: number; name: string }>(
        tx,
        'INSERT INTO bureaus (name, sort_order)',
        '(?, ?)',
        2,
        newBureaus.map((n, i) => [n, Number(next) + i]),
        'RETURNING id, name',
      );
      for (const b of made) bureaus.set(b.name, b.id);
      s.created.bureaus = made.length;
    }

    // Divisions.
    const divisionKey = (bureauId: number, name: string) => `${bureauId}\u0000${name}`;
    const divisions = new Map<string, number>();
    for (const d of await allIn<{ id: number; bureau_id: number; name: string }>(
      tx,
      (m) => `SELECT id, bureau_id, name FROM divisions WHERE bureau_id IN (${m})`,
      [...new Set(bureaus.values())],
    ))
      divisions.set(divisionKey(d.bureau_id, d.name), d.id);
    const newDivisions = new Map<string, [number, string]>();
    for (const [i, r] of rows.entries()) {
      await step(i);
      const k = divisionKey(bureaus.get(r.bureau)!, r.division);
      if (!divisions.has(k) && !newDivisions.has(k)) newDivisions.set(k, [bureaus.get(r.bureau)!, r.division]);
    }
    if (newDivisions.size) {
      const made = await insertRows<{ id: number; bureau_id: number; name: string }>(
        tx,
        'INSERT INTO divisions (bureau_id, name)',
        '(?, ?)',
        2,
        [...newDivisions.values()],
        'RETURNING id, bureau_id, name',
      );
      for (const d of made) divisions.set(divisionKey(d.bureau_id, d.name), d.id);
      s.created.divisions = made.length;
    }
    // Each row's division id, once (the loops below would otherwise look it up again and again).
    const divisionIds = new Array<number>(rows.length);
    const divisionSet = new Set<number>();
    for (const [i, r] of rows.entries()) {
      await step(i);
      divisionIds[i] = divisions.get(divisionKey(bureaus.get(r.bureau)!, r.division))!;
      divisionSet.add(divisionIds[i]!);
    }

    // Claims; a claim whose classification the sheet changes is reclassified (and logged).
    const claimKey = (divisionId: number, name: string) => `${divisionId}\u0000${name}`;
    const claims = new Map<string, { id: number; classification: string | null }>();
    // Read a page at a time: a re-import finds every claim stored, and 50,000 rows turned into
    // objects in one callback held the event loop for over 200 ms.
    for (const part of chunks([...divisionSet], IDS_PER_STATEMENT)) {
      for (let after = 0; ;) {
        const page = await tx.all<{ id: number; division_id: number; name: string; classification: string | null }>(
          `SELECT id, division_id, name, classification FROM claims
            WHERE division_id IN (${marks(part.length, '?')}) AND id > ? ORDER BY id LIMIT ${ROWS_PER_STATEMENT}`,
          [...part, after],
        );
        for (const c of page)
          claims.set(claimKey(c.division_id, c.name), { id: c.id, classification: c.classification });
        if (page.length < ROWS_PER_STATEMENT) break;
        after = page[page.length - 1]!.id;
      }
    }
    const newClaims = new Map<string, SqlValue[]>();
    const newClaimIds: number[] = [];
    const reclassified = new Map<string, { id: number; from: string | null; to: string }>();
    for (const [i, r] of rows.entries()) {
      await step(i);
      const k = claimKey(divisionIds[i]!, r.claim);
      const known = claims.get(k);
      if (!known) {
        if (!newClaims.has(k)) newClaims.set(k, [divisionIds[i]!, r.claim, r.classification]);
      } else if (r.classification && known.classification !== r.classification && !reclassified.has(k)) {
        reclassified.set(k, { id: known.id, from: known.classification, to: r.classification });
      }
    }
    if (newClaims.size) {
      const made = await insertRows<{ id: number; division_id: number; name: string; classification: string }>(
        tx,
        'INSERT INTO claims (division_id, name, classification)',
        '(?, ?, ?)',
        3,
        [...newClaims.values()],
        'RETURNING id, division_id, name, classification',
      );
      for (const [i, c] of made.entries()) {
        await step(i);
        claims.set(claimKey(c.division_id, c.name), { id: c.id, classification: c.classification });
        newClaimIds.push(c.id);
      }
      s.created.claims = made.length;
    }
    for (const part of chunks([...reclassified.values()], 1000)) {
      await tx.run(
        `UPDATE claims SET classification = CASE id ${part.map(() => 'WHEN ? THEN ?').join(' ')} END
          WHERE id IN (${marks(part.length, '?')})`,
        [...part.flatMap((c) => [c.id, c.to]), ...part.map((c) => c.id)],
      );
      for (const c of part) audit('reclassify', 'claim', String(c.id), null, { from: c.from, to: c.to });
    }

    // Plans: unchanged rows are left alone; changed ones keep their old version in plan_history.
    // The comparison is made in SQL, so the stored 取組み never travel back into JavaScript.
    const claimIds = new Array<number>(rows.length);
    const milestones = new Array<string>(rows.length);
    const claimKeys = new Array<string>(rows.length);
    for (const [i, r] of rows.entries()) {
      await step(i);
      claimKeys[i] = claimKey(divisionIds[i]!, r.claim);
      claimIds[i] = claims.get(claimKeys[i])!.id;
      milestones[i] = milestonesJson(r.milestones);
    }
    const stored = new Array<{ id: number; same: boolean } | undefined>(rows.length);
    // Only a claim that existed before the import can have a stored plan.
    const made = new Set(newClaimIds);
    const indexes: number[] = [];
    for (let i = 0; i < rows.length; i++) if (!made.has(claimIds[i]!)) indexes.push(i);
    // Typed, because PostgreSQL reads the parameters of a VALUES list as text.
    const VALUE_TYPES =
      '(CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT))';
    for (const part of chunks(indexes, ROWS_PER_STATEMENT)) {
      const found = await tx.all<{ n: number; id: number; same: number }>(
        `WITH v (n, claim_id, fiscal_year, baseline, target, measures, milestones) AS (VALUES ${marks(part.length, VALUE_TYPES)})
         SELECT v.n, p.id, CASE WHEN p.baseline = v.baseline AND p.target = v.target AND p.measures = v.measures
                                 AND p.milestones = v.milestones THEN 1 ELSE 0 END AS same
           FROM v JOIN plans p ON p.claim_id = v.claim_id AND p.fiscal_year = v.fiscal_year`,
        part.flatMap((i) => {
          const r = rows[i]!;
          return [i, claimIds[i]!, r.fiscalYear, r.baseline, r.target, r.measures, milestones[i]!];
        }),
      );
      for (const f of found) stored[f.n] = { id: f.id, same: f.same === 1 };
    }
    const writes: { row: PlanImportRow; claimId: number; milestones: string }[] = [];
    const planTuples: SqlValue[][] = [];
    const replaced: number[] = [];
    const firstRowOfClaim = new Set<string>();
    for (const [i, r] of rows.entries()) {
      await step(i);
      const old = stored[i];
      const same = old?.same === true;
      // A reclassification counts once, on the claim's first row (as the row-by-row import did).
      const ck = claimKeys[i]!;
      const reclassifiedHere = reclassified.has(ck) && !firstRowOfClaim.has(ck);
      firstRowOfClaim.add(ck);
      if (same && !reclassifiedHere) s.unchanged++;
      else s.changed++;
      if (same) continue;
      if (old) replaced.push(old.id);
      writes.push({ row: r, claimId: claimIds[i]!, milestones: milestones[i]! });
      planTuples.push([claimIds[i]!, r.fiscalYear, r.baseline, r.target, r.measures, milestones[i]!, at, by.tokenId]);
    }
    // The history row keeps the replaced version as it was made: its author and time. The import
    // leaves the chosen measures (measure_ids, set in the pane) as they are.
    for (const part of chunks(replaced, IDS_PER_STATEMENT)) {
      await tx.run(
        `INSERT INTO plan_history (plan_id, version, baseline, target, measures, milestones, measure_ids, changed_at, changed_by)
         SELECT id, version, baseline, target, measures, milestones, measure_ids, updated_at, updated_by
           FROM plans WHERE id IN (${marks(part.length, '?')})`,
        part,
      );
    }
    const written = await insertRows<{ id: number; claim_id: number; fiscal_year: number; version: number }>(
      tx,
      'INSERT INTO plans (claim_id, fiscal_year, baseline, target, measures, milestones, version, updated_at, updated_by)',
      '(?, ?, ?, ?, ?, ?, 1, ?, ?)',
      8,
      planTuples,
      `ON CONFLICT (claim_id, fiscal_year) DO UPDATE SET baseline = excluded.baseline, target = excluded.target,
         measures = excluded.measures, milestones = excluded.milestones, version = plans.version + 1,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by
       RETURNING id, claim_id, fiscal_year, version`,
    );
    const planKey = (claimId: number, fy: number) => `${claimId}:${fy}`;
    const plans = new Map<string, (typeof written)[number]>();
    for (const [i, p] of written.entries()) {
      await step(i);
      plans.set(planKey(p.claim_id, p.fiscal_year), p);
    }
    for (const [i, w] of writes.entries()) {
      await step(i);
      const p = plans.get(planKey(w.claimId, w.row.fiscalYear))!;
      if (p.version === 1) s.created.plans++;
      const r = w.row;
      audit(p.version === 1 ? 'create' : 'update', 'plan', String(p.id), p.version, {
        fiscalYear: r.fiscalYear,
        bureau: r.bureau,
        division: r.division,
        claim: r.claim,
      });
    }
    await insertRows(tx, AUDIT_HEAD, auditTuple, 8, audits);
    const details: Record<string, unknown> = {
      rows: s.imported,
      changed: s.changed,
      unchanged: s.unchanged,
      created: s.created,
    };
    if (o.confirmedKinds && Object.keys(o.confirmedKinds).length) details.personalTextConfirmed = o.confirmedKinds;
    await appendAudit(
      tx,
      { ...by, action: 'import', entity: 'plans', entityId: s.fiscalYears.join(','), details },
      now,
    );
    return s;
  });
}

export interface PlanListRow {
  id: number;
  bureau_id: number;
  bureau: string;
  division_id: number;
  division: string;
  claim_id: number;
  claim: string;
  classification: string | null;
  fiscal_year: number;
  /** Decimal text: exact past 2^53 (read with BigInt). */
  baseline: string;
  target: string;
  measures: string;
  milestones: string;
  version: number;
  updated_at: string;
}

/** One fiscal year's plans in import order (plan id), within a scope. */
export function listPlans(db: Queryable, fiscalYear: number, scope: Scope): Promise<PlanListRow[]> {
  const s = scopeSql(scope);
  return db.all<PlanListRow>(
    `SELECT p.id, b.id AS bureau_id, b.name AS bureau, d.id AS division_id, d.name AS division,
            c.id AS claim_id, c.name AS claim, c.classification, p.fiscal_year,
            CAST(p.baseline AS TEXT) AS baseline, CAST(p.target AS TEXT) AS target,
            p.measures, p.milestones, p.version, p.updated_at
       FROM plans p
       JOIN claims c ON c.id = p.claim_id
       JOIN divisions d ON d.id = c.division_id
       JOIN bureaus b ON b.id = d.bureau_id
      WHERE p.fiscal_year = ?${s.sql}
      ORDER BY p.id`,
    [fiscalYear, ...s.params],
  );
}

export async function isSettled(db: Queryable, fiscalYear: number): Promise<boolean> {
  return (await db.get('SELECT fiscal_year FROM settlements WHERE fiscal_year = ?', [fiscalYear])) !== undefined;
}

/**
 * Marks a fiscal year's settlement final (確定) and freezes its figures per claim with it. False
 * when it already was: nothing is written.
 */
export function settleFiscalYear(db: Db, fiscalYear: number, by: AuditActor, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const r = await tx.run(
      'INSERT INTO settlements (fiscal_year, settled_at, settled_by) VALUES (?, ?, ?) ON CONFLICT (fiscal_year) DO NOTHING',
      [fiscalYear, now.toISOString(), by.tokenId],
    );
    if (r.changes === 0) return false;
    await freezeClaimFigures(tx, fiscalYear);
    await appendAudit(tx, { ...by, action: 'settle', entity: 'settlement', entityId: String(fiscalYear) }, now);
    return true;
  });
}

export function getSettlement(
  db: Queryable,
  fiscalYear: number,
): Promise<{ fiscal_year: number; settled_at: string } | undefined> {
  return db.get('SELECT fiscal_year, settled_at FROM settlements WHERE fiscal_year = ?', [fiscalYear]);
}
