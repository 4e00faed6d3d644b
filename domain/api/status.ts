/**
 * 未収金の状況 and 主要債権収入状況 for accounting (its bureau) and finance (the city): per claim,
 * division, bureau and the whole scope, the rows owing and their amounts by class (①–⑦ and
 * 分類できない, domain/status/classify.ts) and the revenue figures of this year and last year with
 * the 縮減額; and each ledger's revision and as-of date the figures came from. Counts and amounts
 * only: nothing of a row leaves the service.
 */
import { z } from 'zod';
import { STATUS_KEYS, type StatusOf } from '../status/classify.js';
import { Day, ExactYen, FyQuery } from './common.js';

export const StatusQuery = FyQuery;

const ClassFigures = z.object({ count: z.number().int(), outstandingYen: ExactYen });

export const StatusFigures = z.object({
  /** Ledgers summed. */
  ledgers: z.number().int(),
  byClass: z.object(
    Object.fromEntries(STATUS_KEYS.map((k) => [k, ClassFigures])) as Record<StatusOf, typeof ClassFigures>,
  ),
  /** 主要債権収入状況: the rows' 調定額, 収入済額, 不納欠損額, 収入未済額 and 収入率 (percent, one decimal). */
  revenue: z.object({
    rows: z.number().int(),
    assessedYen: ExactYen,
    paidYen: ExactYen,
    writtenOffYen: ExactYen,
    outstandingYen: ExactYen,
    rate: z.number().nullable(),
  }),
});

export const StatusLine = z.object({
  bureau: z.string(),
  division: z.string().nullable(),
  claim: z.string().nullable(),
  classification: z.string().nullable(),
  /** Null where no ledger of the group was sent with an as-of date in the year. */
  thisYear: StatusFigures.nullable(),
  lastYear: StatusFigures.nullable(),
  asOf: Day.nullable(),
  /** 縮減額: last year's 収入未済額 less this year's; null without both. */
  reductionYen: ExactYen.nullable(),
});

export const StatusClassInfo = z.object({
  id: z.enum(STATUS_KEYS as [StatusOf, ...StatusOf[]]),
  mark: z.string(),
  label: z.string(),
  group: z.string(),
});

export const StatusSource = z.object({
  ledgerId: z.string(),
  ledger: z.string(),
  bureau: z.string(),
  division: z.string(),
  claim: z.string(),
  fiscalYear: z.number().int(),
  revision: z.number().int(),
  asOf: Day,
  rows: z.number().int(),
  outstandingYen: ExactYen,
});

export const ReceivablesStatus = z.object({
  fiscalYear: z.number().int(),
  /** The classes in the published order (①…⑦, then 分類できない). */
  classes: z.array(StatusClassInfo),
  claims: z.array(StatusLine),
  divisions: z.array(StatusLine),
  bureaus: z.array(StatusLine),
  total: StatusLine,
  /** Each ledger's figures per year: its revision and as-of date (出典). */
  sources: z.array(StatusSource),
});
