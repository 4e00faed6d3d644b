/** Oversight for the accounting division and finance, and the submission period finance sets (`oversight/status.ts`). */
import type { Router } from 'express';
import { scopeOf } from '../../actor.js';
import type { Db } from '../../db/db.js';
import {
  changeSubmissionPeriod,
  flaggedClaims,
  submissionPeriodView,
  submissionStatus,
} from '../../oversight/status.js';
import { history } from '../../oversight/history.js';
import { receivablesStatus } from '../../oversight/receivables-status.js';
import { worklistCounts } from '../../oversight/worklist-counts.js';
import { fiscalYearIn, fiscalYearParam } from '../params.js';
import { TableRouter } from '../route.js';

const PERIOD_INVALID =
  '提出期限は {"kind":"monthly","day":10}（毎月N日まで）か {"kind":"days","days":31}（N日以内ごと）で指定してください。';

export function oversightRoutes(db: Db, clock: () => Date = () => new Date()): Router {
  return new TableRouter()
    .answer('submissionPeriod', () => submissionPeriodView(db, clock()))
    .answer('setSubmissionPeriod', (c) => changeSubmissionPeriod(db, c.actor, c.body(PERIOD_INVALID), clock))
    .answer('submissions', (c) => submissionStatus(db, scopeOf(c.actor), fiscalYearIn(c.req.query.fy), clock()))
    .answer('flaggedClaims', (c) => {
      const fy = fiscalYearIn(c.req.query.fy);
      const { all } = c.query('all は true か false です。');
      return flaggedClaims(db, scopeOf(c.actor), fy, all === 'true', clock());
    })
    .answer('worklistCounts', (c) => worklistCounts(db, scopeOf(c.actor)))
    .answer('receivablesStatus', (c) => receivablesStatus(db, scopeOf(c.actor), fiscalYearIn(c.req.query.fy)))
    .answer('history', (c) =>
      history(db, scopeOf(c.actor), fiscalYearParam(c.req.query.from, 'from'), fiscalYearParam(c.req.query.to, 'to')),
    ).router;
}
