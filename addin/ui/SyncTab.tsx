/** 送信: settings, 「送信」 with progress by part, the answer, and what is still waiting (送信待ち). */
import {
  Button,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { usePane, usePaneState, useT } from './pane-context.js';
import { SyncSettingsForm } from './SyncSettingsForm.js';
import { SyncResult } from './SyncResult.js';
import { PersonalTextReview } from './PersonalTextReview.js';
import { useTabStyles } from './tab-styles.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function SyncTab() {
  const pane = usePane();
  const t = useT();
  const styles = useStyles();
  const tab = useTabStyles();
  const sync = usePaneState((s) => s.sync);
  usePaneState((s) => s.settings); // re-render when settings change the refusal
  const refusal = pane.sync.refusal();
  const sending = sync.status === 'sending';
  return (
    <section className={tab.root}>
      {refusal && (
        <MessageBar layout="multiline" intent={refusal.reason === 'personal-number' ? 'error' : 'info'}>
          <MessageBarBody>{refusal.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={refusal !== null || sending}
          onClick={() => void pane.sync.send()}
          aria-description={refusal?.message}
        >
          {t('sync.send')}
        </Button>
        {sync.pending > 0 && (
          <>
            <Text data-testid="outbox-pending">{t('sync.pending', { n: sync.pending })}</Text>
            <Button disabled={sending} onClick={() => void pane.sync.retry()}>
              {t('sync.retry')}
            </Button>
          </>
        )}
      </div>
      {sending && (
        <Field
          validationState="none"
          validationMessage={sync.progress ? t('sync.progress', sync.progress) : t('common.loading')}
        >
          <ProgressBar
            value={sync.progress && sync.progress.total > 0 ? sync.progress.done / sync.progress.total : undefined}
          />
        </Field>
      )}
      {sync.message && (
        <MessageBar layout="multiline" intent={sync.status === 'error' ? 'error' : 'info'}>
          <MessageBarBody>{sync.message}</MessageBarBody>
        </MessageBar>
      )}
      <PersonalTextReview />
      {sync.outcome && (
        <SyncResult applied={sync.outcome.applied} upserts={sync.outcome.upserts} deletions={sync.outcome.deletions} />
      )}
      {!sync.outcome && sync.retried && <SyncResult applied={sync.retried} />}
      <Divider />
      <SyncSettingsForm />
    </section>
  );
}
