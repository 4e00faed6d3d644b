/** Hard cases with their status and answer; what can be done with each comes from the caller. */
import type { ReactNode } from 'react';
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { HardCaseT } from '../../oversight/schemas.js';
import { yenText } from '../../oversight/amounts.js';
import { caseStatusLabel, roleLabel } from '../../i18n/labels.js';
import { useOversight } from './oversight-context.js';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  answer: {
    whiteSpace: 'pre-wrap',
    backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingHorizontalXS,
  },
  text: { whiteSpace: 'pre-wrap' },
});

const COLORS = { open: 'warning', answered: 'success', closed: 'subtle' } as const;

export function HardCaseList({ cases, actions }: { cases: HardCaseT[]; actions?: (c: HardCaseT) => ReactNode }) {
  const ov = useOversight();
  const styles = useStyles();
  const { t } = ov;
  if (cases.length === 0) return <Text size={200}>{t('ov.case.none')}</Text>;
  return (
    <ul className={styles.list} aria-label={t('ov.case.list')}>
      {cases.map((c) => (
        <li key={c.id} className={styles.item} data-testid="hard-case">
          <span className={styles.head}>
            <Badge appearance="filled" color={COLORS[c.status]}>
              {caseStatusLabel(t, c.status)}
            </Badge>
            <Text weight="semibold">{c.title}</Text>
          </span>
          <Text size={200}>
            {t('ov.case.meta', {
              claim: c.claim.name,
              division: `${c.bureau.name} ${c.division.name}`,
              at: c.createdAt.slice(0, 10),
            })}
            {c.outstandingYen !== null && t('ov.case.metaYen', { outstanding: yenText(c.outstandingYen) })}
          </Text>
          <Text size={200} className={styles.text}>
            {t('ov.case.tried')}: {c.tried}
          </Text>
          <Text size={200} className={styles.text}>
            {t('ov.case.question')}: {c.question}
          </Text>
          {c.answer && (
            <Text size={200} className={styles.answer}>
              {t('ov.case.answer', { who: roleLabel(t, c.answer.role), at: (c.answer.answeredAt ?? '').slice(0, 10) })}
              {'\n'}
              {c.answer.policy}
            </Text>
          )}
          {actions?.(c)}
        </li>
      ))}
    </ul>
  );
}
