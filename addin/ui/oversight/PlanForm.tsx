/**
 * The annual plan of one claim: baseline (見込 until finance settles last year), year-end target,
 * measures from the seed's catalogue plus free text (checked for personal data as the hard case
 * is), and optional month-end milestones.
 */
import { Button, Checkbox, Field, Input, Link, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { fiscalMonths } from '../../../domain/plans/milestones.js';
import { monthLabel } from '../../oversight/amounts.js';
import { useOv, useOversight } from './oversight-context.js';
import { held, PrivacyConfirm } from './PrivacyConfirm.js';
import { PrivacyWarnings } from './PrivacyWarnings.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Tops aligned: the baseline's hint must not stretch the target's input beside it.
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  months: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  group: { display: 'flex', flexDirection: 'column', border: 'none', padding: 0, margin: 0 },
  // Fluent's Input has a minimum width; in two columns of a 350 px pane it must shrink.
  input: { width: '100%', minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

export function PlanForm() {
  const ov = useOversight();
  const styles = useStyles();
  const { t } = ov;
  const draft = useOv((s) => s.plan.draft);
  const plan = useOv((s) => s.plan.plan);
  const measures = useOv((s) => s.plan.measures);
  const groups = useOv((s) => s.plan.groups);
  const busy = useOv((s) => s.plan.busy);
  const privacy = useOv((s) => s.plan.privacy);
  const fy = useOv((s) => s.fiscalYear);
  if (!draft) return null;
  const locked = plan?.baselineSettled === true;
  return (
    <form
      className={styles.form}
      aria-label={t('ov.plan.form')}
      onSubmit={(e) => {
        e.preventDefault();
        void ov.plans.save();
      }}
    >
      <Text weight="semibold" as="h3">
        {t('ov.plan.form')}
        {plan && <Text size={200}> {t('ov.plan.version', { version: plan.version })}</Text>}
      </Text>
      <div className={styles.pair}>
        <Field label={t('ov.plan.baseline')} hint={t(locked ? 'ov.plan.settled' : 'ov.plan.estimate')}>
          <Input
            className={styles.input}
            inputMode="numeric"
            value={draft.baseline}
            disabled={locked}
            onChange={(_, d) => ov.plans.edit({ baseline: d.value })}
          />
        </Field>
        <Field label={t('ov.plan.target')}>
          <Input
            className={styles.input}
            inputMode="numeric"
            value={draft.target}
            onChange={(_, d) => ov.plans.edit({ target: d.value })}
          />
        </Field>
      </div>
      {groups.map((g) => (
        <fieldset key={g.id} className={styles.group}>
          <legend>
            <Text size={200} weight="semibold">
              {g.label}
            </Text>
          </legend>
          {measures
            .filter((m) => m.group === g.id)
            .map((m) => (
              <Checkbox
                key={m.id}
                label={m.label}
                title={m.hint}
                checked={draft.measureIds.includes(m.id)}
                onChange={(_, d) => ov.plans.toggleMeasure(m.id, d.checked === true)}
              />
            ))}
        </fieldset>
      ))}
      <Field label={t('ov.plan.measuresText')}>
        <Textarea resize="vertical" value={draft.measures} onChange={(_, d) => ov.plans.edit({ measures: d.value })} />
      </Field>
      <PrivacyWarnings field="measures" text={draft.measures} check={privacy} />
      <PrivacyConfirm
        check={privacy}
        confirmed={draft.confirmed}
        onChange={(confirmed) => ov.plans.edit({ confirmed })}
      />
      <Text size={200}>{t('ov.plan.milestonesHint')}</Text>
      <div className={styles.months}>
        {fiscalMonths(fy).map((m) => (
          <Field key={m} label={monthLabel(t, m)} size="small">
            <Input
              className={styles.input}
              size="small"
              inputMode="numeric"
              value={draft.milestones[m] ?? ''}
              onChange={(_, d) => ov.plans.setMilestone(m, d.value)}
            />
          </Field>
        ))}
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy || held(privacy, draft.confirmed)}>
          {t('ov.plan.save')}
        </Button>
        <Link as="button" type="button" onClick={() => void ov.plans.reload()}>
          {t('ov.plan.reload')}
        </Link>
      </div>
    </form>
  );
}
