/**
 * Annual plans: finance's bulk import (CSV or .xlsx as the request body), the plans of a fiscal
 * year within the caller's reach, and marking a fiscal year's settlement final (確定).
 */
import express, { type RequestHandler, type Router } from 'express';
import type { Db } from '../../db/db.js';
import { scopeOf } from '../../actor.js';
import { getSettlement, importPlans, isSettled, listPlans, settleFiscalYear } from '../../db/repos/plans.js';
import { PLAN_FILE_TYPES, sheetKindOf } from '../../plans/index.js';
import { fiscalYearParam } from '../params.js';
import { parsePlansOffThread } from '../../plans/parse-thread.js';
import { parseJsonArray } from '../../oversight/views.js';
import { inBureauOrder } from '../../reports/targets.js';
import { jsonInteger } from '../../../domain/reports/exact.js';
import { principal } from '../auth.js';
import { ApiFailure, handle, parseJa } from '../errors.js';
import { TableRouter } from '../route.js';
import { ROUTES, type ResponseOf } from '../../../domain/api/routes.js';
import type { Milestone } from '../../../domain/plans/milestones.js';

/**
 * The largest plan file the import takes, with at most 50,000 rows (template.ts MAX_ROWS). At that
 * size the file is read on a thread of its own and written in one short transaction.
 */
export const PLAN_IMPORT_LIMIT = '20mb';

/** The raw body for this route only, with a Japanese answer when the file is too large. */
function rawPlanFile(): RequestHandler {
  const raw = express.raw({ type: PLAN_FILE_TYPES, limit: PLAN_IMPORT_LIMIT });
  return (req, res, next) =>
    raw(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large') {
        return next(
          new ApiFailure(413, 'too-large', `ファイルが大きすぎます（上限 ${PLAN_IMPORT_LIMIT}）。`, {
            row: null,
            column: null,
          }),
        );
      }
      next(err);
    });
}

export function plansRoutes(db: Db): Router {
  return new TableRouter()
    .sends(
      'importPlans',
      rawPlanFile(),
      handle(async (req, res) => {
        const p = principal(req);
        const { confirmedNoPersonalData: confirmed } = parseJa(
          ROUTES.importPlans.query,
          req.query,
          'confirmedNoPersonalData は true か false です。',
        );
        const contentType = req.get('content-type');
        if (!Buffer.isBuffer(req.body)) sheetKindOf(contentType); // throws 415 for any other type
        const body = Buffer.isBuffer(req.body) ? req.body : new Uint8Array();
        const confirmedNoPersonalData = confirmed === 'true' || confirmed === '1';
        const { rows, confirmedKinds } = await parsePlansOffThread(body, contentType, confirmedNoPersonalData);
        res.json((await importPlans(db, rows, p, { confirmedKinds })) satisfies ResponseOf<'importPlans'>);
      }),
    )
    .answer('plans', async (c) => {
      const fy = fiscalYearParam(c.req.query.fy);
      const rows = await listPlans(db, fy, scopeOf(c.actor));
      return {
        fiscalYear: fy,
        baselineSettled: await isSettled(db, fy - 1),
        plans: inBureauOrder(rows).map((p) => ({
          id: p.id,
          bureau: p.bureau,
          division: p.division,
          claim: p.claim,
          classification: p.classification,
          fiscalYear: p.fiscal_year,
          baselineYen: jsonInteger(BigInt(p.baseline)),
          targetYen: jsonInteger(BigInt(p.target)),
          measures: p.measures,
          milestones: parseJsonArray<Milestone>(p.milestones),
          version: p.version,
          updatedAt: p.updated_at,
        })),
      };
    })
    .answer('settle', async (c) => {
      const fy = fiscalYearParam(c.params.fy);
      if (await settleFiscalYear(db, fy, c.actor)) c.status(201);
      const s = await getSettlement(db, fy);
      return { fiscalYear: fy, settled: true, settledAt: s?.settled_at ?? null };
    }).router;
}
