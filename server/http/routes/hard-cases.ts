/**
 * Hard cases (処理困難事案): a division asks about one of its claims, its bureau's accounting
 * division or finance answers with a handling policy, and the division or the answering party
 * closes it. Visible to those three parties only. The text must hold no personal data: text that
 * looks personal is answered 422 with its spans until the sender edits it or confirms; a My
 * Number-like number is refused even then. Nothing is stripped or changed silently.
 */
import { Router } from 'express';
import { z } from 'zod';
import { parseISODay } from '../../../domain/calendar/day.js';
import type { Db } from '../../db/db.js';
import {
  answerHardCase,
  closeHardCase,
  createHardCase,
  findHardCase,
  listHardCases,
  TransitionRefused,
  type HardCaseRow,
  type HardCaseStatus,
} from '../../db/repos/hard-cases.js';
import { canReadBureau, canReadDivision, principal, requireRole, type Principal } from '../auth.js';
import { ApiFailure, forbidden, handle, notFound } from '../errors.js';
import { guardPersonalText } from '../personal-text.js';
import {
  actorOf,
  assertOwnDivision,
  confirmedFlag as confirmed,
  orgScopeOf,
  parseJa,
  readableClaim,
  text,
  yen,
} from './oversight-shared.js';

const PARTIES = ['division', 'accounting', 'finance'] as const;
const STATUSES = ['open', 'answered', 'closed'] as const;
const STATUS_LABELS: Record<HardCaseStatus, string> = { open: '回答待ち', answered: '回答済み', closed: '終了' };
const ROLE_LABELS: Record<string, string> = { accounting: '経理担当課', finance: '財政局', division: '所管課' };
const MAX_TEXT = 4000;

const day = (what: string) =>
  z
    .string({ error: `${what}は 2024-05-31 の形で指定してください。` })
    .refine((s) => parseISODay(s) !== null, { error: `${what}は 2024-05-31 の形の実在する日付で指定してください。` });

const NewCase = z
  .object({
    claimId: z.number({ error: '債権（claimId）を指定してください。' }).int().positive(),
    title: text('件名', 100),
    assessedYen: yen('調定額').nullable().default(null),
    outstandingYen: yen('未収金額').nullable().default(null),
    dueDate: day('納期限').nullable().default(null),
    lastContactDate: day('最終接触日').nullable().default(null),
    tried: text('これまでの対応', MAX_TEXT),
    question: text('相談内容', MAX_TEXT),
    confirmedNoPersonalData: confirmed,
  })
  .strict();

const Answer = z.object({ policy: text('処理方針', MAX_TEXT), confirmedNoPersonalData: confirmed }).strict();
const ListQuery = z.object({ status: z.enum(STATUSES).optional() });

function view(h: HardCaseRow) {
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
    statusLabel: STATUS_LABELS[h.status],
    createdAt: h.created_at,
    answer:
      h.answer === null
        ? null
        : {
            policy: h.answer,
            role: h.answered_role,
            roleLabel: ROLE_LABELS[h.answered_role ?? ''] ?? null,
            confirmedNoPersonalData: h.answer_confirmed_no_personal === 1,
            answeredAt: h.answered_at,
          },
    closedAt: h.closed_at,
    closedByRole: h.closed_role,
  };
}

/** The case if it exists and the caller is one of its three parties. */
async function visibleCase(db: Db, p: Principal, param: unknown): Promise<HardCaseRow> {
  const id = typeof param === 'string' && /^[1-9][0-9]{0,15}$/.test(param) ? Number(param) : NaN;
  const h = Number.isSafeInteger(id) ? await findHardCase(db, id) : undefined;
  if (!h) throw notFound('処理困難事案');
  if (!canReadDivision(p, h.bureau_id, h.division_id)) throw forbidden();
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

export function hardCasesRoutes(db: Db): Router {
  const r = Router();

  r.post(
    '/hard-cases',
    requireRole('division'),
    handle(async (req, res) => {
      const p = principal(req);
      const b = parseJa(NewCase, req.body, '処理困難事案の内容が正しくありません。');
      const claim = await readableClaim(db, p, String(b.claimId));
      assertOwnDivision(p, claim);
      const warnings = guardPersonalText(
        { title: b.title, tried: b.tried, question: b.question },
        b.confirmedNoPersonalData,
      );
      const row = await createHardCase(
        db,
        {
          claimId: claim.id,
          title: b.title,
          assessed: b.assessedYen,
          outstanding: b.outstandingYen,
          dueDate: b.dueDate,
          lastContactDate: b.lastContactDate,
          tried: b.tried,
          question: b.question,
          confirmedNoPersonal: Object.keys(warnings).length > 0,
        },
        actorOf(p),
        warnings,
      );
      res.status(201).json({ hardCase: view(row) });
    }),
  );

  r.get(
    '/hard-cases',
    requireRole(...PARTIES),
    handle(async (req, res) => {
      const { status } = parseJa(ListQuery, { status: req.query.status }, 'status は open・answered・closed のいずれかです。'); // prettier-ignore
      const rows = await listHardCases(db, orgScopeOf(principal(req)), status);
      res.json({ hardCases: rows.map(view) });
    }),
  );

  r.get(
    '/hard-cases/:id',
    requireRole(...PARTIES),
    handle(async (req, res) => {
      res.json({ hardCase: view(await visibleCase(db, principal(req), req.params.id)) });
    }),
  );

  r.post(
    '/hard-cases/:id/answer',
    requireRole('accounting', 'finance'),
    handle(async (req, res) => {
      const p = principal(req);
      const h = await visibleCase(db, p, req.params.id);
      if (!canReadBureau(p, h.bureau_id)) throw forbidden();
      const b = parseJa(Answer, req.body, '処理方針の内容が正しくありません。');
      const warnings = guardPersonalText({ policy: b.policy }, b.confirmedNoPersonalData);
      const role = p.role as 'accounting' | 'finance';
      const confirmedNoPersonal = Object.keys(warnings).length > 0;
      const row = await answerHardCase(
        db,
        h.id,
        { answer: b.policy, confirmedNoPersonal, role },
        actorOf(p),
        warnings,
      ).catch((e: unknown) => {
        throw e instanceof TransitionRefused ? refusedTransition(e, 'answer') : e;
      });
      res.json({ hardCase: view(row) });
    }),
  );

  r.post(
    '/hard-cases/:id/close',
    requireRole(...PARTIES),
    handle(async (req, res) => {
      const p = principal(req);
      const h = await visibleCase(db, p, req.params.id);
      // The division may close (or withdraw) its own case; of the others, only the party that answered.
      if (p.role !== 'division' && h.status === 'answered' && h.answered_role !== p.role) throw forbidden();
      const from: HardCaseStatus[] = p.role === 'division' ? ['open', 'answered'] : ['answered'];
      const row = await closeHardCase(db, h.id, from, actorOf(p)).catch((e: unknown) => {
        throw e instanceof TransitionRefused ? refusedTransition(e, 'close') : e;
      });
      res.json({ hardCase: view(row) });
    }),
  );
  return r;
}
