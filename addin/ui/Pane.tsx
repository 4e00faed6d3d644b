/** What the pane shows for the sheet's phase: loading, a problem, the mapping step, or the work tabs. */
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { usePane, usePaneState, useT } from './pane-context.js';
import { MappingView } from './MappingView.js';
import { MainTabs } from './MainTabs.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
});

export function Pane() {
  const pane = usePane();
  const t = useT();
  const styles = useStyles();
  const phase = usePaneState((s) => s.phase);
  const sheet = usePaneState((s) => s.sheet);
  const error = usePaneState((s) => s.error);
  return (
    <main className={styles.root}>
      <div className={styles.head}>
        <Text weight="semibold" size={400} as="h1">
          {t('app.title')}
        </Text>
        {phase === 'ready' && <Link onClick={() => pane.changeMapping()}>{t('mapping.change')}</Link>}
      </div>
      {sheet && <Text size={200}>{t('sheet.name', { name: sheet.name })}</Text>}
      {error && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {phase === 'loading' && <Spinner label={t('common.loading')} />}
      {(phase === 'empty' || phase === 'no-header' || phase === 'error') && (
        <>
          {phase !== 'error' && (
            <MessageBar layout="multiline" intent="warning">
              <MessageBarBody>{t(phase === 'empty' ? 'sheet.empty' : 'sheet.noHeader')}</MessageBarBody>
            </MessageBar>
          )}
          <Button onClick={() => void pane.open()}>{t('sheet.reload')}</Button>
        </>
      )}
      {phase === 'mapping' && <MappingView />}
      {phase === 'ready' && <MainTabs />}
    </main>
  );
}
