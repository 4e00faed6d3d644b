/**
 * Finance's improvement proposals (改善提案) per claim and fiscal year, with their history. Finance
 * writes; the claim's division, its bureau's accounting division and finance read; nobody else.
 */
import { Router } from 'express';
import { z } from 'zod';
import { parseFiscalYear } from '../../../domain/values/index.js';
import type { Db } from '../../db/db.js';
import {
  claimProposals,
  createProposal,
  listProposals,
  ProposalConflict,
  proposalVersions,
  reviseProposal,
  type ProposalRow,
} from '../../db/repos/proposals.js';
import { principal, requireRole } from '../auth.js';
import { ApiFailure, handle } from '../errors.js';
import { guardPersonalText } from '../personal-text.js';
import {
  actorOf,
  authorOf,
  claimView,
  confirmedFlag,
  FISCAL_YEAR_RANGE_MESSAGE,
  fiscalYearIn,
  inFiscalRange,
  orgScopeOf,
  parseJa,
  parseJsonArray,
  readableClaim,
  text,
} from './oversight-shared.js';

const READERS = ['division', 'accounting', 'finance'] as const;
export const PROPOSAL_REASONS = ['growing', 'behind-plan', 'other'] as const;
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

type ProposalInput = z.infer<typeof ProposalBody>;

/** The body checked for personal-looking text; what the sender confirmed, for the row and the audit. */
function confirmation(b: ProposalInput) {
  const warnings = guardPersonalText({ body: b.body }, b.confirmedNoPersonalData);
  return { confirmedNoPersonal: Object.keys(warnings).length > 0, warnings };
}

function proposalView(p: ProposalRow) {
  return {
    id: p.id,
    claimId: p.claim_id,
    fiscalYear: p.fiscal_year,
    reasons: parseJsonArray<string>(p.reasons),
    body: p.body,
    version: p.version,
    confirmedNoPersonalData: p.confirmed_no_personal === 1,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

const reasonsJson = (rs: readonly string[]) => JSON.stringify(PROPOSAL_REASONS.filter((r) => rs.includes(r)));

function conflict(e: ProposalConflict, fy: number): ApiFailure {
  if (e.kind === 'exists') {
    return new ApiFailure(409, 'proposal-exists', `${fy}年度の改善提案は既にあります。更新（PUT）してください。`, {
      currentVersion: e.currentVersion,
    });
  }
  if (e.kind === 'missing') {
    return new ApiFailure(404, 'not-found', `${fy}年度の改善提案が見つかりません。先に登録（POST）してください。`);
  }
  return new ApiFailure(409, 'version-conflict', 'この改善提案は他の人が先に更新しました。読み込み直してください。', {
    currentVersion: e.currentVersion,
  });
}

export function proposalsRoutes(db: Db): Router {
  const r = Router();

  r.post(
    '/claims/:claimId/proposals',
    requireRole('finance'),
    handle(async (req, res) => {
      const p = principal(req);
      const claim = await readableClaim(db, p, req.params.claimId);
      const b = parseJa(ProposalBody, req.body, '改善提案の内容が正しくありません。');
      const row = await createProposal(
        db,
        { claimId: claim.id, fiscalYear: b.fiscalYear, reasons: reasonsJson(b.reasons), body: b.body },
        actorOf(p),
        confirmation(b),
      ).catch((e: unknown) => {
        throw e instanceof ProposalConflict ? conflict(e, b.fiscalYear) : e;
      });
      res.status(201).json({ claim: claimView(claim), proposal: proposalView(row) });
    }),
  );

  r.put(
    '/claims/:claimId/proposals',
    requireRole('finance'),
    handle(async (req, res) => {
      const p = principal(req);
      const claim = await readableClaim(db, p, req.params.claimId);
      const b = parseJa(ProposalBody, req.body, '改善提案の内容が正しくありません。');
      const out = await reviseProposal(
        db,
        { claimId: claim.id, fiscalYear: b.fiscalYear, reasons: reasonsJson(b.reasons), body: b.body, expectedVersion: b.expectedVersion }, // prettier-ignore
        actorOf(p),
        confirmation(b),
      ).catch((e: unknown) => {
        throw e instanceof ProposalConflict ? conflict(e, b.fiscalYear) : e;
      });
      res.json({ claim: claimView(claim), proposal: proposalView(out.proposal), changed: out.changed });
    }),
  );

  r.get(
    '/claims/:claimId/proposals',
    requireRole(...READERS),
    handle(async (req, res) => {
      const claim = await readableClaim(db, principal(req), req.params.claimId);
      const rows = await claimProposals(db, claim.id);
      const proposals = await Promise.all(
        rows.map(async (row) => ({
          ...proposalView(row),
          history: (await proposalVersions(db, row.id)).map((v) => ({
            version: v.version,
            reasons: parseJsonArray<string>(v.reasons),
            body: v.body,
            confirmedNoPersonalData: v.confirmed_no_personal === 1,
            changedAt: v.changed_at,
            changedBy: authorOf(v),
          })),
        })),
      );
      res.json({ claim: claimView(claim), proposals });
    }),
  );

  r.get(
    '/proposals',
    requireRole(...READERS),
    handle(async (req, res) => {
      const fy = fiscalYearIn(req.query.fy);
      const rows = await listProposals(db, fy, orgScopeOf(principal(req)));
      res.json({
        fiscalYear: fy,
        proposals: rows.map((row) => ({
          ...proposalView(row),
          claim: { id: row.claim_id, name: row.claim },
          bureau: { id: row.bureau_id, name: row.bureau },
          division: { id: row.division_id, name: row.division },
        })),
      });
    }),
  );
  return r;
}
