/** Filters: severity, 現年度分 / 滞納繰越分, rule by its title (on a row of its own: titles are long). */
import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../../domain/engine/types.js';
import { SEVERITIES, type RuleId, type Severity } from '../../domain/rules/rule.js';
import { SEVERITY_LABELS } from '../../domain/rules/catalogue-doc.js';
import { ruleById } from '../../domain/rules/catalogue.js';
import type { YearKind } from '../state/filters.js';
import { usePane, usePaneState, useT } from './pane-context.js';

// Two columns, the rule (long titles) on a row of its own: a native select is as wide as its longest
// option unless its grid cell may shrink (minWidth 0), which pushed the pane wider than Excel's.
const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalS,
    '& > *': { minWidth: 0 },
  },
  wide: { gridColumn: '1 / -1' },
});

export function FindingFilters({ result }: { result: CheckResult }) {
  const pane = usePane();
  const t = useT();
  const styles = useStyles();
  const filters = usePaneState((s) => s.filters);
  const locale = usePaneState((s) => s.locale);
  const rules = Object.keys(result.summary.byRule) as RuleId[];
  if (filters.rule !== 'all' && !rules.includes(filters.rule)) rules.push(filters.rule);
  return (
    <div className={styles.root}>
      <Field label={t('filter.severity')} size="small">
        <Select
          size="small"
          value={filters.severity}
          onChange={(_, d) => pane.setFilters({ severity: d.value as Severity | 'all' })}
        >
          <option value="all">{t('common.all')}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s][locale]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('filter.year')} size="small">
        <Select
          size="small"
          value={filters.year}
          onChange={(_, d) => pane.setFilters({ year: d.value as YearKind | 'all' })}
        >
          <option value="all">{t('common.all')}</option>
          <option value="current">{t('filter.current')}</option>
          <option value="arrears">{t('filter.arrears')}</option>
        </Select>
      </Field>
      <Field className={styles.wide} label={t('filter.rule')} size="small">
        <Select
          size="small"
          value={filters.rule}
          onChange={(_, d) => pane.setFilters({ rule: d.value as RuleId | 'all' })}
        >
          <option value="all">{t('common.all')}</option>
          {rules.map((r) => (
            <option key={r} value={r}>
              {ruleById(r).title[locale]}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
