/** The first visit to a sheet: the detected header and column mapping, for the user to confirm or correct. */
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { fieldDef } from '../../domain/fields/catalogue.js';
import { missingRequired, sheetColumns } from '../state/mapping-draft.js';
import { usePane, usePaneState, useT } from './pane-context.js';
import { ColumnMappingRow } from './ColumnMappingRow.js';
import { ClaimTypePicker } from './ClaimTypePicker.js';
import { PersonalNumberNotice } from './PersonalNumberNotice.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function MappingView() {
  const pane = usePane();
  const t = useT();
  const styles = useStyles();
  const draft = usePaneState((s) => s.draft);
  const config = usePaneState((s) => s.config);
  if (!draft) return null;
  const d = draft.detection;
  const missing = missingRequired(d);
  return (
    <section className={styles.root} aria-label={t('mapping.title')}>
      <Text weight="semibold" size={400} as="h2">
        {t('mapping.title')}
      </Text>
      <Text>{t('mapping.intro')}</Text>
      <Text>{t('mapping.headerRows', { rows: d.headerRows.join('–'), start: d.dataStartRow })}</Text>
      <PersonalNumberNotice mapping={d} />
      <div role="list" aria-label={t('mapping.column')}>
        {sheetColumns(d).map((c) => (
          <div role="listitem" key={c.column}>
            <ColumnMappingRow col={c} />
          </div>
        ))}
      </div>
      {missing.length > 0 && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>
            {t('mapping.missing', { fields: missing.map((f) => fieldDef(f).label).join('・') })}
          </MessageBarBody>
        </MessageBar>
      )}
      {draft.error && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{draft.error}</MessageBarBody>
        </MessageBar>
      )}
      <ClaimTypePicker value={draft.claimType} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={draft.claimType.trim() === ''}
          onClick={() => void pane.confirmMapping()}
        >
          {t('mapping.confirm')}
        </Button>
        {config && <Button onClick={() => pane.cancelMapping()}>{t('mapping.cancel')}</Button>}
      </div>
    </section>
  );
}
