/** Finance's improvement proposals (改善提案) per claim and fiscal year, with their history. */
import { z } from 'zod';
import { parseFiscalYear } from '../values/index.js';
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '../values/limits.js';
import { Author, ClaimView, confirmedFlag, FISCAL_YEAR_RANGE_MESSAGE, Instant, Org, text } from './common.js';

export const PROPOSAL_REASONS = ['growing', 'behind-plan', 'other'] as const;
export const ProposalReason = z.enum(PROPOSAL_REASONS);
export type ProposalReason = z.infer<typeof ProposalReason>;
export const MAX_PROPOSAL = 4000;

/** POST (the first) or PUT (a revision) of a claim's proposal for one fiscal year. */
export const ProposalBody = z
  .object({
    fiscalYear: z.union([z.number().int(), z.string().max(20)]).transform((v, ctx) => {
      const fy = parseFiscalYear(v);
      if (fy.ok && fy.value !== null && fy.value >= MIN_FISCAL_YEAR && fy.value <= MAX_FISCAL_YEAR) return fy.value;
      const message =
        fy.ok && fy.value !== null
          ? FISCAL_YEAR_RANGE_MESSAGE
          : '年度を 2024、R6、令和6年度 のように指定してください。';
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }),
    reasons: z
      .array(z.enum(PROPOSAL_REASONS, { error: '理由は growing・behind-plan・other のいずれかです。' }))
      .max(3)
      .default([]),
    body: text('改善提案', MAX_PROPOSAL),
    expectedVersion: z.number().int().min(1).optional(),
    confirmedNoPersonalData: confirmedFlag,
  })
  .strict();

export const Proposal = z.object({
  id: z.number().int(),
  claimId: z.number().int(),
  fiscalYear: z.number().int(),
  reasons: z.array(ProposalReason),
  body: z.string(),
  version: z.number().int(),
  confirmedNoPersonalData: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});

export const ProposalCreated = z.object({ claim: ClaimView, proposal: Proposal });
export const ProposalRevised = ProposalCreated.extend({ changed: z.boolean() });

export const ProposalVersion = z.object({
  version: z.number().int(),
  reasons: z.array(ProposalReason),
  body: z.string(),
  confirmedNoPersonalData: z.boolean(),
  changedAt: Instant,
  changedBy: Author,
});
export const ClaimProposals = z.object({
  claim: ClaimView,
  proposals: z.array(Proposal.extend({ history: z.array(ProposalVersion) })),
});

export const ProposalList = z.object({
  fiscalYear: z.number().int(),
  proposals: z.array(Proposal.extend({ claim: Org, bureau: Org, division: Org })),
});
