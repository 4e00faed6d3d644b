/**
 * The bureau target table (targets.md) with the year's progress beside it: the current uncollected
 * amount of every planned claim (Σ of its ledgers' latest accepted totals), the gap to the target,
 * and the claims that grow against last year (未収金増加債権) or lag their monthly milestones.
 */
import {
  buildTargetTable,
  formatThousandYen,
  type PlanAmounts,
  type TargetRow,
  type TargetTable,
} from '../../domain/targets/index.js';
import { integerOf, jsonInteger, type JsonInteger } from '../../domain/reports/exact.js';
import type { Queryable } from '../db/db.js';
import { isSettled } from '../db/repos/plans.js';
import { claimProgressExact, type ClaimProgressExact } from '../db/repos/reports.js';
import type { Milestone } from '../plans/index.js';
import { mapYielding, Yielder } from './yield.js';

/**
 * One claim against its plan. Amounts are exact JSON integers (domain/reports/exact.ts): numbers up
 * to 2^53 − 1, decimal strings beyond.
 */
export interface ClaimProgress {
  planId: number;
  planVersion: number;
  bureau: string;
  division: string;
  claim: string;
  classification: string | null;
  baselineYen: JsonInteger;
  targetYen: JsonInteger;
  /** Null until a ledger of the claim has an accepted submission. */
  currentYen: JsonInteger | null;
  /** current − target: what is still to be cut (negative: below target already). */
  gapYen: JsonInteger | null;
  ledgers: number;
  asOf: string | null;
  /** 未収金増加債権: current above last year's ①. */
  growing: boolean | null;
  /** Current above the milestone of the latest month up to today; null without milestones or data. */
  behindPlan: boolean | null;
  milestone: Milestone | null;
  display: { baseline: string; target: string; current: string | null; gap: string | null };
}

export interface Progress {
  currentYen: JsonInteger;
  gapYen: JsonInteger;
  claims: number;
  claimsReporting: number;
  growingClaims: number;
  behindClaims: number;
  display: { current: string; gap: string };
}

export type BureauReport = Omit<TargetRow, 'ratio'> & Progress;

export interface TargetsReport {
  fiscalYear: number;
  /** ① is last fiscal year's settlement: 確定 once finance has settled fiscalYear − 1. */
  baselineFiscalYear: number;
  settled: boolean;
  title: string;
  unitLine: string;
  headers: TargetTable['headers'];
  note: string;
  bureaus: BureauReport[];
  total: BureauReport;
}

const monthKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;

function parseMilestones(json: string): Milestone[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v)
      ? v.filter((m): m is Milestone => typeof m?.month === 'string' && Number.isFinite(m?.outstanding))
      : [];
  } catch {
    return [];
  }
}

/** `a > b` for an exact amount and a milestone's number (a flag: the nearest double is enough). */
const above = (a: bigint, b: number) => (Number.isSafeInteger(b) ? a > BigInt(b) : Number(a) > b);

export function claimProgress(r: ClaimProgressExact, now: Date): ClaimProgress {
  const current = r.current_outstanding;
  const today = monthKey(now);
  let milestone: Milestone | null = null;
  if (r.milestones !== '[]') {
    for (const m of parseMilestones(r.milestones)) {
      if (m.month <= today && (milestone === null || m.month >= milestone.month)) milestone = m;
    }
  }
  const gap = current === null ? null : current - r.target;
  return {
    planId: r.plan_id,
    planVersion: r.version,
    bureau: r.bureau,
    division: r.division,
    claim: r.claim,
    classification: r.classification,
    baselineYen: jsonInteger(r.baseline),
    targetYen: jsonInteger(r.target),
    currentYen: current === null ? null : jsonInteger(current),
    gapYen: gap === null ? null : jsonInteger(gap),
    ledgers: r.ledgers ?? 0,
    asOf: r.as_of,
    growing: current === null ? null : current > r.baseline,
    behindPlan: current === null || milestone === null ? null : above(current, milestone.outstanding),
    milestone,
    display: {
      baseline: formatThousandYen(r.baseline),
      target: formatThousandYen(r.target),
      current: current === null ? null : formatThousandYen(current),
      gap: gap === null ? null : formatThousandYen(gap),
    },
  };
}

/** Claims grouped by bureau in the table's order (first appearance in import order), then import order. */
export function inBureauOrder<T extends { bureau: string }>(items: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const g = groups.get(it.bureau);
    if (g) g.push(it);
    else groups.set(it.bureau, [it]);
  }
  if (groups.size <= 1) return [...items];
  const out: T[] = [];
  for (const g of groups.values()) for (const it of g) out.push(it);
  return out;
}

async function loadClaimProgress(
  db: Queryable,
  fiscalYear: number,
  opts: { bureauId?: number; now?: Date } = {},
): Promise<ClaimProgress[]> {
  const records = await claimProgressExact(db, fiscalYear, opts.bureauId);
  const now = opts.now ?? new Date();
  return inBureauOrder(await mapYielding(records, (r) => claimProgress(r, now)));
}

/** Exact sums of a group of claims: ①, ② and the current amount of those reporting. */
export interface ClaimSums {
  baseline: bigint;
  target: bigint;
  current: bigint;
  claims: number;
  claimsReporting: number;
  growingClaims: number;
  behindClaims: number;
}

export const emptySums = (): ClaimSums => ({
  baseline: 0n,
  target: 0n,
  current: 0n,
  claims: 0,
  claimsReporting: 0,
  growingClaims: 0,
  behindClaims: 0,
});

export function addClaim(s: ClaimSums, c: ClaimProgress): void {
  s.baseline += integerOf(c.baselineYen);
  s.target += integerOf(c.targetYen);
  if (c.currentYen !== null) {
    s.current += integerOf(c.currentYen);
    s.claimsReporting++;
  }
  s.claims++;
  if (c.growing) s.growingClaims++;
  if (c.behindPlan) s.behindClaims++;
}

export function progressOfSums(s: ClaimSums, target: bigint = s.target): Progress {
  const gap = s.current - target;
  return {
    currentYen: jsonInteger(s.current),
    gapYen: jsonInteger(gap),
    claims: s.claims,
    claimsReporting: s.claimsReporting,
    growingClaims: s.growingClaims,
    behindClaims: s.behindClaims,
    display: { current: formatThousandYen(s.current), gap: formatThousandYen(gap) },
  };
}

/** Per-bureau sums (bureaus in order of first appearance) and the total, in one yielding pass. */
async function sumsByBureau(claims: readonly ClaimProgress[]) {
  const byBureau = new Map<string, ClaimSums>();
  const total = emptySums();
  const y = new Yielder();
  for (const c of claims) {
    let s = byBureau.get(c.bureau);
    if (!s) byBureau.set(c.bureau, (s = emptySums()));
    addClaim(s, c);
    addClaim(total, c);
    await y.maybe();
  }
  return { byBureau, total };
}

/**
 * The table of targets.md for `fiscalYear` from per-bureau sums: a bureau's ① and ② are the sums
 * of its plans, so one line per bureau gives the table the plans would (and the same total).
 */
function tableOfSums(byBureau: Map<string, ClaimSums>, fiscalYear: number, settled: boolean): TargetTable {
  const lines: PlanAmounts[] = [...byBureau].map(([bureau, s]) => ({
    bureau,
    division: '',
    claim: '',
    fiscalYear,
    baselineYen: s.baseline,
    targetYen: s.target,
  }));
  return buildTargetTable(lines, { fiscalYear, bureauOrder: [...byBureau.keys()], settled });
}

function reportOf(table: TargetTable, byBureau: Map<string, ClaimSums>, total: ClaimSums): TargetsReport {
  const row = ({ ratio: _ratio, ...r }: TargetRow, s: ClaimSums): BureauReport => ({
    ...r,
    ...progressOfSums(s, integerOf(r.targetYen)),
  });
  return {
    fiscalYear: table.fiscalYear,
    baselineFiscalYear: table.fiscalYear - 1,
    settled: table.settled,
    title: table.title,
    unitLine: table.unitLine,
    headers: table.headers,
    note: table.note,
    bureaus: table.rows.map((r) => row(r, byBureau.get(r.bureau) ?? emptySums())),
    total: row(table.total, total),
  };
}

/** Everything the targets endpoints and the consolidated workbook need, in three reads. */
export async function loadTargets(db: Queryable, fiscalYear: number, now = new Date()) {
  const claims = await loadClaimProgress(db, fiscalYear, { now });
  const settled = await isSettled(db, fiscalYear - 1);
  const { byBureau, total } = await sumsByBureau(claims);
  const table = tableOfSums(byBureau, fiscalYear, settled);
  return { claims, table, report: reportOf(table, byBureau, total) };
}
