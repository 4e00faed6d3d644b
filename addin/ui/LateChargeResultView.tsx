/** The late charge, piece by piece, with the profile used and the domain's notes. */
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { LateChargeOutcome } from '../late-charge/calculator.js';
import { baseLine, noteTexts, pieceRows, profileLabel, sumLine, totalLine } from '../late-charge/format.js';
import { usePaneState, useT } from './pane-context.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
});

export function LateChargeResultView({ outcome }: { outcome: LateChargeOutcome }) {
  const t = useT();
  const table = usePaneState((s) => s.lateChargeTable);
  const styles = useStyles();
  if (outcome.uncountable) return <Text>{t('lc.uncountable')}</Text>;
  const c = outcome.computed;
  if (!c) return Object.keys(outcome.errors).length === 0 ? <Text size={200}>{t('lc.prompt')}</Text> : null;
  const rows = pieceRows(t, c.result);
  const lines = [baseLine(t, c), sumLine(t, c.result), ...noteTexts(t, c)].filter((l) => l !== null);
  return (
    <section className={styles.root} aria-label={t('lc.result')} data-testid="late-charge-result">
      <Text weight="semibold" as="h3" size={300}>
        {t('lc.result')}
      </Text>
      <Text size={200} data-testid="late-charge-profile">
        {t('lc.profileUsed', { profile: profileLabel(t, c.result.kind) })}
      </Text>
      {rows.length > 0 && (
        <Table size="extra-small" aria-label={t('lc.result')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('lc.col.period')}</TableHeaderCell>
              <TableHeaderCell>{t('lc.col.days')}</TableHeaderCell>
              <TableHeaderCell>{t('lc.col.rate')}</TableHeaderCell>
              <TableHeaderCell>{t('lc.col.amount')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key} data-testid="late-charge-piece">
                <TableCell>
                  {r.period} <Text size={200}>{r.span}</Text>
                </TableCell>
                <TableCell className={styles.number}>{r.days}</TableCell>
                <TableCell className={styles.number}>{r.rate}</TableCell>
                <TableCell className={styles.number}>{r.amount}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {lines.map((l) => (
        <Text key={l} size={200}>
          {l}
        </Text>
      ))}
      <Text weight="semibold" size={400} data-testid="late-charge-total">
        {totalLine(t, c)}
      </Text>
      <Text size={200} data-testid="late-charge-table">
        {table.source === 'service' ? t('lc.cityTable', { version: table.version }) : t('lc.builtIn')}
      </Text>
    </section>
  );
}
