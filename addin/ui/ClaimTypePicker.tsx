/** The sheet's claim type: one of the known ones, or typed freely. */
import { Combobox, Field, Option } from '@fluentui/react-components';
import { CLAIM_TYPE_NAMES } from '../state/mapping-draft.js';
import { usePane, useT } from './pane-context.js';

export function ClaimTypePicker({ value }: { value: string }) {
  const pane = usePane();
  const t = useT();
  const options = CLAIM_TYPE_NAMES.filter((n) => value === '' || CLAIM_TYPE_NAMES.includes(value) || n.includes(value));
  return (
    <Field label={t('mapping.claimType')} hint={t('mapping.claimTypeHint')} required>
      <Combobox
        freeform
        value={value}
        selectedOptions={CLAIM_TYPE_NAMES.includes(value) ? [value] : []}
        onChange={(e) => pane.setClaimType(e.target.value)}
        onOptionSelect={(_, d) => d.optionText !== undefined && pane.setClaimType(d.optionText)}
      >
        {options.map((n) => (
          <Option key={n}>{n}</Option>
        ))}
      </Combobox>
    </Field>
  );
}
