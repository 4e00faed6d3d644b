/**
 * The human report of `saiken check`: the mapping found, the summary, every finding, the analysis.
 */
import { fiscalYearLabel } from '../../../domain/calendar/era.js';
import type { Analysis, Split, Totals } from '../../../domain/analysis/analysis.js';
import type { CheckResult } from '../../../domain/engine/types.js';
import { fieldDef } from '../../../domain/fields/catalogue.js';
import { RULES, ruleById } from '../../../domain/rules/catalogue.js';
import type { RuleId } from '../../../domain/rules/rule.js';
import { EN, JA, type Labels } from './labels.js';
import { grouped, table } from './table.js';
import { channelLines, statusLines } from './breakdowns.js';

export interface ReportInput {
  file: string;
  sheet: string;
  asOf: string;
  /** What the sheet was checked as: the option given, or null where the sheet's own columns decide. */
  claimType: string | null;
  classification: string | null;
  /** True where no row can have a classification (no option, no column, claim type unknown). */
  classificationUnknown: boolean;
  lang: 'ja' | 'en';
  result: CheckResult;
}

/** A full-width space between heading items, as Japanese documents set them. */
const GAP = '\u3000';
const indent = (lines: readonly string[]) => lines.map((l) => `  ${l}`);

export function renderReport(input: ReportInput): string {
  const L = input.lang === 'en' ? EN : JA;
  const { result } = input;
  const out: string[] = [
    `${L.file}: ${input.file}${GAP}${L.sheet}: ${input.sheet}`,
    `${L.asOf}: ${input.asOf}${GAP}${L.claimType}: ${input.claimType ?? L.none}${GAP}${L.classification}: ${
      input.classification ?? (input.claimType === null && !input.classificationUnknown ? L.fromColumn : L.none)
    }`,
  ];
  if (input.classificationUnknown) out.push(L.noClassification);
  out.push('', ...mapping(L, input), '', ...summary(L, result), '', ...findings(L, result), '');
  out.push(...analysis(L, result.analysis, result.summary.rows));
  return out.join('\n') + '\n';
}

function fieldName(L: Labels, key: string): string {
  return L === EN ? key : fieldDef(key as Parameters<typeof fieldDef>[0]).label;
}

/** 督促状の未発付 (DEMAND_MISSING): the title clerks know, and the id to look it up by. */
function ruleName(L: Labels, id: RuleId): string {
  return `${ruleById(id).title[L === EN ? 'en' : 'ja']} (${id})`;
}

function mapping(L: Labels, input: ReportInput): string[] {
  const m = input.result.mapping;
  const rows = m.columns.map((c) => [c.letter, c.header, fieldName(L, c.field), L.reason[c.reason]]);
  const out = [L.mapping(m.headerRows.join('〜')), ...indent(table(L.mappingHeader, rows))];
  const list = (cols: readonly { letter: string; header: string }[]) =>
    cols.map((c) => `${c.letter}「${c.header}」`).join('、');
  if (m.unmatched.length > 0) out.push(`  ${L.unmatched}: ${list(m.unmatched)}`);
  if (m.personalNumberColumns.length > 0) out.push(`  ${L.personalNumber}: ${list(m.personalNumberColumns)}`);
  return out;
}

function summary(L: Labels, result: CheckResult): string[] {
  const { rows, bySeverity, byRule } = result.summary;
  const out = [
    L.summary,
    `  ${L.rows(rows.total, rows.checked, rows.blank, rows.totals, rows.unreadable)}`,
    `  ${L.bySeverity(bySeverity.error, bySeverity.warning, bySeverity.info)}`,
  ];
  const ruleRows = RULES.filter((r) => byRule[r.id]).map((r) => [
    ruleName(L, r.id),
    L.severity[r.severity],
    grouped(byRule[r.id]!),
  ]);
  if (ruleRows.length > 0)
    out.push(`  ${L.byRule}`, ...indent(indent(table(L.byRuleHeader, ruleRows, ['l', 'l', 'r']))));
  return out;
}

function findings(L: Labels, result: CheckResult): string[] {
  const fs = result.findings;
  if (fs.length === 0) return [L.findings(0), `  ${L.noFindings}`];
  const rows = fs.map((f) => [
    String(f.row),
    f.column ?? L.none,
    ruleName(L, f.rule),
    L.severity[f.severity],
    f.message,
  ]);
  return [L.findings(fs.length), ...indent(table(L.findingsHeader, rows, ['r', 'l', 'l', 'l', 'l']))];
}

const rate = (t: Totals) => (t.collectionRate === null ? '—' : `${t.collectionRate.toFixed(1)}%`);

function analysis(L: Labels, a: Analysis, skipped: CheckResult['summary']['rows']): string[] {
  const fy = L === EN ? String(a.fiscalYear) : fiscalYearLabel(a.fiscalYear);
  const totals = (name: string, t: Totals) => [
    name,
    grouped(t.count),
    grouped(t.assessed),
    grouped(t.paid),
    grouped(t.outstanding),
    rate(t),
  ];
  const out = [
    L.analysis(a.asOf, fy),
    ...indent(
      table(
        L.totalsHeader,
        [totals(L.current, a.current), totals(L.arrears, a.arrears), totals(L.total, a.total)],
        ['l', 'r', 'r', 'r', 'r', 'r'],
      ),
    ),
    `  ${L.lateCharge}`,
    ...indent(
      indent(
        table(
          L.lateChargeHeader,
          (
            [
              [L.current, a.lateCharge.current],
              [L.arrears, a.lateCharge.arrears],
              [L.total, a.lateCharge.total],
            ] as const
          ).map(([name, s]) => [name, grouped(s.rows), grouped(s.estimate)]),
          ['l', 'r', 'r'],
        ),
      ),
    ),
    `  ${L.aging}`,
    ...indent(
      indent(
        table(
          L.agingHeader,
          a.aging.map((b) => [L.agingLabel(b.fromYears, b.toYears), grouped(b.count), grouped(b.outstanding)]),
          ['l', 'r', 'r'],
        ),
      ),
    ),
  ];
  const split = (title: string, key: string, s: Split[] | null) => {
    if (s === null) return;
    const rows = s.map((x) => [x.key, grouped(x.count), grouped(x.outstanding)]);
    out.push(`  ${title}`, ...indent(indent(table(L.splitHeader(key), rows, ['l', 'r', 'r']))));
  };
  split(L.byIncomeBracket, fieldName(L, 'incomeBracket'), a.byIncomeBracket);
  out.push(...statusLines(L, a), ...channelLines(L, a));
  out.push(`  ${L.skipped(skipped.blank, skipped.totals, skipped.unreadable)}`);
  return out;
}
