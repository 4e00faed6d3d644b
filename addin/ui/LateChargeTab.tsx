/**
 * 延滞金の計算: the charge on a principal paid late, as `saiken latecharge` counts it, updated as the
 * clerk types (e.g. while a debtor is on the phone). The inputs are this form's own: nothing is
 * read from or written to the sheet.
 */
import { useMemo, useState } from 'react';
import { Field, Input, Text } from '@fluentui/react-components';
import { formatISO } from '../../domain/calendar/day.js';
import { calculateFromForm, type LateChargeField, type LateChargeFormValues } from '../late-charge/calculator.js';
import { usePane, usePaneState, useT } from './pane-context.js';
import { ClaimTypePicker } from './ClaimTypePicker.js';
import { LateChargeResultView } from './LateChargeResultView.js';
import { useTabStyles } from './tab-styles.js';

export function LateChargeTab() {
  const pane = usePane();
  const t = useT();
  const styles = useTabStyles();
  const ledgerClaimType = usePaneState((s) => s.config?.claimType ?? '');
  const [form, setForm] = useState<LateChargeFormValues>(() => ({
    principal: '',
    due: '',
    paid: formatISO(pane.today()),
    claimType: ledgerClaimType,
  }));
  const outcome = useMemo(() => calculateFromForm(form, pane.lateChargeProfiles), [form, pane]);
  const set = (field: LateChargeField) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const error = (field: LateChargeField) => {
    const key = outcome.errors[field];
    return key ? t(key) : undefined;
  };
  /** How a date was read, where the clerk wrote it otherwise (令和7年4月30日 → 2025-04-30). */
  const dateHint = (text: string, day: number | null) =>
    day !== null && text.trim() !== formatISO(day) ? t('lc.dateRead', { date: formatISO(day) }) : undefined;
  const dateField = (field: 'due' | 'paid') => (
    <Field
      label={t(`lc.${field}`)}
      required
      validationMessage={error(field)}
      validationState={error(field) ? 'error' : 'none'}
      hint={dateHint(form[field], outcome[field])}
    >
      <Input
        value={form[field]}
        onChange={(_, d) => set(field)(d.value)}
        placeholder={t('lc.datePlaceholder')}
        autoComplete="off"
      />
    </Field>
  );
  return (
    <section className={styles.root} aria-label={t('tab.lateCharge')}>
      <Text size={200}>{t('lc.intro')}</Text>
      <Field
        label={t('lc.principal')}
        required
        validationMessage={error('principal')}
        validationState={error('principal') ? 'error' : 'none'}
      >
        <Input
          value={form.principal}
          onChange={(_, d) => set('principal')(d.value)}
          inputMode="numeric"
          placeholder="123,456"
          autoComplete="off"
        />
      </Field>
      {dateField('due')}
      {dateField('paid')}
      <ClaimTypePicker
        value={form.claimType}
        onChange={set('claimType')}
        label={t('lc.claimType')}
        hint={t('lc.claimTypeHint')}
        required={false}
        error={error('claimType')}
      />
      <LateChargeResultView outcome={outcome} />
    </section>
  );
}
