/**
 * Finance's improvement proposals (改善提案) per claim and fiscal year, with their history. Finance
 * writes; the claim's division, its bureau's accounting division and finance read; nobody else.
 */
import { ApiFailure } from '../../domain/api/errors.js';
import { PROPOSAL_REASONS, type ProposalReason } from '../../domain/api/proposals.js';
import type { ResponseOf } from '../../domain/api/routes.js';
import type { Actor } from '../actor.js';
import type { Db } from '../db/db.js';
import type { ClaimRecord } from '../db/repos/claims.js';
import {
  claimProposals,
  createProposal,
  listProposals,
  ProposalConflict,
  proposalVersions,
  reviseProposal,
} from '../db/repos/proposals.js';
import type { Scope } from '../db/repos/scope.js';
import { guardPersonalText } from '../privacy/personal-text.js';
import { authorOf, claimView, parseJsonArray, proposalView } from './views.js';

export interface ProposalText {
  fiscalYear: number;
  reasons: readonly ProposalReason[];
  body: string;
  confirmedNoPersonalData: boolean;
}

/** The body checked for personal-looking text; what the sender confirmed, for the row and the audit. */
function confirmation(t: ProposalText) {
  const warnings = guardPersonalText({ body: t.body }, t.confirmedNoPersonalData);
  return { confirmedNoPersonal: Object.keys(warnings).length > 0, warnings };
}

const reasonsJson = (rs: readonly ProposalReason[]) => JSON.stringify(PROPOSAL_REASONS.filter((r) => rs.includes(r)));

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

const rethrow = (fy: number) => (e: unknown) => {
  throw e instanceof ProposalConflict ? conflict(e, fy) : e;
};

/** A new proposal (409 when the claim has one for the year). */
export async function propose(
  db: Db,
  a: Actor,
  claim: ClaimRecord,
  t: ProposalText,
): Promise<ResponseOf<'addProposal'>> {
  const row = await createProposal(
    db,
    { claimId: claim.id, fiscalYear: t.fiscalYear, reasons: reasonsJson(t.reasons), body: t.body },
    a,
    confirmation(t),
  ).catch(rethrow(t.fiscalYear));
  return { claim: claimView(claim), proposal: proposalView(row) };
}

/** A revision of the year's proposal (404 when there is none, 409 when `expectedVersion` is not current). */
export async function revise(
  db: Db,
  a: Actor,
  claim: ClaimRecord,
  t: ProposalText & { expectedVersion?: number },
): Promise<ResponseOf<'reviseProposal'>> {
  const out = await reviseProposal(
    db,
    { claimId: claim.id, fiscalYear: t.fiscalYear, reasons: reasonsJson(t.reasons), body: t.body, expectedVersion: t.expectedVersion }, // prettier-ignore
    a,
    confirmation(t),
  ).catch(rethrow(t.fiscalYear));
  return { claim: claimView(claim), proposal: proposalView(out.proposal), changed: out.changed };
}

/** The claim's proposals, each with its earlier versions. */
export async function proposalsOfClaim(db: Db, claim: ClaimRecord): Promise<ResponseOf<'claimProposals'>> {
  const rows = await claimProposals(db, claim.id);
  const proposals = await Promise.all(
    rows.map(async (row) => ({
      ...proposalView(row),
      history: (await proposalVersions(db, row.id)).map((v) => ({
        version: v.version,
        reasons: parseJsonArray<ProposalReason>(v.reasons),
        body: v.body,
        confirmedNoPersonalData: v.confirmed_no_personal === 1,
        changedAt: v.changed_at,
        changedBy: authorOf(v),
      })),
    })),
  );
  return { claim: claimView(claim), proposals };
}

export async function proposalsInReach(db: Db, scope: Scope, fy: number): Promise<ResponseOf<'proposals'>> {
  const rows = await listProposals(db, fy, scope);
  return {
    fiscalYear: fy,
    proposals: rows.map((row) => ({
      ...proposalView(row),
      claim: { id: row.claim_id, name: row.claim },
      bureau: { id: row.bureau_id, name: row.bureau },
      division: { id: row.division_id, name: row.division },
    })),
  };
}
