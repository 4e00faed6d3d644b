/**
 * The analysis tab's breakdown tables (所得階層, 未収金の状況, each payment channel): a title, then a
 * table whose columns are 区分, 件数, 収入未済額 and any the breakdown adds, with the rows given.
 */
import type { ReactNode } from 'react';
import { Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useT } from './pane-context.js';
import { END } from './TotalsTable.js';

export function BreakdownTable(p: { title: string; extraHeaders?: readonly string[]; children: ReactNode }) {
  const t = useT();
  return (
    <>
      <Text weight="semibold" as="h3" size={300}>
        {p.title}
      </Text>
      <Table size="extra-small" aria-label={p.title}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('analysis.key')}</TableHeaderCell>
            <TableHeaderCell button={END}>{t('analysis.count')}</TableHeaderCell>
            <TableHeaderCell button={END}>{t('analysis.outstanding')}</TableHeaderCell>
            {p.extraHeaders?.map((h) => (
              <TableHeaderCell key={h} button={END}>
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{p.children}</TableBody>
      </Table>
    </>
  );
}
