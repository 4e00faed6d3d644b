/**
 * The rule engine. `LedgerChecker` checks a whole sheet once, then keeps what it needs (typed rows,
 * findings per row, the duplicate index, running analysis sums) so that an edit re-checks only the
 * rows it touched: the task pane calls `update` from Excel's onChanged event.
 */
import { DEFAULT_LATE_CHARGE_PROFILES } from '../late-charge/profiles.js';
import type { Cell } from '../values/parsed.js';
import type { HeaderDetection } from '../fields/mapping.js';
import { ClaimTypeIndex } from '../claims/claim-types.js';
import { AnalysisAccumulator, SPLIT_COLUMNS } from '../analysis/analysis.js';
import { RULES, ruleById } from '../rules/catalogue.js';
import {
  DEFAULT_PARAMS,
  SEVERITIES,
  type RuleContext,
  type RuleDef,
  type RuleId,
  type Severity,
} from '../rules/rule.js';
import type { LedgerRow } from './ledger-row.js';
import { RowReader } from './read-row.js';
import { DuplicateIndex } from './duplicate-index.js';
import { renderMessage } from './messages.js';
import type { CheckOptions, CheckResult, Finding, Locale, RowCounts, Summary } from './types.js';

export type Grid = readonly (readonly Cell[] | undefined)[];

type Slot = { kind: 'blank' } | { kind: 'totals' } | { kind: 'data'; row: LedgerRow; cells: readonly Cell[] };

const ROW_RULES: readonly RuleDef[] = RULES.filter((r) => r.check !== undefined);

export class LedgerChecker {
  private readonly reader: RowReader;
  private readonly ctx: RuleContext;
  private readonly locale: Locale;
  private readonly letters = new Map<string, string>();
  /** Indexed by 1-based row number. */
  private readonly slots: (Slot | undefined)[] = [];
  private readonly findings: (Finding[] | undefined)[] = [];
  private readonly sheetFindings: Finding[];
  private readonly duplicates = new DuplicateIndex();
  private readonly analysis: AnalysisAccumulator;
  private readonly counts: RowCounts = { total: 0, checked: 0, blank: 0, totals: 0, unreadable: 0 };
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly byRule = new Map<RuleId, number>();
  /** The last worksheet row the checker has placed (the end of the used range). */
  private lastRow = 0;

  constructor(
    readonly mapping: HeaderDetection,
    readonly options: CheckOptions,
  ) {
    this.locale = options.locale ?? 'ja';
    for (const c of mapping.columns) this.letters.set(c.field, c.letter);
    this.reader = new RowReader(mapping, {
      claimType: options.claimType,
      classification: options.classification,
      prescriptionYears: options.prescriptionYears,
      claimTypes: new ClaimTypeIndex(options.claimTypes),
    });
    const columnOf = new Map(mapping.columns.map((c) => [c.field as string, c.column]));
    this.ctx = {
      asOf: options.asOf,
      params: { ...DEFAULT_PARAMS, ...options.params },
      duplicateOf: (row) => (row.duplicateKey === null ? null : this.duplicates.firstBefore(row.duplicateKey, row.row)),
      rawText: (row, field) => {
        const slot = this.slots[row.row];
        const cell = slot?.kind === 'data' ? slot.cells[columnOf.get(field) ?? -1] : undefined;
        return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '');
      },
      lateCharges: options.lateCharges ?? DEFAULT_LATE_CHARGE_PROFILES,
    };
    const splits = SPLIT_COLUMNS.filter((f) => this.letters.has(f));
    this.analysis = new AnalysisAccumulator(options.asOf, new Set(splits), this.ctx.params, this.ctx.lateCharges);
    this.sheetFindings = this.personalNumberFindings();
    for (const f of this.sheetFindings) this.tally(f, 1);
  }

  /** Checks every row below the header. `grid[0]` is worksheet row 1. */
  checkAll(grid: Grid, onProgress?: (done: number, total: number) => void): CheckResult {
    const first = this.mapping.dataStartRow;
    const last = grid.length;
    this.lastRow = Math.max(last, first - 1);
    // Read every row and build the duplicate index first: a row's duplicate is any earlier row.
    for (let r = first; r <= last; r++) {
      this.place(r, grid[r - 1] ?? []);
      if (onProgress && (r - first) % 5000 === 4999) onProgress(r - first + 1, (last - first + 1) * 2);
    }
    for (let r = first; r <= last; r++) {
      this.evaluate(r);
      if (onProgress && (r - first) % 5000 === 4999)
        onProgress(last - first + 1 + r - first + 1, (last - first + 1) * 2);
    }
    onProgress?.((last - first + 1) * 2, (last - first + 1) * 2);
    return this.result();
  }

  /**
   * Re-checks the rows an edit changed (`cells` is the whole new row; an empty array for a deleted
   * row). Rows that shared a duplicate key with a changed row are re-judged too.
   * Returns the new result and every row whose findings may have changed.
   */
  update(changes: readonly { row: number; cells: readonly Cell[] }[]): { result: CheckResult; rows: number[] } {
    const touched = new Set<number>();
    const keys = new Set<string>();
    // Typing below the used range grows it: the rows in between are blank rows of the sheet.
    const changed = new Set(changes.map((c) => c.row));
    const end = Math.max(this.lastRow, ...changed);
    for (let r = Math.max(this.lastRow + 1, this.mapping.dataStartRow); r < end; r++)
      if (!changed.has(r)) this.place(r, []);
    this.lastRow = end;
    for (const { row, cells } of changes) {
      if (row < this.mapping.dataStartRow) continue;
      const before = this.slots[row];
      if (before?.kind === 'data' && before.row.duplicateKey !== null) keys.add(before.row.duplicateKey);
      this.unplace(row);
      this.place(row, cells);
      const after = this.slots[row];
      if (after?.kind === 'data' && after.row.duplicateKey !== null) keys.add(after.row.duplicateKey);
      touched.add(row);
    }
    for (const k of keys) for (const r of this.duplicates.rowsWith(k)) touched.add(r);
    const rows = [...touched].sort((a, b) => a - b);
    for (const r of rows) this.evaluate(r);
    return { result: this.result(), rows };
  }

  /** The typed row at a worksheet row (data rows only): the pane's 現年度分 / 滞納繰越分 filter reads it. */
  rowOf(row: number): LedgerRow | undefined {
    const s = this.slots[row];
    return s?.kind === 'data' ? s.row : undefined;
  }

  /** Data rows in sheet order, typed: what the pane's sync sends, without reading the sheet again. */
  *dataRows(): Generator<LedgerRow> {
    for (const s of this.slots) if (s?.kind === 'data') yield s.row;
  }

  /** The findings of one row (for the task pane's highlights). */
  findingsOf(row: number): readonly Finding[] {
    return this.findings[row] ?? [];
  }

  private place(r: number, cells: readonly Cell[]): void {
    const read = this.reader.read(r, cells);
    this.counts.total++;
    if (read.kind === 'blank') {
      this.counts.blank++;
      this.slots[r] = read;
      return;
    }
    if (read.kind === 'totals') {
      this.counts.totals++;
      this.slots[r] = read;
      return;
    }
    const row = read.row;
    this.slots[r] = { kind: 'data', row, cells };
    this.counts.checked++;
    if (row.amountsUnreadable) this.counts.unreadable++;
    if (row.duplicateKey !== null) this.duplicates.add(row.duplicateKey, r);
    this.analysis.add(row, 1);
  }

  private unplace(r: number): void {
    const slot = this.slots[r];
    if (!slot) return;
    this.counts.total--;
    if (slot.kind === 'blank') this.counts.blank--;
    else if (slot.kind === 'totals') this.counts.totals--;
    else {
      this.counts.checked--;
      if (slot.row.amountsUnreadable) this.counts.unreadable--;
      if (slot.row.duplicateKey !== null) this.duplicates.remove(slot.row.duplicateKey, r);
      this.analysis.add(slot.row, -1);
    }
    this.slots[r] = undefined;
  }

  /** Runs every row rule on row r, replacing its previous findings. */
  private evaluate(r: number): void {
    for (const f of this.findings[r] ?? []) this.tally(f, -1);
    const slot = this.slots[r];
    if (slot?.kind !== 'data') {
      this.findings[r] = undefined;
      return;
    }
    const row = slot.row;
    let out: Finding[] | undefined;
    for (const rule of ROW_RULES) {
      const hits = rule.check!(row, this.ctx);
      if (!hits) continue;
      for (const hit of Array.isArray(hits) ? hits : [hits]) {
        const f: Finding = {
          rule: rule.id,
          severity: rule.severity,
          row: r,
          column: this.letters.get(hit.field) ?? null,
          field: hit.field,
          message: renderMessage(rule, hit.params, this.locale),
          params: hit.params,
        };
        (out ??= []).push(f);
        this.tally(f, 1);
      }
    }
    if (out && out.length > 1) out.sort(byRule);
    this.findings[r] = out;
  }

  private personalNumberFindings(): Finding[] {
    const rule = ruleById('PERSONAL_NUMBER_COLUMN');
    const first = this.mapping.headerRows[0] ?? 1;
    return this.mapping.personalNumberColumns.map((c) => {
      const row = c.row ?? first;
      const params = { column: c.letter, header: c.header };
      return {
        rule: rule.id,
        severity: rule.severity,
        row,
        column: c.letter,
        field: null,
        message: renderMessage(rule, params, this.locale),
        params,
      };
    });
  }

  private tally(f: Finding, sign: 1 | -1): void {
    this.bySeverity[f.severity] += sign;
    const n = (this.byRule.get(f.rule) ?? 0) + sign;
    if (n === 0) this.byRule.delete(f.rule);
    else this.byRule.set(f.rule, n);
  }

  private result(): CheckResult {
    const findings: Finding[] = [];
    const sheet = this.sheetFindings;
    let s = 0;
    for (let r = 0; r < this.findings.length; r++) {
      while (s < sheet.length && sheet[s]!.row <= r) findings.push(sheet[s++]!);
      const fs = this.findings[r];
      if (fs) for (const f of fs) findings.push(f);
    }
    while (s < sheet.length) findings.push(sheet[s++]!);
    const byRule: Summary['byRule'] = {};
    for (const r of RULES) {
      const n = this.byRule.get(r.id);
      if (n) byRule[r.id] = n;
    }
    const bySeverity = Object.fromEntries(SEVERITIES.map((k) => [k, this.bySeverity[k]])) as Record<Severity, number>;
    return {
      mapping: this.mapping,
      findings,
      summary: { rows: { ...this.counts }, bySeverity, byRule },
      analysis: this.analysis.snapshot(),
    };
  }
}

function byRule(a: Finding, b: Finding): number {
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}
