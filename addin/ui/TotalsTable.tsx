/** 現年度分 / 滞納繰越分 / 合計: 件数, 調定額, 収入済額, 収入未済額, 収納率 (columns fit a narrow pane). */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Analysis, Totals } from '../../domain/analysis/analysis.js';
import { formatNumber, type MessageKey } from '../i18n/messages.js';
import { useT } from './pane-context.js';

const METRICS: [MessageKey, (x: Totals) => string][] = [
  ['analysis.count', (x) => formatNumber(x.count)],
  ['analysis.assessed', (x) => formatNumber(x.assessed)],
  ['analysis.paid', (x) => formatNumber(x.paid)],
  ['analysis.outstanding', (x) => formatNumber(x.outstanding)],
  ['analysis.rate', (x) => (x.collectionRate === null ? '－' : `${x.collectionRate.toFixed(1)}%`)],
];

/** Headers of number columns aligned with their numbers. */
export const END = { style: { justifyContent: 'flex-end' } } as const;

export function TotalsTable({ analysis }: { analysis: Analysis }) {
  const t = useT();
  const groups: [MessageKey, Totals][] = [
    ['analysis.current', analysis.current],
    ['analysis.arrears', analysis.arrears],
    ['analysis.total', analysis.total],
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
            {groups.map(([g, totals]) => (
              <TableCell key={g} style={{ textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>
                {fmt(totals)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
