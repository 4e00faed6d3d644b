/** The findings list's filters, applied outside React so they can be tested alone. */
import type { Finding } from '../../domain/engine/types.js';
import type { RuleId, Severity } from '../../domain/rules/rule.js';

/** 現年度分 / 滞納繰越分, from the row's fiscal year against the as-of date's. */
export type YearKind = 'current' | 'arrears';

export interface Filters {
  severity: Severity | 'all';
  rule: RuleId | 'all';
  year: YearKind | 'all';
}

export const NO_FILTERS: Filters = { severity: 'all', rule: 'all', year: 'all' };

export function filterFindings(
  findings: readonly Finding[],
  filters: Filters,
  yearKindOf: (row: number) => YearKind | null,
): readonly Finding[] {
  if (filters.severity === 'all' && filters.rule === 'all' && filters.year === 'all') return findings;
  return findings.filter(
    (f) =>
      (filters.severity === 'all' || f.severity === filters.severity) &&
      (filters.rule === 'all' || f.rule === filters.rule) &&
      (filters.year === 'all' || yearKindOf(f.row) === filters.year),
  );
}
