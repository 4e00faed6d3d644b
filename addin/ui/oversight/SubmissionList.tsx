/** 提出状況: every ledger's state in counts, and the chase list (late, never sent, planned without a ledger). */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { periodLabel, stateLabel } from '../../i18n/labels.js';
import { useOv, useOversight } from './oversight-context.js';

export function SubmissionList() {
  const ov = useOversight();
  const { t } = ov;
  const s = useOv((x) => x.review.submissions);
  if (!s) return null;
  const n = s.totals;
  return (
    <section aria-label={t('ov.submissions.title')}>
      <Text weight="semibold" as="h3" block>
        {t('ov.submissions.title')}
      </Text>
      <Text size={200} block>
        {periodLabel(t, s.period)}
      </Text>
      <Text size={200} block data-testid="submission-totals">
        {t('ov.submissions.totals', { ledgers: n.ledgers, ok: n.ok, due: n.due, late: n.late, never: n.never })}
      </Text>
      <Text weight="semibold" size={300} block>
        {t('ov.submissions.chase', { n: s.chase.length })}
      </Text>
      {s.chase.length === 0 ? (
        <Text size={200}>{t('ov.submissions.noChase')}</Text>
      ) : (
        <Table size="extra-small" aria-label={t('ov.submissions.chaseList')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('ov.submissions.division')}</TableHeaderCell>
              <TableHeaderCell>{t('ov.claim')}</TableHeaderCell>
              <TableHeaderCell>{t('ov.submissions.reason')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {s.chase.map((c, i) => (
              <TableRow key={c.ledgerId ?? `claim-${c.claim.id}-${i}`}>
                <TableCell>
                  {c.bureau.name} {c.division.name}
                </TableCell>
                <TableCell>{c.name ? `${c.claim.name}（${c.name}）` : c.claim.name}</TableCell>
                <TableCell>
                  {stateLabel(t, c.reason)}
                  {c.lastSubmittedAt ? ` ${t('ov.submissions.last', { at: c.lastSubmittedAt.slice(0, 10) })}` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
