/** Finance's improvement proposals (改善提案) per claim and fiscal year (`oversight/proposals.ts`). */
import { Router } from 'express';
import { z } from 'zod';
import { parseFiscalYear } from '../../../domain/values/index.js';
import { scopeOf } from '../../actor.js';
import type { Db } from '../../db/db.js';
import { readableClaim } from '../../oversight/claims.js';
import { PROPOSAL_REASONS, propose, proposalsInReach, proposalsOfClaim, revise } from '../../oversight/proposals.js';
import { principal, requireRole } from '../auth.js';
import { handle, parseJa } from '../errors.js';
import { confirmedFlag, pathId, text } from '../inputs.js';
import { FISCAL_YEAR_RANGE_MESSAGE, fiscalYearIn, inFiscalRange } from '../params.js';

const READERS = ['division', 'accounting', 'finance'] as const;
const MAX_PROPOSAL = 4000;

const ProposalBody = z
  .object({
    fiscalYear: z.union([z.number().int(), z.string().max(20)]).transform((v, ctx) => {
      const fy = parseFiscalYear(v);
      if (fy.ok && fy.value !== null && inFiscalRange(fy.value)) return fy.value;
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

const PROPOSAL_INVALID = '改善提案の内容が正しくありません。';

export function proposalsRoutes(db: Db): Router {
  const r = Router();

  r.post(
    '/claims/:claimId/proposals',
    requireRole('finance'),
    handle(async (req, res) => {
      const p = principal(req);
      const claim = await readableClaim(db, p, pathId(req.params.claimId));
      const body = parseJa(ProposalBody, req.body, PROPOSAL_INVALID);
      res.status(201).json(await propose(db, p, claim, body));
    }),
  );

  r.put(
    '/claims/:claimId/proposals',
    requireRole('finance'),
    handle(async (req, res) => {
      const p = principal(req);
      const claim = await readableClaim(db, p, pathId(req.params.claimId));
      const body = parseJa(ProposalBody, req.body, PROPOSAL_INVALID);
      res.json(await revise(db, p, claim, body));
    }),
  );

  r.get(
    '/claims/:claimId/proposals',
    requireRole(...READERS),
    handle(async (req, res) => {
      const claim = await readableClaim(db, principal(req), pathId(req.params.claimId));
      res.json(await proposalsOfClaim(db, claim));
    }),
  );

  r.get(
    '/proposals',
    requireRole(...READERS),
    handle(async (req, res) => {
      const fy = fiscalYearIn(req.query.fy);
      res.json(await proposalsInReach(db, scopeOf(principal(req)), fy));
    }),
  );
  return r;
}
