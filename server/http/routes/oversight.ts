/** Oversight for the accounting division and finance, and the submission period finance sets (`oversight/status.ts`). */
import { Router } from 'express';
import { z } from 'zod';
import { scopeOf } from '../../actor.js';
import type { Db } from '../../db/db.js';
import { SubmissionPeriodSchema } from '../../db/repos/chase.js';
import {
  changeSubmissionPeriod,
  flaggedClaims,
  submissionPeriodView,
  submissionStatus,
} from '../../oversight/status.js';
import { principal, requireRole } from '../auth.js';
import { handle, parseJa } from '../errors.js';
import { fiscalYearIn } from '../params.js';

const AllQuery = z.object({ all: z.enum(['true', 'false']).default('false') });

export function oversightRoutes(db: Db, clock: () => Date = () => new Date()): Router {
  const r = Router();

  r.get(
    '/settings/submission-period',
    requireRole('division', 'accounting', 'finance'),
    handle(async (_req, res) => {
      res.json(await submissionPeriodView(db, clock()));
    }),
  );

  r.put(
    '/settings/submission-period',
    requireRole('finance'),
    handle(async (req, res) => {
      const period = parseJa(
        SubmissionPeriodSchema,
        req.body,
        '提出期限は {"kind":"monthly","day":10}（毎月N日まで）か {"kind":"days","days":31}（N日以内ごと）で指定してください。',
      );
      res.json(await changeSubmissionPeriod(db, principal(req), period, clock));
    }),
  );

  r.get(
    '/oversight/submissions',
    requireRole('accounting', 'finance'),
    handle(async (req, res) => {
      const fy = fiscalYearIn(req.query.fy);
      const status = await submissionStatus(db, scopeOf(principal(req)), fy, clock());
      res.set('Cache-Control', 'no-store');
      res.json(status);
    }),
  );

  r.get(
    '/oversight/claims',
    requireRole('accounting', 'finance'),
    handle(async (req, res) => {
      const fy = fiscalYearIn(req.query.fy);
      const { all } = parseJa(AllQuery, { all: req.query.all }, 'all は true か false です。');
      const claims = await flaggedClaims(db, scopeOf(principal(req)), fy, all === 'true', clock());
      res.set('Cache-Control', 'no-store');
      res.json(claims);
    }),
  );
  return r;
}
