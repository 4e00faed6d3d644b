/** Rows split by one column's values (所得階層). */
import { TableCell, TableRow } from '@fluentui/react-components';
import type { Split } from '../../domain/analysis/analysis.js';
import { formatNumber } from '../i18n/messages.js';
import { BreakdownTable } from './BreakdownTable.js';

const NUM = { textAlign: 'end' } as const;

export function SplitTable({ title, splits }: { title: string; splits: readonly Split[] }) {
  return (
    <BreakdownTable title={title}>
      {splits.map((s) => (
        <TableRow key={s.key}>
          <TableCell>{s.key}</TableCell>
          <TableCell style={NUM}>{formatNumber(s.count)}</TableCell>
          <TableCell style={NUM}>{formatNumber(s.outstanding)}</TableCell>
        </TableRow>
      ))}
    </BreakdownTable>
  );
}
