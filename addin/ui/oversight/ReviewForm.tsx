/**
 * Act: the division's monthly review (評価) and next step (次の取組み), kept as history; both checked
 * for personal data as the hard case is.
 */
import { Button, Field, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { fiscalMonths } from '../../../domain/plans/milestones.js';
import { monthLabel } from '../../oversight/amounts.js';
import { useOv, useOversight } from './oversight-context.js';
import { held, PrivacyConfirm } from './PrivacyConfirm.js';
import { PrivacyWarnings } from './PrivacyWarnings.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function ReviewForm() {
  const ov = useOversight();
  const styles = useStyles();
  const { t } = ov;
  const review = useOv((s) => s.plan.review);
  const busy = useOv((s) => s.plan.busy);
  const fy = useOv((s) => s.fiscalYear);
  const months = fiscalMonths(fy);
  if (!months.includes(review.month)) months.push(review.month);
  return (
    <form
      className={styles.form}
      aria-label={t('ov.review.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void ov.plans.addReview();
      }}
    >
      <Text weight="semibold" as="h3">
        {t('ov.review.title')}
      </Text>
      <Field label={t('ov.progress.month')}>
        <Select value={review.month} onChange={(_, d) => ov.plans.editReview({ month: d.value })}>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(t, m)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('ov.review.assessment')}>
        <Textarea value={review.assessment} onChange={(_, d) => ov.plans.editReview({ assessment: d.value })} />
      </Field>
      <PrivacyWarnings field="assessment" text={review.assessment} check={review.privacy} />
      <Field label={t('ov.review.nextStep')}>
        <Textarea value={review.nextStep} onChange={(_, d) => ov.plans.editReview({ nextStep: d.value })} />
      </Field>
      <PrivacyWarnings field="nextStep" text={review.nextStep} check={review.privacy} />
      <PrivacyConfirm
        check={review.privacy}
        confirmed={review.confirmed}
        onChange={(confirmed) => ov.plans.editReview({ confirmed })}
      />
      <div>
        <Button type="submit" disabled={busy || held(review.privacy, review.confirmed)}>
          {t('ov.review.save')}
        </Button>
      </div>
    </form>
  );
}
