/**
 * Finance's view across years (年度推移, domain/history): per claim, bureau and the scope, each
 * year's amount owing, 調定額, 収入済額, 収納率, 不納欠損額, target and attainment, each year marked
 * 確定 (frozen at its settlement) or 速報 (as the ledgers keep it now), and the years that ended two
 * years' growth in a row. Counts and amounts only.
 */
import { z } from 'zod';
import { ExactYen, FiscalYearText } from './common.js';

export const HistoryQuery = z.object({ from: FiscalYearText, to: FiscalYearText });

export const HistoryYearFigures = z.object({
  ledgers: z.number().int(),
  /** Null where no ledger counted in the year (no figures is not zero). */
  outstandingYen: ExactYen.nullable(),
  assessedYen: ExactYen.nullable(),
  paidYen: ExactYen.nullable(),
  writtenOffYen: ExactYen.nullable(),
  /** 収納率 in percent, one decimal; null where nothing was assessed. */
  rate: z.number().nullable(),
  targetYen: ExactYen.nullable(),
  /** Amount owing less target (negative: below it). */
  gapToTargetYen: ExactYen.nullable(),
  attained: z.boolean().nullable(),
});

export const HistoryLine = z.object({
  bureau: z.string(),
  division: z.string().nullable(),
  claim: z.string().nullable(),
  classification: z.string().nullable(),
  /** One per year of `years`, in that order. */
  years: z.array(HistoryYearFigures),
  /** The years whose amount owing grew on the year before, after growing the year before that (増加が2年連続). */
  grewTwoYearsTo: z.array(z.number().int()),
});

export const History = z.object({
  from: z.number().int(),
  to: z.number().int(),
  years: z.array(z.object({ fiscalYear: z.number().int(), state: z.enum(['settled', 'provisional']) })),
  claims: z.array(HistoryLine),
  bureaus: z.array(HistoryLine),
  total: HistoryLine,
});
