/** Rows still owing split by one column's values (所得階層, 催告方法). */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Split } from '../../domain/analysis/analysis.js';
import { formatNumber } from '../i18n/messages.js';
import { useT } from './pane-context.js';
import { END } from './TotalsTable.js';

export function SplitTable({ title, splits }: { title: string; splits: readonly Split[] }) {
  const t = useT();
  return (
    <>
      <Text weight="semibold" as="h3" size={300}>
        {title}
      </Text>
      <Table size="extra-small" aria-label={title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('analysis.key')}</TableHeaderCell>
            <TableHeaderCell button={END}>{t('analysis.count')}</TableHeaderCell>
            <TableHeaderCell button={END}>{t('analysis.outstanding')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {splits.map((s) => (
            <TableRow key={s.key}>
              <TableCell>{s.key}</TableCell>
              <TableCell style={{ textAlign: 'end' }}>{formatNumber(s.count)}</TableCell>
              <TableCell style={{ textAlign: 'end' }}>{formatNumber(s.outstanding)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
