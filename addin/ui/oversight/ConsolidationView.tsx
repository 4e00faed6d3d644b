/**
 * 取りまとめ for accounting and finance: the button that writes the consolidated sheets and charts
 * into the open workbook, then the submission status with the chase list, the improvement list and
 * the hard cases to answer.
 */
import { Button, Divider, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useOv, useOversight } from './oversight-context.js';
import { NoticeBar } from './NoticeBar.js';
import { SubmissionList } from './SubmissionList.js';
import { ImprovementList } from './ImprovementList.js';
import { CasesToAnswer } from './CasesToAnswer.js';
import { SettlementControl } from './SettlementControl.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  written: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function ConsolidationView() {
  const ov = useOversight();
  const styles = useStyles();
  const { t } = ov;
  const c = useOv((s) => s.consolidation);
  const role = useOv((s) => s.role);
  const reviewNotice = useOv((s) => s.review.notice);
  const busy = useOv((s) => s.review.busy);
  const available = ov.consolidation.available();
  return (
    <div className={styles.root}>
      <section className={styles.root} aria-label={t('ov.consolidate.title')}>
        <Text weight="semibold" as="h2" size={400}>
          {t('ov.consolidate.title')}
        </Text>
        <Text size={200}>
          {t(role === 'finance' ? 'ov.consolidate.introFinance' : 'ov.consolidate.introAccounting')}
        </Text>
        {role === 'finance' && <SettlementControl />}
        <div>
          <Button
            appearance="primary"
            disabled={!available || c.status === 'running'}
            onClick={() => void ov.consolidation.run()}
          >
            {t('ov.consolidate.run')}
          </Button>
        </div>
        {!available && <NoticeBar notice={{ intent: 'info', text: t('ov.consolidate.unsupported') }} />}
        {c.status === 'running' && <Spinner size="tiny" label={t('ov.consolidate.running')} />}
        <NoticeBar notice={c.notice} />
        {c.written.length > 0 && (
          <ul className={styles.written} aria-label={t('ov.consolidate.written')}>
            {c.written.map((w) => (
              <li key={w.name}>
                <Text size={200}>{t('ov.consolidate.sheet', { name: w.name, rows: w.rows, charts: w.charts })}</Text>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Divider />
      {busy && <Spinner size="tiny" label={t('common.loading')} />}
      <NoticeBar notice={reviewNotice} />
      <SubmissionList />
      <Divider />
      <ImprovementList />
      <Divider />
      <CasesToAnswer />
    </div>
  );
}
