/**
 * 未収金の状況 and 主要債権収入状況 within a caller's reach: each ledger's figures of the year and
 * the year before as its submissions kept them (db/repos/status.ts), summed per claim, division,
 * bureau and scope by the domain's one definition (domain/status/report.ts), amounts exact.
 */
import type { ResponseOf } from '../../domain/api/routes.js';
import { jsonInteger } from '../../domain/reports/exact.js';
import { STATUS_DEFS, STATUS_KEYS } from '../../domain/status/classify.js';
import { statusReport, type StatusLine, type StatusReport } from '../../domain/status/report.js';
import { revenueRate, type ExactStatus } from '../../domain/status/sums.js';
import type { Queryable } from '../db/db.js';
import { ledgerStatusRecords } from '../db/repos/status.js';
import type { Scope } from '../db/repos/scope.js';

type Answer = ResponseOf<'receivablesStatus'>;

function figures(s: ExactStatus | null): Answer['total']['thisYear'] {
  if (s === null) return null;
  const r = s.revenue;
  return {
    ledgers: s.ledgers,
    byClass: Object.fromEntries(
      STATUS_KEYS.map((k) => [k, { count: s.byClass[k].count, outstandingYen: jsonInteger(s.byClass[k].outstanding) }]),
    ) as NonNullable<Answer['total']['thisYear']>['byClass'],
    revenue: {
      rows: r.rows,
      assessedYen: jsonInteger(r.assessed),
      paidYen: jsonInteger(r.paid),
      writtenOffYen: jsonInteger(r.writtenOff),
      outstandingYen: jsonInteger(r.outstanding),
      rate: revenueRate(r),
    },
  };
}

function line(l: StatusLine): Answer['total'] {
  return {
    bureau: l.bureau,
    division: l.division,
    claim: l.claim,
    classification: l.classification,
    thisYear: figures(l.thisYear),
    lastYear: figures(l.lastYear),
    asOf: l.asOf,
    reductionYen: l.reduction === null ? null : jsonInteger(l.reduction),
  };
}

/** The report as the API answers it. */
export function statusAnswer(r: StatusReport): Answer {
  return {
    fiscalYear: r.fiscalYear,
    classes: STATUS_KEYS.map((id) => ({ id, ...STATUS_DEFS[id] })).map(({ en: _en, ...c }) => c),
    claims: r.claims.map(line),
    divisions: r.divisions.map(line),
    bureaus: r.bureaus.map(line),
    total: line(r.total),
    sources: r.sources.map((s) => ({
      ledgerId: s.ledgerId,
      ledger: s.ledger,
      bureau: s.bureau,
      division: s.division,
      claim: s.claim,
      fiscalYear: s.fiscalYear,
      revision: s.revision,
      asOf: s.asOf,
      rows: s.status.revenue.rows,
      outstandingYen: jsonInteger(s.status.revenue.outstanding),
    })),
  };
}

/** The report of fiscal year `fy` within `scope`. */
export async function loadStatusReport(db: Queryable, scope: Scope, fy: number): Promise<StatusReport> {
  return statusReport(fy, await ledgerStatusRecords(db, [fy, fy - 1], scope));
}

export async function receivablesStatus(db: Queryable, scope: Scope, fy: number): Promise<Answer> {
  return statusAnswer(await loadStatusReport(db, scope, fy));
}
