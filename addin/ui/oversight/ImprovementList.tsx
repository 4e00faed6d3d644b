/**
 * 未収金増加債権・計画遅れ: the claims accounting advises on and finance writes proposals for, with the
 * division's latest review beside each; finance edits the proposal in place.
 */
import { Badge, Button, Checkbox, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { onImprovementList } from '../../oversight/schemas.js';
import { yenText } from '../../oversight/amounts.js';
import { useOv, useOversight } from './oversight-context.js';
import { held, PrivacyConfirm } from './PrivacyConfirm.js';
import { PrivacyWarnings } from './PrivacyWarnings.js';

const REASONS = [
  ['growing', 'ov.reason.growing'],
  ['behind-plan', 'ov.reason.behind'],
  ['other', 'ov.reason.other'],
] as const;

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
  head: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  pre: { whiteSpace: 'pre-wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

function ProposalEditor() {
  const ov = useOversight();
  const styles = useStyles();
  const { t } = ov;
  const d = useOv((s) => s.review.proposal);
  const busy = useOv((s) => s.review.busy);
  if (!d) return null;
  return (
    <form
      aria-label={t('ov.proposal.edit')}
      onSubmit={(e) => {
        e.preventDefault();
        void ov.review.saveProposal();
      }}
    >
      <div className={styles.head}>
        {REASONS.map(([id, key]) => (
          <Checkbox
            key={id}
            label={t(key)}
            checked={d.reasons.includes(id)}
            onChange={(_, x) =>
              ov.review.changeProposal({
                reasons: x.checked ? [...new Set([...d.reasons, id])] : d.reasons.filter((r) => r !== id),
              })
            }
          />
        ))}
      </div>
      <Field label={t('ov.proposal.body')}>
        <Textarea resize="vertical" value={d.body} onChange={(_, x) => ov.review.changeProposal({ body: x.value })} />
      </Field>
      <PrivacyWarnings field="body" text={d.body} check={d.privacy} />
      <PrivacyConfirm
        check={d.privacy}
        confirmed={d.confirmed}
        onChange={(confirmed) => ov.review.changeProposal({ confirmed })}
      />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={busy || held(d.privacy, d.confirmed)}>
          {t('ov.proposal.save')}
        </Button>
        <Button type="button" size="small" onClick={() => ov.review.cancelProposal()}>
          {t('ov.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function ImprovementList() {
  const ov = useOversight();
  const styles = useStyles();
  const { t } = ov;
  const flagged = useOv((s) => s.review.flagged);
  const proposals = useOv((s) => s.review.proposals);
  const editing = useOv((s) => s.review.proposal?.claimId ?? null);
  const finance = useOv((s) => s.role === 'finance');
  if (!flagged) return null;
  const claims = flagged.claims.filter(onImprovementList);
  return (
    <section aria-label={t('ov.improve.title')}>
      <Text weight="semibold" as="h3" block>
        {t('ov.improve.title')}
      </Text>
      {claims.length === 0 && <Text size={200}>{t('ov.improve.none')}</Text>}
      <ul className={styles.list}>
        {claims.map((c) => {
          const p = proposals.find((x) => x.claimId === c.claim.id);
          return (
            <li key={c.claim.id} className={styles.item} data-testid="improvement">
              <span className={styles.head}>
                <Text weight="semibold">{c.claim.name}</Text>
                {c.growing && <Badge color="danger">{t('ov.reason.growing')}</Badge>}
                {c.behindPlan && <Badge color="warning">{t('ov.reason.behind')}</Badge>}
              </span>
              <Text size={200}>
                {c.bureau.name} {c.division.name}・
                {t('ov.improve.figures', {
                  current: yenText(c.currentYen),
                  target: yenText(c.targetYen),
                  baseline: yenText(c.baselineYen),
                })}
              </Text>
              <Text size={200} className={styles.pre}>
                {c.latestReview
                  ? t('ov.improve.review', {
                      month: c.latestReview.month,
                      assessment: c.latestReview.assessment,
                      next: c.latestReview.nextStep,
                    })
                  : t('ov.improve.noReview')}
              </Text>
              {p && editing !== c.claim.id && (
                <Text size={200} className={styles.pre}>
                  {t('ov.improve.proposal', { version: p.version })}
                  {'\n'}
                  {p.body}
                </Text>
              )}
              {editing === c.claim.id ? (
                <ProposalEditor />
              ) : (
                finance && (
                  <div>
                    <Button size="small" onClick={() => ov.review.editProposal(c.claim.id)}>
                      {t(p ? 'ov.proposal.revise' : 'ov.proposal.write')}
                    </Button>
                  </div>
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
