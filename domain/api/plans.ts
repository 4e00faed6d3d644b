/**
 * Annual plans: finance's import and the fiscal year's plans, the settlement (確定), the measure
 * catalogue, the claims within reach, and one claim's plan as the pane edits it, with its history.
 */
import { z } from 'zod';
import { MEASURE_IDS } from '../plans/measures.js';
import {
  Author,
  ClaimView,
  confirmedFlag,
  ExactYen,
  FiscalYearText,
  IdText,
  Instant,
  month,
  Month,
  Yen,
  yen,
} from './common.js';

export const MAX_MEASURES_TEXT = 4000;

// Import, list, settlement -----------------------------------------------------------------------

/** `?confirmedNoPersonalData=true`: 取組み has been checked and holds no personal data. */
export const ImportQuery = z.object({ confirmedNoPersonalData: z.enum(['true', 'false', '1', '0']).optional() });

export const ImportSummary = z.object({
  imported: z.number().int(),
  created: z.object({
    bureaus: z.number().int(),
    divisions: z.number().int(),
    claims: z.number().int(),
    plans: z.number().int(),
  }),
  /** Rows that made a new plan or a new version of one (or changed a claim's classification). */
  changed: z.number().int(),
  unchanged: z.number().int(),
  fiscalYears: z.array(z.number().int()),
});

export const PlanList = z.object({
  fiscalYear: z.number().int(),
  baselineSettled: z.boolean(),
  plans: z.array(
    z.object({
      id: z.number().int(),
      bureau: z.string(),
      division: z.string(),
      claim: z.string(),
      classification: z.string().nullable(),
      fiscalYear: z.number().int(),
      baselineYen: ExactYen,
      targetYen: ExactYen,
      measures: z.string(),
      /** As stored: `outstanding`, not `outstandingYen`. */
      milestones: z.array(z.object({ month: Month, outstanding: z.number() })),
      version: z.number().int(),
      updatedAt: Instant,
    }),
  ),
});

export const FyParams = z.object({ fy: FiscalYearText });
export const Settlement = z.object({
  fiscalYear: z.number().int(),
  settled: z.literal(true),
  settledAt: Instant.nullable(),
});

// The pane's plan editing ------------------------------------------------------------------------

export const MeasureCatalogue = z.object({
  groups: z.array(z.object({ id: z.string(), label: z.string() })),
  measures: z.array(z.object({ id: z.string(), group: z.string(), label: z.string(), hint: z.string() })),
  /** 段階的な催告の強化: the usual order of escalation. */
  escalationSteps: z.array(z.string()),
});

export const ClaimList = z.object({
  fiscalYear: z.number().int(),
  claims: z.array(ClaimView.extend({ planVersion: z.number().int().nullable(), ledgers: z.number().int() })),
});

export const ClaimPlanParams = z.object({ claimId: IdText, fy: FiscalYearText });

export const Milestone = z.object({ month: Month, outstandingYen: Yen });

export const Plan = z.object({
  id: z.number().int(),
  claimId: z.number().int(),
  fiscalYear: z.number().int(),
  baselineYen: Yen,
  targetYen: Yen,
  /** False (見込) until finance settles the previous fiscal year (the baseline's year), then true (確定). */
  baselineSettled: z.boolean(),
  measureIds: z.array(z.string()),
  chosenMeasures: z.array(z.object({ id: z.string(), label: z.string() })),
  measures: z.string(),
  milestones: z.array(Milestone),
  version: z.number().int(),
  updatedAt: Instant,
  confirmedNoPersonalData: z.boolean(),
});

export const PlanAnswer = z.object({ claim: ClaimView, plan: Plan });
export const PlanSaved = PlanAnswer.extend({ created: z.boolean(), changed: z.boolean() });

export const PlanVersion = z.object({
  version: z.number().int(),
  baselineYen: Yen,
  targetYen: Yen,
  measureIds: z.array(z.string()),
  measures: z.string(),
  milestones: z.array(Milestone),
  confirmedNoPersonalData: z.boolean(),
  changedAt: Instant,
  changedBy: Author,
});
/** A plan's versions, newest first (the current one included). */
export const PlanHistory = z.object({ claim: ClaimView, fiscalYear: z.number().int(), versions: z.array(PlanVersion) });

const MilestoneBody = z.object({ month: month(), outstandingYen: yen('月末の未収金額') }).strict();

/** PUT a claim's plan: a new version (or the first); `expectedVersion` guards against a lost update. */
export const PlanBody = z
  .object({
    baselineYen: yen('前年度決算額'),
    targetYen: yen('目標額'),
    measureIds: z
      .array(z.enum(MEASURE_IDS as [string, ...string[]], { error: '取組みの選択肢にない項目があります。' }))
      .max(MEASURE_IDS.length * 2)
      .default([]),
    measures: z
      .string()
      .trim()
      .max(MAX_MEASURES_TEXT, { error: `取組み（自由記述）は ${MAX_MEASURES_TEXT} 文字以内で入力してください。` })
      .default(''),
    milestones: z.array(MilestoneBody).max(12, { error: '月別の目標は 12 か月分までです。' }).default([]),
    expectedVersion: z.number().int().min(0).optional(),
    confirmedNoPersonalData: confirmedFlag,
  })
  .strict();
