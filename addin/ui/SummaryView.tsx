/** Counts by severity and by rule; a rule's count narrows the list to it. */
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Summary } from '../../domain/engine/types.js';
import { SEVERITIES, type RuleId } from '../../domain/rules/rule.js';
import { usePane, useT } from './pane-context.js';
import { SeverityBadge } from './SeverityBadge.js';

const useStyles = makeStyles({
  badges: { display: 'flex', gap: tokens.spacingHorizontalS },
  rules: { display: 'grid', gridTemplateColumns: '1fr auto', columnGap: tokens.spacingHorizontalM, margin: 0 },
  count: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

export function SummaryView({ summary }: { summary: Summary }) {
  const pane = usePane();
  const t = useT();
  const styles = useStyles();
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
                <dt>
                  <Link onClick={() => pane.setFilters({ rule })}>{rule}</Link>
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
