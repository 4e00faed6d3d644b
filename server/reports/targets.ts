/**
 * The bureau target table (targets.md) with the year's progress beside it: the current uncollected
 * amount of every planned claim (Σ of its ledgers' latest accepted totals), the gap to the target,
 * and the claims that grow against last year (未収金増加債権) or lag their monthly milestones.
 */
import {
  buildTargetTable,
  formatThousandYen,
  type PlanLine,
  type TargetRow,
  type TargetTable,
} from '../../domain/targets/index.js';
import type { Queryable } from '../db/db.js';
import { isSettled } from '../db/repos/plans.js';
import { claimProgressRecords, type ClaimProgressRecord } from '../db/repos/reports.js';
import type { Milestone } from '../plans/index.js';

export interface ClaimProgress {
  planId: number;
  planVersion: number;
  bureau: string;
  division: string;
  claim: string;
  classification: string | null;
  baselineYen: number;
  targetYen: number;
  /** Null until a ledger of the claim has an accepted submission. */
  currentYen: number | null;
  /** current − target: what is still to be cut (negative: below target already). */
  gapYen: number | null;
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
  currentYen: number;
  gapYen: number;
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

export function claimProgress(r: ClaimProgressRecord, now: Date): ClaimProgress {
  const current = r.current_outstanding;
  const today = monthKey(now);
  const milestone =
    parseMilestones(r.milestones)
      .filter((m) => m.month <= today)
      .sort((a, b) => a.month.localeCompare(b.month))
      .at(-1) ?? null;
  return {
    planId: r.plan_id,
    planVersion: r.version,
    bureau: r.bureau,
    division: r.division,
    claim: r.claim,
    classification: r.classification,
    baselineYen: r.baseline,
    targetYen: r.target,
    currentYen: current,
    gapYen: current === null ? null : current - r.target,
    ledgers: r.ledgers ?? 0,
    asOf: r.as_of,
    growing: current === null ? null : current > r.baseline,
    behindPlan: current === null || milestone === null ? null : current > milestone.outstanding,
    milestone,
    display: {
      baseline: formatThousandYen(r.baseline),
      target: formatThousandYen(r.target),
      current: current === null ? null : formatThousandYen(current),
      gap: current === null ? null : formatThousandYen(current - r.target),
    },
  };
}

/** Claims grouped by bureau in the table's order (first appearance in import order), then import order. */
export function inBureauOrder<T extends { bureau: string }>(items: readonly T[]): T[] {
  const rank = new Map<string, number>();
  for (const it of items) if (!rank.has(it.bureau)) rank.set(it.bureau, rank.size);
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => rank.get(a.it.bureau)! - rank.get(b.it.bureau)! || a.i - b.i)
    .map(({ it }) => it);
}

export async function loadClaimProgress(
  db: Queryable,
  fiscalYear: number,
  opts: { bureauId?: number; now?: Date } = {},
): Promise<ClaimProgress[]> {
  const records = await claimProgressRecords(db, fiscalYear, opts.bureauId);
  return inBureauOrder(records.map((r) => claimProgress(r, opts.now ?? new Date())));
}

export function progressOf(claims: readonly ClaimProgress[], targetYen: number): Progress {
  const currentYen = claims.reduce((s, c) => s + (c.currentYen ?? 0), 0);
  return {
    currentYen,
    gapYen: currentYen - targetYen,
    claims: claims.length,
    claimsReporting: claims.filter((c) => c.currentYen !== null).length,
    growingClaims: claims.filter((c) => c.growing).length,
    behindClaims: claims.filter((c) => c.behindPlan).length,
    display: { current: formatThousandYen(currentYen), gap: formatThousandYen(currentYen - targetYen) },
  };
}

/** The table of targets.md for `fiscalYear`, from the claims' plans (already in import order). */
export function targetTableOf(claims: readonly ClaimProgress[], fiscalYear: number, settled: boolean): TargetTable {
  const lines: PlanLine[] = claims.map((c) => ({
    bureau: c.bureau,
    division: c.division,
    claim: c.claim,
    fiscalYear,
    baselineYen: c.baselineYen,
    targetYen: c.targetYen,
  }));
  const bureauOrder = [...new Set(claims.map((c) => c.bureau))];
  return buildTargetTable(lines, { fiscalYear, bureauOrder, settled });
}

export function targetsReportOf(claims: readonly ClaimProgress[], table: TargetTable): TargetsReport {
  const row = ({ ratio: _ratio, ...r }: TargetRow, of: readonly ClaimProgress[]): BureauReport => ({
    ...r,
    ...progressOf(of, r.targetYen),
  });
  return {
    fiscalYear: table.fiscalYear,
    baselineFiscalYear: table.fiscalYear - 1,
    settled: table.settled,
    title: table.title,
    unitLine: table.unitLine,
    headers: table.headers,
    note: table.note,
    bureaus: table.rows.map((r) =>
      row(
        r,
        claims.filter((c) => c.bureau === r.bureau),
      ),
    ),
    total: row(table.total, claims),
  };
}

/** Everything the targets endpoints and the consolidated workbook need, in three reads. */
export async function loadTargets(db: Queryable, fiscalYear: number, now = new Date()) {
  const claims = await loadClaimProgress(db, fiscalYear, { now });
  const settled = await isSettled(db, fiscalYear - 1);
  const table = targetTableOf(claims, fiscalYear, settled);
  return { claims, table, report: targetsReportOf(claims, table) };
}
