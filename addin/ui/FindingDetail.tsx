/** The selected finding in full: the whole message and the rule's legal basis. */
import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../domain/engine/types.js';
import { ruleById } from '../../domain/rules/catalogue.js';
import { usePaneState, useT } from './pane-context.js';
import { SeverityBadge } from './SeverityBadge.js';

const useStyles = makeStyles({
  // Wraps in a narrow pane: a rule id (COLLECTION_STOP_NOT_APPLICABLE) may need a line of its own.
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
    overflowWrap: 'anywhere',
  },
});

export function FindingDetail({ finding: f }: { finding: Finding }) {
  const t = useT();
  const styles = useStyles();
  const locale = usePaneState((s) => s.locale);
  const basis = ruleById(f.rule).basis;
  return (
    <Card size="small" aria-live="polite" data-testid="finding-detail">
      <div className={styles.head}>
        <SeverityBadge severity={f.severity} />
        <Text weight="semibold">
          {f.column ? t('finding.cell', { row: f.row, column: f.column }) : t('finding.row', { row: f.row })}
        </Text>
        <Text>{f.rule}</Text>
      </div>
      <Text>{f.message}</Text>
      <Text size={200}>{basis ? t('finding.basis', { basis: basis[locale] }) : t('finding.noBasis')}</Text>
    </Card>
  );
}
