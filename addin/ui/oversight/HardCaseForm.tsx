/**
 * 処理困難事案の相談: claim, amounts, dates, what was tried and the question. Text that looks
 * personal is highlighted under its field as the user types; sending needs an edit or the tick
 * 「個人情報は含まれていません」 (never possible for a My Number). Nothing is removed silently.
 */
import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { CaseDraft } from '../../oversight/state.js';
import { useOv, useOversight } from './oversight-context.js';
import { held, PrivacyConfirm } from './PrivacyConfirm.js';
import { PrivacyWarnings } from './PrivacyWarnings.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  // Fluent's Input has a minimum width; in two columns of a 350 px pane it must shrink.
  input: { width: '100%', minWidth: 0 },
});

export function HardCaseForm() {
  const ov = useOversight();
  const styles = useStyles();
  const { t } = ov;
  const draft = useOv((s) => s.cases.draft);
  const privacy = useOv((s) => s.cases.privacy);
  const busy = useOv((s) => s.cases.busy);
  const claims = useOv((s) => s.plan.claims);
  const edit = (patch: Partial<CaseDraft>) => ov.cases.edit(patch);
  return (
    <form
      className={styles.form}
      aria-label={t('ov.case.form')}
      onSubmit={(e) => {
        e.preventDefault();
        void ov.cases.send();
      }}
    >
      <Text weight="semibold" as="h3">
        {t('ov.case.form')}
      </Text>
      <Text size={200}>{t('ov.case.noPersonal')}</Text>
      <Field label={t('ov.claim')} required>
        <Select
          value={draft.claimId === null ? '' : String(draft.claimId)}
          onChange={(_, d) => edit({ claimId: d.value === '' ? null : Number(d.value) })}
        >
          <option value="">{t('ov.case.chooseClaim')}</option>
          {claims.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('ov.case.title')} required>
        <Input value={draft.title} onChange={(_, d) => edit({ title: d.value })} />
      </Field>
      <PrivacyWarnings field="title" text={draft.title} check={privacy} />
      <div className={styles.pair}>
        <Field label={t('ov.case.assessed')}>
          <Input
            className={styles.input}
            inputMode="numeric"
            value={draft.assessedYen}
            onChange={(_, d) => edit({ assessedYen: d.value })}
          />
        </Field>
        <Field label={t('ov.case.outstanding')}>
          <Input
            className={styles.input}
            inputMode="numeric"
            value={draft.outstandingYen}
            onChange={(_, d) => edit({ outstandingYen: d.value })}
          />
        </Field>
        <Field label={t('ov.case.dueDate')}>
          <Input
            className={styles.input}
            type="date"
            value={draft.dueDate}
            onChange={(_, d) => edit({ dueDate: d.value })}
          />
        </Field>
        <Field label={t('ov.case.lastContact')}>
          <Input
            className={styles.input}
            type="date"
            value={draft.lastContactDate}
            onChange={(_, d) => edit({ lastContactDate: d.value })}
          />
        </Field>
      </div>
      <Field label={t('ov.case.tried')} required>
        <Textarea resize="vertical" value={draft.tried} onChange={(_, d) => edit({ tried: d.value })} />
      </Field>
      <PrivacyWarnings field="tried" text={draft.tried} check={privacy} />
      <Field label={t('ov.case.question')} required>
        <Textarea resize="vertical" value={draft.question} onChange={(_, d) => edit({ question: d.value })} />
      </Field>
      <PrivacyWarnings field="question" text={draft.question} check={privacy} />
      <PrivacyConfirm check={privacy} confirmed={draft.confirmed} onChange={(confirmed) => edit({ confirmed })} />
      <div>
        <Button type="submit" appearance="primary" disabled={busy || held(privacy, draft.confirmed)}>
          {t('ov.case.send')}
        </Button>
      </div>
    </form>
  );
}
