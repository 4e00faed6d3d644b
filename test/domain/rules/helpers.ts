/**
 * Builds small ledgers for rule tests: one header row of the catalogue's Japanese labels (so header
 * detection maps them), then one row per object keyed by canonical field names, checked with
 * `checkSheet`. Worksheet row 1 is the header, so the first data row is row 2.
 */
import type { LateChargeProfiles } from '../../../domain/late-charge/profiles.js';
import { expect } from 'vitest';
import { parseISODay, type Day } from '../../../domain/calendar/day.js';
import { checkSheet } from '../../../domain/engine/check.js';
import type { LedgerChecker } from '../../../domain/engine/checker.js';
import type { CheckOptions, CheckResult, Finding } from '../../../domain/engine/types.js';
import { FIELDS, type Classification, type FieldKey } from '../../../domain/fields/catalogue.js';
import type { RuleId, RuleParams } from '../../../domain/rules/rule.js';
import type { Cell } from '../../../domain/values/parsed.js';

export type RowSpec = Partial<Record<FieldKey, Cell>>;

export interface Opts {
  /** 基準日 as `YYYY-MM-DD`; 2025-03-31 (the worked example's) when absent. */
  asOf?: string;
  claimType?: string;
  classification?: Classification;
  prescriptionYears?: number;
  params?: Partial<RuleParams>;
  /** The city's late-charge profiles. */
  lateCharges?: LateChargeProfiles;
  /** Columns to include even when no row fills them (a mapped but empty column). */
  columns?: readonly FieldKey[];
  /** Columns to leave out even when a row names them (a field not in the sheet). */
  omit?: readonly FieldKey[];
  /** Extra header cells appended after the mapped columns (e.g. 個人番号), with their cell per row. */
  extra?: readonly { header: string; cells?: readonly Cell[] }[];
}

export const DEFAULT_AS_OF = '2025-03-31';

export function day(iso: string): Day {
  const d = parseISODay(iso);
  if (d === null) throw new Error(`bad ISO day ${iso}`);
  return d;
}

const LABEL = new Map(FIELDS.map((f) => [f.key, f.label]));
const ORDER = FIELDS.map((f) => f.key);

/** The mapped columns, in catalogue order. */
export function columnsOf(rows: readonly RowSpec[], opts: Opts = {}): FieldKey[] {
  const used = new Set<FieldKey>(opts.columns ?? []);
  for (const r of rows) for (const k of Object.keys(r) as FieldKey[]) used.add(k);
  for (const k of opts.omit ?? []) used.delete(k);
  return ORDER.filter((k) => used.has(k));
}

/** The worksheet: grid[0] is the header row (worksheet row 1). */
export function buildGrid(rows: readonly (RowSpec | null)[], opts: Opts = {}): Cell[][] {
  const cols = columnsOf(
    rows.filter((r): r is RowSpec => r !== null),
    opts,
  );
  const extra = opts.extra ?? [];
  const header: Cell[] = [...cols.map((k) => LABEL.get(k)!), ...extra.map((e) => e.header)];
  const body = rows.map((r, i) => {
    if (r === null) return cols.map(() => null as Cell);
    return [...cols.map((k) => (k in r ? (r[k] ?? null) : null)), ...extra.map((e) => e.cells?.[i] ?? null)];
  });
  return [header, ...body];
}

export function optionsOf(opts: Opts = {}): CheckOptions {
  const o: CheckOptions = { asOf: day(opts.asOf ?? DEFAULT_AS_OF) };
  if (opts.claimType !== undefined) o.claimType = opts.claimType;
  if (opts.classification !== undefined) o.classification = opts.classification;
  if (opts.prescriptionYears !== undefined) o.prescriptionYears = opts.prescriptionYears;
  if (opts.params !== undefined) o.params = opts.params;
  if (opts.lateCharges !== undefined) o.lateCharges = opts.lateCharges;
  return o;
}

/** Checks a grid; fails the test when the sheet cannot be checked at all. */
export function checkGrid(
  grid: readonly (readonly Cell[])[],
  opts: Opts = {},
): { result: CheckResult; checker: LedgerChecker } {
  const outcome = checkSheet(grid, optionsOf(opts));
  if (!outcome.ok) throw new Error(`sheet not checked: ${outcome.failure.reason}`);
  return { result: outcome.result, checker: outcome.checker };
}

/** Builds and checks a ledger (null = a blank row). */
export function check(rows: readonly (RowSpec | null)[], opts: Opts = {}): CheckResult {
  return checkGrid(buildGrid(rows, opts), opts).result;
}

export interface Brief {
  row: number;
  rule: RuleId;
  field: FieldKey | null;
  column: string | null;
}

export const brief = (f: Finding): Brief => ({ row: f.row, rule: f.rule, field: f.field, column: f.column });

/** Every finding of the ledger as { row, rule, field, column }, in the engine's order. */
export function findingsFor(rows: readonly (RowSpec | null)[], opts: Opts = {}): Brief[] {
  return check(rows, opts).findings.map(brief);
}

/** The findings of a one-row ledger (worksheet row 2). */
export function findingsOfRow(row: RowSpec, opts: Opts = {}): Finding[] {
  return check([row], opts).findings.filter((f) => f.row === 2);
}

/** The rule ids that fire on a one-row ledger, in the engine's order. */
export function rulesFiring(row: RowSpec, opts: Opts = {}): RuleId[] {
  return findingsOfRow(row, opts).map((f) => f.rule);
}

/** The findings of one rule on a one-row ledger. */
export function hitsOf(rule: RuleId, row: RowSpec, opts: Opts = {}): Finding[] {
  return findingsOfRow(row, opts).filter((f) => f.rule === rule);
}

/** Asserts the rule fires on the row (once, on `field` when given) or does not. */
export function expectRule(rule: RuleId, row: RowSpec, opts: Opts, fires: boolean, field?: FieldKey): void {
  const hits = hitsOf(rule, row, opts);
  if (!fires) {
    expect(hits.map(brief), `${rule} should not fire`).toEqual([]);
    return;
  }
  expect(hits.length, `${rule} should fire (fired: ${rulesFiring(row, opts).join(', ') || 'nothing'})`).toBe(1);
  if (field) expect(hits[0]!.field).toBe(field);
}

/** `iso` ± n days, as `YYYY-MM-DD`. */
export function plusDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A date cell as a clerk types it: `2024/4/1`. */
export function slash(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}/${m}/${d}`;
}
