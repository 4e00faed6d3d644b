/**
 * One payment channel (納付方法, 催告方法, 口座振替の有無): rows, 収入未済額 and 収納率 per entry. 調定額
 * and 収入済額 are in each row's tooltip, to keep four columns in a narrow pane.
 */
import { TableCell, TableRow } from '@fluentui/react-components';
import { channelEntryName, channelTitle } from '../../domain/analysis/channel-labels.js';
import type { Channel, ChannelSplit } from '../../domain/analysis/channels.js';
import { formatNumber } from '../i18n/messages.js';
import { usePaneState, useT } from './pane-context.js';
import { BreakdownTable } from './BreakdownTable.js';

const NUM = { textAlign: 'end', fontVariantNumeric: 'tabular-nums' } as const;

export function ChannelBreakdown({ channel, splits }: { channel: Channel; splits: readonly ChannelSplit[] }) {
  const t = useT();
  const locale = usePaneState((s) => s.locale);
  const title = channelTitle(channel, locale);
  const yen = (n: number) => t('analysis.yen', { amount: formatNumber(n) });
  return (
    <BreakdownTable title={title} extraHeaders={[t('analysis.rate')]}>
      {splits.map((s) => (
        <TableRow
          key={s.key}
          data-key={s.key}
          title={`${t('analysis.assessed')} ${yen(s.assessed)} / ${t('analysis.paid')} ${yen(s.paid)}`}
        >
          <TableCell>{channelEntryName(s.key, locale)}</TableCell>
          <TableCell style={NUM}>{formatNumber(s.count)}</TableCell>
          <TableCell style={NUM}>{formatNumber(s.outstanding)}</TableCell>
          <TableCell style={NUM}>{s.collectionRate === null ? '－' : `${s.collectionRate.toFixed(1)}%`}</TableCell>
        </TableRow>
      ))}
    </BreakdownTable>
  );
}
