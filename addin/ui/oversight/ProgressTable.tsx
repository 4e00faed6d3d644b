/** Check: the claim's current uncollected amount against its plan, month by month, with each month's review. */
import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { monthLabel, yenText } from '../../oversight/amounts.js';
import { useOv, useOversight } from './oversight-context.js';

const END = { style: { justifyContent: 'flex-end' } } as const;
const useStyles = makeStyles({
  flags: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  month: { whiteSpace: 'nowrap' },
  reference: { backgroundColor: tokens.colorBrandBackground2 },
});

export function ProgressTable() {
  const ov = useOversight();
  const styles = useStyles();
  const { t } = ov;
  const progress = useOv((s) => s.plan.progress);
  if (!progress) return null;
  const { current, check } = progress;
  return (
    <section aria-label={t('ov.progress.title')}>
      <Text weight="semibold" as="h3" block>
        {t('ov.progress.title')}
      </Text>
      <Text size={200} block>
        {current.currentYen === null
          ? t('ov.progress.noData')
          : t('ov.progress.current', { yen: yenText(current.currentYen), asOf: current.asOf ?? '－' })}
      </Text>
      {check && (
        <div className={styles.flags}>
          {check.growing && <Badge color="danger">{t('ov.reason.growing')}</Badge>}
          {check.behindPlan && <Badge color="warning">{t('ov.reason.behind')}</Badge>}
          {check.gapToTargetYen !== null && (
            <Text size={200}>{t('ov.progress.gap', { yen: yenText(check.gapToTargetYen) })}</Text>
          )}
        </div>
      )}
      <Table size="extra-small" aria-label={t('ov.progress.title')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('ov.progress.month')}</TableHeaderCell>
            <TableHeaderCell button={END}>{t('ov.progress.planned')}</TableHeaderCell>
            <TableHeaderCell button={END}>{t('ov.progress.diff')}</TableHeaderCell>
            <TableHeaderCell>{t('ov.progress.review')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {progress.months.map((m) => (
            <TableRow key={m.month} className={m.state === 'reference' ? styles.reference : undefined}>
              <TableCell className={styles.month}>{monthLabel(t, m.month)}</TableCell>
              <TableCell className={styles.num}>{yenText(m.plannedYen)}</TableCell>
              <TableCell className={styles.num}>{m.state === 'future' ? '' : yenText(m.diffYen)}</TableCell>
              <TableCell>{m.review ? `${m.review.assessment} → ${m.review.nextStep}` : ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
