/**
 * Hard cases (処理困難事案): a division asks about one of its claims, its bureau's accounting
 * division or finance answers with a handling policy, and the division or the answering party closes it.
 */
import { z } from 'zod';
import { confirmedFlag, Day, day, Instant, Org, text, yen, YenOrNull } from './common.js';

export const HARD_CASE_STATUSES = ['open', 'answered', 'closed'] as const;
export const HardCaseStatus = z.enum(HARD_CASE_STATUSES);
export type HardCaseStatus = z.infer<typeof HardCaseStatus>;
export const MAX_HARD_CASE_TEXT = 4000;

export const NewHardCase = z
  .object({
    claimId: z.number({ error: '債権（claimId）を指定してください。' }).int().positive(),
    title: text('件名', 100),
    assessedYen: yen('調定額').nullable().default(null),
    outstandingYen: yen('未収金額').nullable().default(null),
    dueDate: day('納期限').nullable().default(null),
    lastContactDate: day('最終接触日').nullable().default(null),
    tried: text('これまでの対応', MAX_HARD_CASE_TEXT),
    question: text('相談内容', MAX_HARD_CASE_TEXT),
    confirmedNoPersonalData: confirmedFlag,
  })
  .strict();

export const HardCaseAnswerBody = z
  .object({ policy: text('処理方針', MAX_HARD_CASE_TEXT), confirmedNoPersonalData: confirmedFlag })
  .strict();

/** Closing takes no fields. */
export const HardCaseCloseBody = z.object({}).strict();

export const HardCaseListQuery = z.object({ status: HardCaseStatus.optional() });
export const HardCaseParams = z.object({ id: z.string().regex(/^[1-9][0-9]{0,15}$/) });

export const HardCase = z.object({
  id: z.number().int(),
  claim: Org,
  bureau: Org,
  division: Org,
  title: z.string(),
  assessedYen: YenOrNull,
  outstandingYen: YenOrNull,
  dueDate: Day.nullable(),
  lastContactDate: Day.nullable(),
  tried: z.string(),
  question: z.string(),
  confirmedNoPersonalData: z.boolean(),
  status: HardCaseStatus,
  createdAt: Instant,
  answer: z
    .object({
      policy: z.string(),
      /** accounting or finance. */
      role: z.string().nullable(),
      confirmedNoPersonalData: z.boolean(),
      answeredAt: Instant.nullable(),
    })
    .nullable(),
  closedAt: Instant.nullable(),
  closedByRole: z.string().nullable(),
});
export type HardCase = z.infer<typeof HardCase>;

export const HardCaseAnswer = z.object({ hardCase: HardCase });
export const HardCaseList = z.object({ hardCases: z.array(HardCase) });
