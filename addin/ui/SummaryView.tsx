/** Counts by severity and by rule (its title, the id under it); a rule's title narrows the list to it. */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Summary } from '../../domain/engine/types.js';
import { ruleById } from '../../domain/rules/catalogue.js';
import { SEVERITIES, type RuleId } from '../../domain/rules/rule.js';
import { usePane, usePaneState, useT } from './pane-context.js';
import { SeverityBadge } from './SeverityBadge.js';

const useStyles = makeStyles({
  badges: { display: 'flex', gap: tokens.spacingHorizontalS },
  rules: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalM, margin: 0 },
  rule: { display: 'flex', flexDirection: 'column', alignItems: 'start', marginBottom: tokens.spacingVerticalXXS },
  // For reference only (the catalogue and the CLI name rules by it): small and grey under the title.
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  count: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

export function SummaryView({ summary }: { summary: Summary }) {
  const pane = usePane();
  const t = useT();
  const styles = useStyles();
  const locale = usePaneState((s) => s.locale);
  const rules = Object.entries(summary.byRule) as [RuleId, number][];
  return (
    <div>
      <Text weight="semibold" as="h3" size={300}>
        {t('summary.bySeverity')}
      </Text>
      <div className={styles.badges} aria-label={t('summary.bySeverity')}>
        {SEVERITIES.map((s) => (
          <SeverityBadge key={s} severity={s} count={summary.bySeverity[s]} />
        ))}
      </div>
      {rules.length > 0 && (
        <>
          <Text weight="semibold" as="h3" size={300}>
            {t('summary.byRule')}
          </Text>
          <dl className={styles.rules} aria-label={t('summary.byRule')}>
            {rules.map(([rule, n]) => (
              <div key={rule} style={{ display: 'contents' }}>
                <dt className={styles.rule}>
                  <Link onClick={() => pane.setFilters({ rule })}>{ruleById(rule).title[locale]}</Link>
                  <Text size={100} className={styles.id}>
                    {rule}
                  </Text>
                </dt>
                <dd className={styles.count} data-rule={rule}>
                  {n}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
