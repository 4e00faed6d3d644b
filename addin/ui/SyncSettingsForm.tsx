/** Server URL and token: kept for this user only (origin storage), never in the workbook. */
import { useState } from 'react';
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { usePane, usePaneState, useT } from './pane-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function SyncSettingsForm() {
  const pane = usePane();
  const t = useT();
  const styles = useStyles();
  const settings = usePaneState((s) => s.settings);
  const connected = usePaneState((s) => s.sync.connected);
  const [serverUrl, setServerUrl] = useState(settings.serverUrl);
  const [token, setToken] = useState(settings.token);
  return (
    <form
      className={styles.root}
      aria-label={t('sync.settings')}
      onSubmit={(e) => {
        e.preventDefault();
        pane.sync.saveSettings({ serverUrl, token });
      }}
    >
      <Text weight="semibold" as="h3" size={300}>
        {t('sync.settings')}
      </Text>
      <Text size={200}>{t('sync.settingsNote')}</Text>
      <Field label={t('sync.serverUrl')}>
        <Input type="url" value={serverUrl} onChange={(_, d) => setServerUrl(d.value)} placeholder="https://" />
      </Field>
      <Field label={t('sync.token')}>
        <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} autoComplete="off" />
      </Field>
      <div className={styles.actions}>
        <Button type="submit">{t('sync.save')}</Button>
        <Button type="button" onClick={() => void pane.sync.testConnection()}>
          {t('sync.test')}
        </Button>
      </div>
      {connected && <Text size={200}>{connected}</Text>}
    </form>
  );
}
