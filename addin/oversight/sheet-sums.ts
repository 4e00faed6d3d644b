/**
 * The answers the 取りまとめ sheets are built from, read for the sheets: sums over claims as
 * numbers (the service sends them exact, domain/reports/exact.ts), and ledgers' aging read
 * leniently. Only the fields the sheets print are picked.
 */
import { z } from 'zod';
import { ExactYen } from '../../domain/api/common.js';
import * as ledgers from '../../domain/api/ledgers.js';
import * as reports from '../../domain/api/reports.js';

/**
 * A sum over claims (ExactYen: a number up to 2^53 − 1, the digits beyond) read as a number, so a
 * sum past 2^53 (far beyond any city) shows rounded in the pane's sheets; the service's own
 * consolidated.xlsx stays exact.
 */
const sumYen = ExactYen.transform(Number);
const sumYenOrNull = sumYen.nullable();

const TargetsRow = reports.TargetsRow.pick({
  bureau: true,
  cells: true,
  claims: true,
  claimsReporting: true,
}).extend({
  baselineYen: sumYen,
  targetYen: sumYen,
  diffYen: sumYen,
  currentYen: sumYen,
  ratioHundredths: z.number().nullable(),
});
export const Targets = reports.Targets.omit({ baselineFiscalYear: true }).extend({
  bureaus: z.array(TargetsRow),
  total: TargetsRow,
});

export const ReportClaims = reports.ReportClaims.pick({ claims: true, divisions: true }).extend({
  claims: z.array(
    reports.ClaimProgress.omit({ planId: true, milestone: true, display: true }).extend({
      baselineYen: sumYen,
      targetYen: sumYen,
      currentYen: sumYenOrNull,
      gapYen: sumYenOrNull,
    }),
  ),
  divisions: z.array(
    reports.Sums.pick({ claims: true, claimsReporting: true }).extend({
      bureau: z.string(),
      division: z.string(),
      baselineYen: sumYen,
      targetYen: sumYen,
      currentYen: sumYen,
    }),
  ),
});

/** Aging read leniently: a ledger the check has not reached yet may have none. */
const AgingBucket = ledgers.AgingBucket.pick({ label: true, outstanding: true }).extend({
  fromYears: z.number().catch(0),
});
export const Ledgers = ledgers.LedgerList.extend({
  ledgers: z.array(
    ledgers.Ledger.pick({ id: true, bureau: true, division: true, revision: true }).extend({
      aging: z.array(AgingBucket).catch([]),
    }),
  ),
});

export type TargetsT = z.infer<typeof Targets>;
export type ReportClaimsT = z.infer<typeof ReportClaims>;
export type LedgersT = z.infer<typeof Ledgers>;
