/**
 * What the service answered: the revision, its totals and its own finding counts. After 再送信 the
 * row counts of the resent submission are not known here, so they are not shown.
 */
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
        {upserts === undefined || deletions === undefined
          ? t('sync.resent', { revision: applied.revision })
          : t('sync.applied', { revision: applied.revision, upserts, deletions })}
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
