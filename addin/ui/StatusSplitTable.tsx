/** 未収金の状況: rows owing and 収入未済額 per class, under 回収債権 and 整理債権, then 分類できない and the total. */
import { TableCell, TableRow, Text } from '@fluentui/react-components';
import type { Analysis } from '../../domain/analysis/analysis.js';
import { statusClassName, statusGroupName, statusSplit } from '../../domain/analysis/status-split.js';
import { formatNumber } from '../i18n/messages.js';
import { usePaneState, useT } from './pane-context.js';
import { BreakdownTable } from './BreakdownTable.js';

const NUM = { textAlign: 'end', fontVariantNumeric: 'tabular-nums' } as const;

function Line({
  name,
  count,
  outstanding,
  strong,
  indent,
}: {
  name: string;
  count: number;
  outstanding: number;
  strong?: boolean;
  indent?: boolean;
}) {
  // prettier-ignore
  const weight = strong ? 'semibold' : 'regular';
  return (
    <TableRow>
      <TableCell style={indent ? { paddingInlineStart: '1.5em' } : undefined}>
        <Text weight={weight}>{name}</Text>
      </TableCell>
      <TableCell style={NUM}>
        <Text weight={weight}>{formatNumber(count)}</Text>
      </TableCell>
      <TableCell style={NUM}>
        <Text weight={weight}>{formatNumber(outstanding)}</Text>
      </TableCell>
    </TableRow>
  );
}

export function StatusSplitTable({ analysis }: { analysis: Analysis }) {
  const t = useT();
  const locale = usePaneState((s) => s.locale);
  const split = statusSplit(analysis);
  const title = t('analysis.status');
  return (
    <>
      <BreakdownTable title={title}>
        {split.groups.flatMap((g) => {
          const head = (
            <Line
              key={g.group}
              name={statusGroupName(g.group, locale)}
              count={g.count}
              outstanding={g.outstanding}
              strong
            />
          );
          if (g.lines.length === 1) return [head];
          const lines = g.lines.map((l) => (
            <Line
              key={l.key}
              name={statusClassName(l.key, locale)}
              count={l.count}
              outstanding={l.outstanding}
              indent
            />
          ));
          return [head, ...lines];
        })}
        <Line name={t('analysis.total')} count={split.count} outstanding={split.outstanding} strong />
      </BreakdownTable>
      {split.notInSplit !== 0 && (
        <Text size={200}>{t('analysis.notInStatus', { amount: formatNumber(-split.notInSplit) })}</Text>
      )}
    </>
  );
}
