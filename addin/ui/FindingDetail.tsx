/** The selected finding in full: the rule's title and id, the whole message and the rule's legal basis. */
import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../domain/engine/types.js';
import { ruleById } from '../../domain/rules/catalogue.js';
import { usePaneState, useT } from './pane-context.js';
import { SeverityBadge } from './SeverityBadge.js';

const useStyles = makeStyles({
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
    overflowWrap: 'anywhere',
  },
  // The title is what clerks call the rule; the id under it is for reference (the catalogue, the CLI).
  rule: { display: 'flex', flexDirection: 'column' },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export function FindingDetail({ finding: f }: { finding: Finding }) {
  const t = useT();
  const styles = useStyles();
  const locale = usePaneState((s) => s.locale);
  const { basis, title } = ruleById(f.rule);
  return (
    <Card size="small" aria-live="polite" data-testid="finding-detail">
      <div className={styles.head}>
        <SeverityBadge severity={f.severity} />
        <Text weight="semibold">
          {f.column ? t('finding.cell', { row: f.row, column: f.column }) : t('finding.row', { row: f.row })}
        </Text>
      </div>
      <div className={styles.rule}>
        <Text weight="semibold">{title[locale]}</Text>
        <Text size={100} className={styles.id}>
          {f.rule}
        </Text>
      </div>
      <Text>{f.message}</Text>
      <Text size={200}>{basis ? t('finding.basis', { basis: basis[locale] }) : t('finding.noBasis')}</Text>
    </Card>
  );
}
