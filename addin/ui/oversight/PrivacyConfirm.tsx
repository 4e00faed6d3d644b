/**
 * Under a form whose text was flagged: the My Number refusal (nothing to confirm), or the tick
 * 「個人情報は含まれていません」 without which the form is not sent. Every form that sends free text
 * shows it the same way.
 */
import { Checkbox, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { PrivacyCheck } from '../../oversight/privacy.js';
import { useOversight } from './oversight-context.js';

export function PrivacyConfirm({
  check,
  confirmed,
  onChange,
}: {
  check: PrivacyCheck;
  confirmed: boolean;
  onChange: (confirmed: boolean) => void;
}) {
  const { t } = useOversight();
  if (check.refused) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{t('ov.privacy.myNumber')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (check.warnings.length === 0) return null;
  return (
    <Checkbox checked={confirmed} onChange={(_, d) => onChange(d.checked === true)} label={t('ov.privacy.confirm')} />
  );
}

/** Whether the form's send button waits for an edit or the tick. */
export const held = (check: PrivacyCheck, confirmed: boolean): boolean =>
  check.refused || (check.warnings.length > 0 && !confirmed);
