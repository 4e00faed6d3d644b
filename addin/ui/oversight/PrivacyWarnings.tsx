/**
 * Where the text looks personal: the field's text as typed, the flagged spans highlighted and named
 * (氏名・住所・電話番号…). Shown under the field; the text itself is never changed here.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PersonalKind } from '../../../domain/privacy/personal-text.js';
import type { MessageKey } from '../../i18n/messages.js';
import { segments, type PrivacyCheck } from '../../oversight/privacy.js';
import { useOversight } from './oversight-context.js';

const useStyles = makeStyles({
  box: {
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorPaletteYellowBorder2}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  mark: { backgroundColor: tokens.colorPaletteRedBackground2, fontWeight: tokens.fontWeightSemibold },
});

export const KIND_KEYS: Record<PersonalKind, MessageKey> = {
  name: 'ov.privacy.kind.name',
  address: 'ov.privacy.kind.address',
  phone: 'ov.privacy.kind.phone',
  email: 'ov.privacy.kind.email',
  'birth-date': 'ov.privacy.kind.birth-date',
  'my-number': 'ov.privacy.kind.my-number',
};

export function PrivacyWarnings({ field, text, check }: { field: string; text: string; check: PrivacyCheck }) {
  const ov = useOversight();
  const styles = useStyles();
  const w = check.warnings.find((x) => x.field === field);
  if (!w || w.spans.length === 0) return null;
  const kinds = [...new Set(w.spans.map((s) => ov.t(KIND_KEYS[s.kind])))].join('・');
  return (
    <div className={styles.box} role="note" data-testid={`privacy-${field}`}>
      <Text size={200} block weight="semibold">
        {ov.t(check.source === 'service' ? 'ov.privacy.fromService' : 'ov.privacy.found', { kinds })}
      </Text>
      <Text size={200}>
        {segments(text, w.spans).map((s, i) =>
          s.kind ? (
            <mark key={i} className={styles.mark} title={ov.t(KIND_KEYS[s.kind])} data-kind={s.kind}>
              {s.text}
            </mark>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </Text>
    </div>
  );
}
