/** A claim type: one of the known ones, or typed freely. The sheet's by default (the mapping step). */
import { Combobox, Field, Option } from '@fluentui/react-components';
import { CLAIM_TYPE_NAMES } from '../state/mapping-draft.js';
import { usePane, useT } from './pane-context.js';

export interface ClaimTypePickerProps {
  value: string;
  /** Where the choice goes; the mapping draft's claim type by default. */
  onChange?: (claimType: string) => void;
  label?: string;
  hint?: string;
  required?: boolean;
  /** A message beside the field when the choice cannot be used. */
  error?: string;
}

export function ClaimTypePicker({ value, onChange, label, hint, required = true, error }: ClaimTypePickerProps) {
  const pane = usePane();
  const t = useT();
  const set = onChange ?? ((v: string) => pane.setClaimType(v));
  const options = CLAIM_TYPE_NAMES.filter((n) => value === '' || CLAIM_TYPE_NAMES.includes(value) || n.includes(value));
  return (
    <Field
      label={label ?? t('mapping.claimType')}
      hint={hint ?? t('mapping.claimTypeHint')}
      required={required}
      validationMessage={error}
      validationState={error ? 'error' : 'none'}
    >
      <Combobox
        freeform
        value={value}
        selectedOptions={CLAIM_TYPE_NAMES.includes(value) ? [value] : []}
        onChange={(e) => set(e.target.value)}
        onOptionSelect={(_, d) => d.optionText !== undefined && set(d.optionText)}
      >
        {options.map((n) => (
          <Option key={n}>{n}</Option>
        ))}
      </Combobox>
    </Field>
  );
}
