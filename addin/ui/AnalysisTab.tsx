/**
 * 分析: totals by 現年度分 / 滞納繰越分 (with the late-charge estimate), aging (滞納年数別), 未収金の状況, and the splits and payment
 * channels whose columns the sheet has.
 */
import { Text } from '@fluentui/react-components';
import { formatNumber } from '../i18n/messages.js';
import { usePaneState, useT } from './pane-context.js';
import { TotalsTable } from './TotalsTable.js';
import { BarChart } from './BarChart.js';
import { SplitTable } from './SplitTable.js';
import { StatusSplitTable } from './StatusSplitTable.js';
import { ChannelBreakdown } from './ChannelBreakdown.js';
import { CHANNELS } from '../../domain/analysis/channels.js';
import { useTabStyles } from './tab-styles.js';

export function AnalysisTab() {
  const t = useT();
  const styles = useTabStyles();
  const result = usePaneState((s) => s.check.result);
  if (!result) return <Text>{t('analysis.prompt')}</Text>;
  const a = result.analysis;
  const bars = a.aging.map((b) => {
    const label =
      b.toYears === null
        ? t('analysis.agingLast', { from: b.fromYears })
        : t('analysis.agingBucket', { from: b.fromYears, to: b.toYears });
    const title = `${label}: ${formatNumber(b.count)} / ${t('analysis.yen', { amount: formatNumber(b.outstanding) })}`;
    return { label, value: b.outstanding, title };
  });
  return (
    <section className={styles.root}>
      <Text size={200}>{t('analysis.asOf', { asOf: a.asOf, year: a.fiscalYear })}</Text>
      <TotalsTable analysis={a} />
      <Text size={200}>{t('analysis.lateChargeNote')}</Text>
      <Text weight="semibold" as="h3" size={300}>
        {t('analysis.aging')}
      </Text>
      <BarChart bars={bars} label={t('analysis.aging')} />
      <StatusSplitTable analysis={a} />
      {a.byIncomeBracket && <SplitTable title={t('analysis.byIncomeBracket')} splits={a.byIncomeBracket} />}
      {CHANNELS.map((c) => {
        const splits = a.channels[c];
        return splits && <ChannelBreakdown key={c} channel={c} splits={splits} />;
      })}
    </section>
  );
}
