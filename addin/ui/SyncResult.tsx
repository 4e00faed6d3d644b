/** What the service answered: the revision, its totals and its own finding counts. */
import { Text } from '@fluentui/react-components';
import type { Applied } from '../sync/client.js';
import { formatNumber } from '../i18n/messages.js';
import { useT } from './pane-context.js';

export function SyncResult({
  applied,
  upserts,
  deletions,
}: {
  applied: Applied;
  upserts?: number;
  deletions?: number;
}) {
  const t = useT();
  const { totals, findings } = applied;
  return (
    <div aria-live="polite" data-testid="sync-result">
      <Text block weight="semibold">
        {t('sync.applied', { revision: applied.revision, upserts: upserts ?? '－', deletions: deletions ?? '－' })}
      </Text>
      <Text block size={200}>
        {t('sync.totals', {
          rows: formatNumber(totals.rows),
          assessed: formatNumber(totals.assessed),
          paid: formatNumber(totals.paid),
          outstanding: formatNumber(totals.outstanding),
        })}
      </Text>
      <Text block size={200}>
        {t('sync.serverFindings', findings.bySeverity)}
      </Text>
    </div>
  );
}
