/** 計画: choose one of the division's claims; its plan, progress, monthly review and finance's proposal. */
import { Badge, Divider, Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useOv, useOversight } from './oversight-context.js';
import { NoticeBar } from './NoticeBar.js';
import { PlanForm } from './PlanForm.js';
import { PlanHistory } from './PlanHistory.js';
import { ProgressTable } from './ProgressTable.js';
import { ReviewForm } from './ReviewForm.js';
import { useTabStyles } from '../tab-styles.js';

const useStyles = makeStyles({
  proposal: {
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
  },
});

export function PlanTab() {
  const ov = useOversight();
  const styles = useStyles();
  const tab = useTabStyles();
  const slice = useOv((s) => s.plan);
  const { t } = ov;
  return (
    <section className={tab.root} aria-label={t('ov.tab.plan')}>
      {slice.busy && <Spinner size="tiny" label={t('common.loading')} />}
      <NoticeBar notice={slice.notice} />
      {slice.claims.length === 0 && !slice.busy && <Text>{t('ov.plan.noClaims')}</Text>}
      {slice.claims.length > 0 && (
        <Field label={t('ov.claim')}>
          <Select
            value={slice.claimId === null ? '' : String(slice.claimId)}
            onChange={(_, d) => void ov.plans.selectClaim(Number(d.value))}
          >
            {slice.claims.map((c) => (
              <option key={c.id} value={c.id}>
                {c.planVersion === null ? t('ov.plan.claimNoPlan', { name: c.name }) : c.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {slice.draft && (
        <>
          {slice.plan === null && <NoticeBar notice={{ intent: 'info', text: t('ov.plan.none') }} />}
          <PlanForm />
          <PlanHistory />
          <Divider />
          <ProgressTable />
          <Divider />
          <ReviewForm />
          <Divider />
          <Text weight="semibold" as="h3">
            {t('ov.proposal.title')}
          </Text>
          {slice.proposals.length === 0 && <Text size={200}>{t('ov.proposal.none')}</Text>}
          {slice.proposals.map((p) => (
            <div key={p.id} className={styles.proposal} data-testid="proposal">
              <Text block size={200}>
                {t('ov.proposal.meta', { version: p.version, at: p.updatedAt.slice(0, 10) })}{' '}
                {p.reasons.map((r) => (
                  <Badge key={r} size="small" appearance="tint" color="warning">
                    {t(
                      r === 'growing'
                        ? 'ov.reason.growing'
                        : r === 'behind-plan'
                          ? 'ov.reason.behind'
                          : 'ov.reason.other',
                    )}
                  </Badge>
                ))}
              </Text>
              <Text block>{p.body}</Text>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
