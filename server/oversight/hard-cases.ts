/**
 * Hard cases (処理困難事案): a division asks about one of its claims, its bureau's accounting
 * division or finance answers with a handling policy, and the division or the answering party
 * closes it. Visible to those three parties only. The text must hold no personal data: text that
 * looks personal is refused with its spans until the sender edits it or confirms; a My
 * Number-like number is refused even then. Nothing is stripped or changed silently.
 */
import { ApiFailure } from '../../domain/api/errors.js';
import type { HardCase, NewHardCase as NewHardCaseBody } from '../../domain/api/hard-cases.js';
import type { ResponseOf } from '../../domain/api/routes.js';
import type { z } from 'zod';
import { canReadBureau, canReadDivision, type Actor } from '../actor.js';
import type { Db } from '../db/db.js';
import type { ClaimRecord } from '../db/repos/claims.js';
import {
  answerHardCase,
  closeHardCase,
  createHardCase,
  findHardCase,
  listHardCases,
  TransitionRefused,
  type HardCaseRow,
  type HardCaseStatus,
} from '../db/repos/hard-cases.js';
import type { Scope } from '../db/repos/scope.js';
import { guardPersonalText } from '../privacy/personal-text.js';
import { forbidden, notFound } from '../refusals.js';

export function hardCaseView(h: HardCaseRow): HardCase {
  return {
    id: h.id,
    claim: { id: h.claim_id, name: h.claim },
    bureau: { id: h.bureau_id, name: h.bureau },
    division: { id: h.division_id, name: h.division },
    title: h.title,
    assessedYen: h.assessed === null ? null : Number(h.assessed),
    outstandingYen: h.outstanding === null ? null : Number(h.outstanding),
    dueDate: h.due_date,
    lastContactDate: h.last_contact_date,
    tried: h.tried,
    question: h.question,
    confirmedNoPersonalData: h.confirmed_no_personal === 1,
    status: h.status,
    createdAt: h.created_at,
    answer:
      h.answer === null
        ? null
        : {
            policy: h.answer,
            role: h.answered_role,
            confirmedNoPersonalData: h.answer_confirmed_no_personal === 1,
            answeredAt: h.answered_at,
          },
    closedAt: h.closed_at,
    closedByRole: h.closed_role,
  };
}

/** A new case as the body reads (the claim, checked by the caller, apart). */
export type NewHardCase = Omit<z.output<typeof NewHardCaseBody>, 'claimId'>;

/** A division's question about one of its own claims (the claim checked by the caller). */
export async function askAboutClaim(
  db: Db,
  a: Actor,
  claim: ClaimRecord,
  c: NewHardCase,
): Promise<ResponseOf<'addHardCase'>> {
  const warnings = guardPersonalText(
    { title: c.title, tried: c.tried, question: c.question },
    c.confirmedNoPersonalData,
  );
  const row = await createHardCase(
    db,
    {
      claimId: claim.id,
      title: c.title,
      assessed: c.assessedYen,
      outstanding: c.outstandingYen,
      dueDate: c.dueDate,
      lastContactDate: c.lastContactDate,
      tried: c.tried,
      question: c.question,
      confirmedNoPersonal: Object.keys(warnings).length > 0,
    },
    a,
    warnings,
  );
  return { hardCase: hardCaseView(row) };
}

export async function hardCasesInReach(
  db: Db,
  scope: Scope,
  status: HardCaseStatus | undefined,
): Promise<ResponseOf<'hardCases'>> {
  const rows = await listHardCases(db, scope, status);
  return { hardCases: rows.map(hardCaseView) };
}

/** The case with this id (null: an id of a form that cannot exist) if the actor is one of its three parties. */
export async function visibleCase(db: Db, a: Actor, id: number | null): Promise<HardCaseRow> {
  const h = id === null ? undefined : await findHardCase(db, id);
  if (!h) throw notFound('処理困難事案');
  if (!canReadDivision(a, h.bureau_id, h.division_id)) throw forbidden();
  return h;
}

/** The case, if the actor may answer it: the case's bureau's accounting division, or finance. */
export async function answerableCase(db: Db, a: Actor, id: number | null): Promise<HardCaseRow> {
  const h = await visibleCase(db, a, id);
  if (!canReadBureau(a, h.bureau_id)) throw forbidden();
  return h;
}

function refusedTransition(e: TransitionRefused, action: 'answer' | 'close'): ApiFailure {
  const message =
    e.status === 'closed'
      ? 'この事案は既に終了しています。'
      : action === 'answer'
        ? 'この事案には既に回答があります。'
        : '回答前の事案は、所管課だけが終了（取り下げ）できます。';
  return new ApiFailure(409, 'invalid-transition', message, { status: e.status });
}

export async function answerCase(
  db: Db,
  a: Actor,
  h: HardCaseRow,
  answer: { policy: string; confirmedNoPersonalData: boolean },
): Promise<ResponseOf<'answerHardCase'>> {
  const warnings = guardPersonalText({ policy: answer.policy }, answer.confirmedNoPersonalData);
  const role = a.role as 'accounting' | 'finance';
  const confirmedNoPersonal = Object.keys(warnings).length > 0;
  const row = await answerHardCase(db, h.id, { answer: answer.policy, confirmedNoPersonal, role }, a, warnings).catch(
    (e: unknown) => {
      throw e instanceof TransitionRefused ? refusedTransition(e, 'answer') : e;
    },
  );
  return { hardCase: hardCaseView(row) };
}

/** Closes a case the actor can see: the division its own, either way; of the others, only the party that answered. */
export async function closeCase(db: Db, a: Actor, id: number | null): Promise<ResponseOf<'closeHardCase'>> {
  const h = await visibleCase(db, a, id);
  if (a.role !== 'division' && h.status === 'answered' && h.answered_role !== a.role) throw forbidden();
  const from: HardCaseStatus[] = a.role === 'division' ? ['open', 'answered'] : ['answered'];
  const row = await closeHardCase(db, h.id, from, a).catch((e: unknown) => {
    throw e instanceof TransitionRefused ? refusedTransition(e, 'close') : e;
  });
  return { hardCase: hardCaseView(row) };
}
