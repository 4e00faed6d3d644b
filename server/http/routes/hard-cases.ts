/**
 * Hard cases (処理困難事案, `oversight/hard-cases.ts`): a division asks about one of its claims,
 * its bureau's accounting division or finance answers, and one of them closes it. Text that looks
 * personal is answered 422 with its spans until the sender edits it or confirms.
 */
import { Router } from 'express';
import { z } from 'zod';
import { parseISODay } from '../../../domain/calendar/day.js';
import { scopeOf } from '../../actor.js';
import type { Db } from '../../db/db.js';
import { assertOwnDivision, readableClaim } from '../../oversight/claims.js';
import {
  answerableCase,
  answerCase,
  askAboutClaim,
  closeCase,
  hardCasesInReach,
  hardCaseView,
  visibleCase,
} from '../../oversight/hard-cases.js';
import { principal, requireRole } from '../auth.js';
import { handle, parseJa } from '../errors.js';
import { confirmedFlag as confirmed, pathId, text, yen } from '../inputs.js';

const PARTIES = ['division', 'accounting', 'finance'] as const;
const STATUSES = ['open', 'answered', 'closed'] as const;
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

export function hardCasesRoutes(db: Db): Router {
  const r = Router();

  r.post(
    '/hard-cases',
    requireRole('division'),
    handle(async (req, res) => {
      const p = principal(req);
      const { claimId, ...rest } = parseJa(NewCase, req.body, '処理困難事案の内容が正しくありません。');
      const claim = await readableClaim(db, p, claimId);
      assertOwnDivision(p, claim);
      res.status(201).json(await askAboutClaim(db, p, claim, rest));
    }),
  );

  r.get(
    '/hard-cases',
    requireRole(...PARTIES),
    handle(async (req, res) => {
      const { status } = parseJa(ListQuery, { status: req.query.status }, 'status は open・answered・closed のいずれかです。'); // prettier-ignore
      res.json(await hardCasesInReach(db, scopeOf(principal(req)), status));
    }),
  );

  r.get(
    '/hard-cases/:id',
    requireRole(...PARTIES),
    handle(async (req, res) => {
      res.json({ hardCase: hardCaseView(await visibleCase(db, principal(req), pathId(req.params.id))) });
    }),
  );

  r.post(
    '/hard-cases/:id/answer',
    requireRole('accounting', 'finance'),
    handle(async (req, res) => {
      const p = principal(req);
      const h = await answerableCase(db, p, pathId(req.params.id));
      const body = parseJa(Answer, req.body, '処理方針の内容が正しくありません。');
      res.json(await answerCase(db, p, h, body));
    }),
  );

  r.post(
    '/hard-cases/:id/close',
    requireRole(...PARTIES),
    handle(async (req, res) => {
      res.json(await closeCase(db, principal(req), pathId(req.params.id)));
    }),
  );
  return r;
}
