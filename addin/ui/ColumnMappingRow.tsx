/** One sheet column in the mapping step: its letter and header, the field it feeds, and why. */
import { Badge, Dropdown, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FIELDS, fieldDef, type FieldKey } from '../../domain/fields/catalogue.js';
import type { DraftColumn } from '../state/mapping-draft.js';
import { usePane, useT } from './pane-context.js';

const NONE = '';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: '2.5em 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  letter: { fontFamily: tokens.fontFamilyMonospace, gridRow: 'span 2' },
  // In a narrow pane the badges wrap below the dropdown rather than breaking inside themselves.
  field: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  dropdown: { minWidth: '10em', flexGrow: 1 },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
});

export function ColumnMappingRow({ col }: { col: DraftColumn }) {
  const pane = usePane();
  const t = useT();
  const styles = useStyles();
  const label = col.field ? fieldDef(col.field).label : t('mapping.none');
  return (
    <div className={styles.row} data-column={col.letter}>
      <Text className={styles.letter} weight="semibold">
        {col.letter}
      </Text>
      <Text>{col.header}</Text>
      <div className={styles.field}>
        {col.refused ? (
          <Badge className={styles.badge} color="danger" appearance="filled">
            {t('mapping.refused')}
          </Badge>
        ) : (
          <>
            <Dropdown
              className={styles.dropdown}
              aria-label={`${col.letter} ${col.header}`}
              value={label}
              selectedOptions={[col.field ?? NONE]}
              onOptionSelect={(_, d) =>
                pane.setColumnField(col.column, d.optionValue ? (d.optionValue as FieldKey) : null)
              }
            >
              <Option value={NONE}>{t('mapping.none')}</Option>
              {FIELDS.map((f) => (
                <Option key={f.key} value={f.key}>
                  {f.label}
                </Option>
              ))}
            </Dropdown>
            {col.reason && (
              <Badge className={styles.badge} appearance="outline">
                {t(`mapping.reason.${col.reason}`)}
              </Badge>
            )}
            {col.field && fieldDef(col.field).sync === 'never' && (
              <Badge className={styles.badge} appearance="tint" color="informative">
                {t('mapping.notSent')}
              </Badge>
            )}
          </>
        )}
      </div>
    </div>
  );
}
