/**
 * 現年度分 / 滞納繰越分 / 合計: 件数, 調定額, 収入済額, 収入未済額, 収納率 and 延滞金見込額 (an estimate,
 * labelled so), in columns that fit a narrow pane.
 */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Analysis, Totals } from '../../domain/analysis/analysis.js';
import type { LateChargeSums } from '../../domain/analysis/late-charge.js';
import { formatNumber, type MessageKey } from '../i18n/messages.js';
import { useT } from './pane-context.js';

type Group = { totals: Totals; lateCharge: LateChargeSums };

const METRICS: [MessageKey, (x: Group) => string][] = [
  ['analysis.count', (x) => formatNumber(x.totals.count)],
  ['analysis.assessed', (x) => formatNumber(x.totals.assessed)],
  ['analysis.paid', (x) => formatNumber(x.totals.paid)],
  ['analysis.outstanding', (x) => formatNumber(x.totals.outstanding)],
  ['analysis.rate', (x) => (x.totals.collectionRate === null ? '－' : `${x.totals.collectionRate.toFixed(1)}%`)],
  ['analysis.lateChargeEstimate', (x) => formatNumber(x.lateCharge.estimate)],
];

/** Headers of number columns aligned with their numbers. */
export const END = { style: { justifyContent: 'flex-end' } } as const;

export function TotalsTable({ analysis }: { analysis: Analysis }) {
  const t = useT();
  const lc = analysis.lateCharge;
  const groups: [MessageKey, Group][] = [
    ['analysis.current', { totals: analysis.current, lateCharge: lc.current }],
    ['analysis.arrears', { totals: analysis.arrears, lateCharge: lc.arrears }],
    ['analysis.total', { totals: analysis.total, lateCharge: lc.total }],
  ];
  return (
    <Table size="extra-small" aria-label={t('tab.analysis')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell />
          {groups.map(([k]) => (
            <TableHeaderCell key={k} button={END}>
              {t(k)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {METRICS.map(([k, fmt]) => (
          <TableRow key={k}>
            <TableCell>{t(k)}</TableCell>
            {groups.map(([g, group]) => (
              <TableCell key={g} style={{ textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>
                {fmt(group)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
