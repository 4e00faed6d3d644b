/**
 * Finance's view across years (年度推移) within a caller's reach: each year's figures per claim,
 * frozen at its settlement (確定) or as the ledgers keep them now (速報), built into the table by
 * the domain's one definition (domain/history) and answered with exact amounts.
 */
import { ApiFailure } from '../../domain/api/errors.js';
import type { ResponseOf } from '../../domain/api/routes.js';
import {
  historyTable,
  MAX_HISTORY_YEARS,
  yearsBetween,
  type HistoryLine,
  type HistoryTable,
  type YearFigures,
} from '../../domain/history/history.js';
import { jsonInteger } from '../../domain/reports/exact.js';
import type { Queryable } from '../db/db.js';
import { currentClaimFigures, frozenClaimFigures, settledYears } from '../db/repos/history.js';
import type { Scope } from '../db/repos/scope.js';

type Answer = ResponseOf<'history'>;

const exact = (n: bigint | null) => (n === null ? null : jsonInteger(n));

function figures(y: YearFigures): Answer['total']['years'][number] {
  return {
    ledgers: y.ledgers,
    outstandingYen: exact(y.outstanding),
    assessedYen: exact(y.assessed),
    paidYen: exact(y.paid),
    writtenOffYen: exact(y.writtenOff),
    rate: y.rate,
    targetYen: exact(y.target),
    gapToTargetYen: exact(y.gapToTarget),
    attained: y.attained,
  };
}

const line = (l: HistoryLine): Answer['total'] => ({ ...l, years: l.years.map(figures) });

export function historyAnswer(t: HistoryTable): Answer {
  return {
    from: t.from,
    to: t.to,
    years: t.years,
    claims: t.claims.map(line),
    bureaus: t.bureaus.map(line),
    total: line(t.total),
  };
}

/** The span asked for, refused with a Japanese message when it runs backwards or is too long. */
export function historySpan(from: number, to: number): number[] {
  if (from > to)
    throw new ApiFailure(400, 'invalid-input', `開始年度（from: ${from}）は終了年度（to: ${to}）以前にしてください。`, {
      parameter: 'from',
    });
  if (to - from + 1 > MAX_HISTORY_YEARS)
    throw new ApiFailure(400, 'invalid-input', `年度推移は ${MAX_HISTORY_YEARS} 年度までです（${from}〜${to}）。`, {
      parameter: 'to',
    });
  return yearsBetween(from, to);
}

/** The table of fiscal years `from`..`to` within `scope`. */
export async function loadHistory(db: Queryable, scope: Scope, from: number, to: number): Promise<HistoryTable> {
  const fiscalYears = historySpan(from, to);
  const settled = await settledYears(db, fiscalYears);
  const perYear = await Promise.all(
    fiscalYears.map((fy) => (settled.has(fy) ? frozenClaimFigures : currentClaimFigures)(db, fy, scope)),
  );
  const years = fiscalYears.map(
    (fy) => ({ fiscalYear: fy, state: settled.has(fy) ? 'settled' : 'provisional' }) as const,
  );
  return historyTable(years, perYear.flat());
}

export async function history(db: Queryable, scope: Scope, from: number, to: number): Promise<Answer> {
  return historyAnswer(await loadHistory(db, scope, from, to));
}
