/**
 * Reports for finance (and accounting, for its own bureau's claims): the bureau target table as
 * JSON or the seed's TSV, the claims against their plans, and the consolidated workbook.
 *
 * Amounts in the JSON are exact (domain/reports/exact.ts): a JSON number while it is within
 * ±(2^53 − 1), which every real city is, and a string of decimal digits beyond, never a number
 * rounded by the double it would be read into. The `display` strings are exact either way.
 */
import type { Router } from 'express';
import { ROUTES } from '../../../domain/api/routes.js';
import { formatTargetTableTsv } from '../../../domain/targets/index.js';
import type { Db } from '../../db/db.js';
import { fiscalYearParam } from '../params.js';
import { consolidatedXlsx } from '../../reports/consolidated-thread.js';
import { XLSX_TYPE } from '../../plans/index.js';
import { claimProgressExact } from '../../db/repos/reports.js';
import { JsonParts, sendJsonInSlices } from '../../reports/json-stream.js';
import {
  addClaim,
  claimProgress,
  emptySums,
  inBureauOrder,
  loadTargets,
  progressOfSums,
  type ClaimProgress,
  type ClaimSums,
} from '../../reports/targets.js';
import { Yielder } from '../../reports/yield.js';
import { jsonInteger } from '../../../domain/reports/exact.js';
import { principal } from '../auth.js';
import { handle, parseJa } from '../errors.js';
import { TableRouter } from '../route.js';

/** Σ of plans and progress for a group of claims (a division, a bureau, the caller's whole scope). */
function summary(s: ClaimSums) {
  return { baselineYen: jsonInteger(s.baseline), targetYen: jsonInteger(s.target), ...progressOfSums(s) };
}

/**
 * Every route here sends its own answer (a TSV, JSON in slices, a workbook), so the table gives
 * path, roles and query; the JSON is built from the same pieces the table's schemas describe.
 */
export function reportsRoutes(db: Db): Router {
  const r = new TableRouter();

  r.sends(
    'targets',
    handle(async (req, res) => {
      const fy = fiscalYearParam(req.query.fy);
      const { format } = parseJa(ROUTES.targets.query, req.query, 'format は json か tsv です。');
      const { table, report } = await loadTargets(db, fy);
      res.set('Cache-Control', 'no-store');
      if (format === 'tsv') {
        res.set('Content-Type', 'text/tab-separated-values; charset=utf-8');
        res.send(formatTargetTableTsv(table));
      } else await sendJsonInSlices(res, { ...report });
    }),
  );

  r.sends(
    'reportClaims',
    handle(async (req, res) => {
      const fy = fiscalYearParam(req.query.fy);
      const p = principal(req);
      const bureauId = p.role === 'accounting' ? (p.bureauId ?? -1) : undefined;
      const records = inBureauOrder(await claimProgressExact(db, fy, bureauId));
      // One pass: each claim added to its division's sums and the total's, and serialised at once
      // (50,000 claims kept as objects until the end cost the service long garbage collections).
      const divisions = new Map<string, { first: ClaimProgress; sums: ClaimSums }>();
      const total = emptySums();
      const claims: string[] = [];
      const now = new Date();
      const y = new Yielder();
      for (const r of records) {
        const c = claimProgress(r, now);
        const key = `${c.bureau}\u0000${c.division}`;
        let d = divisions.get(key);
        if (!d) divisions.set(key, (d = { first: c, sums: emptySums() }));
        addClaim(d.sums, c);
        addClaim(total, c);
        claims.push(JSON.stringify(c));
        await y.maybe();
      }
      res.set('Cache-Control', 'no-store');
      await sendJsonInSlices(res, {
        fiscalYear: fy,
        claims: new JsonParts(claims),
        divisions: [...divisions.values()].map(({ first, sums }) => ({
          bureau: first.bureau,
          division: first.division,
          ...summary(sums),
        })),
        total: summary(total),
      });
    }),
  );

  r.sends(
    'consolidated',
    handle(async (req, res) => {
      const fy = fiscalYearParam(req.query.fy);
      const body = await consolidatedXlsx(db, fy);
      const name = `債権管理集計_${fy}年度.xlsx`;
      res.set('Cache-Control', 'no-store');
      res.set('Content-Type', XLSX_TYPE);
      res.set(
        'Content-Disposition',
        `attachment; filename="consolidated-${fy}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      res.send(body);
    }),
  );
  return r.router;
}
