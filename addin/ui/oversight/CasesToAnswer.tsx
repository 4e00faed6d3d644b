/**
 * Hard cases for accounting and finance: answer an open case with a handling policy (checked for
 * personal data like the division's form), close a case this role answered.
 */
import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { HardCaseT } from '../../oversight/schemas.js';
import { useOv, useOversight } from './oversight-context.js';
import { HardCaseList } from './HardCaseList.js';
import { held, PrivacyConfirm } from './PrivacyConfirm.js';
import { PrivacyWarnings } from './PrivacyWarnings.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

function AnswerForm() {
  const ov = useOversight();
  const styles = useStyles();
  const { t } = ov;
  const d = useOv((s) => s.review.answer);
  const busy = useOv((s) => s.review.busy);
  if (!d) return null;
  return (
    <form
      className={styles.form}
      aria-label={t('ov.answer.form')}
      onSubmit={(e) => {
        e.preventDefault();
        void ov.review.answer();
      }}
    >
      <Field label={t('ov.answer.policy')} required>
        <Textarea resize="vertical" value={d.policy} onChange={(_, x) => ov.review.changeAnswer({ policy: x.value })} />
      </Field>
      <PrivacyWarnings field="policy" text={d.policy} check={d.privacy} />
      <PrivacyConfirm
        check={d.privacy}
        confirmed={d.confirmed}
        onChange={(confirmed) => ov.review.changeAnswer({ confirmed })}
      />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={busy || held(d.privacy, d.confirmed)}>
          {t('ov.answer.send')}
        </Button>
        <Button type="button" size="small" onClick={() => ov.review.cancelAnswer()}>
          {t('ov.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function CasesToAnswer() {
  const ov = useOversight();
  const { t } = ov;
  const cases = useOv((s) => s.review.cases);
  const answering = useOv((s) => s.review.answer?.caseId ?? null);
  const role = useOv((s) => s.role);
  const actions = (c: HardCaseT) => {
    if (c.id === answering) return <AnswerForm />;
    if (c.status === 'open')
      return (
        <div>
          <Button size="small" onClick={() => ov.review.startAnswer(c.id)}>
            {t('ov.answer.start')}
          </Button>
        </div>
      );
    if (c.status === 'answered' && c.answer?.role === role)
      return (
        <div>
          <Button size="small" onClick={() => void ov.review.close(c.id)}>
            {t('ov.case.close')}
          </Button>
        </div>
      );
    return null;
  };
  return (
    <section aria-label={t('ov.case.toAnswer')}>
      <Text weight="semibold" as="h3" block>
        {t('ov.case.toAnswer')}
      </Text>
      <HardCaseList cases={cases} actions={actions} />
    </section>
  );
}
