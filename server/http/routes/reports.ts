/**
 * Reports for finance (and accounting, for its own bureau's claims): the bureau target table as
 * JSON or the seed's TSV, the claims against their plans, and the consolidated workbook.
 */
import { Router } from 'express';
import { z } from 'zod';
import { formatTargetTableTsv } from '../../../domain/targets/index.js';
import type { Db } from '../../db/db.js';
import { fiscalYearParam } from '../../plans/params.js';
import { consolidatedXlsx } from '../../reports/consolidated.js';
import { XLSX_TYPE } from '../../plans/index.js';
import { loadClaimProgress, loadTargets, progressOf, type ClaimProgress } from '../../reports/targets.js';
import { principal, requireRole } from '../auth.js';
import { handle, parseWith } from '../errors.js';

const TargetsQuery = z.object({ format: z.enum(['json', 'tsv']).default('json') });

/** Σ of plans and progress for a group of claims (a division, a bureau, the caller's whole scope). */
function summary(claims: readonly ClaimProgress[]) {
  const baselineYen = claims.reduce((s, c) => s + c.baselineYen, 0);
  const targetYen = claims.reduce((s, c) => s + c.targetYen, 0);
  return { baselineYen, targetYen, ...progressOf(claims, targetYen) };
}

export function reportsRoutes(db: Db): Router {
  const r = Router();

  r.get(
    '/reports/targets',
    requireRole('finance'),
    handle(async (req, res) => {
      const fy = fiscalYearParam(req.query.fy);
      const { format } = parseWith(TargetsQuery, { format: req.query.format }, 'format は json か tsv です。');
      const { table, report } = await loadTargets(db, fy);
      res.set('Cache-Control', 'no-store');
      if (format === 'tsv') {
        res.set('Content-Type', 'text/tab-separated-values; charset=utf-8');
        res.send(formatTargetTableTsv(table));
      } else res.json(report);
    }),
  );

  r.get(
    '/reports/claims',
    requireRole('finance', 'accounting'),
    handle(async (req, res) => {
      const fy = fiscalYearParam(req.query.fy);
      const p = principal(req);
      const bureauId = p.role === 'accounting' ? (p.bureauId ?? -1) : undefined;
      const claims = await loadClaimProgress(db, fy, { bureauId });
      const divisions = new Map<string, ClaimProgress[]>();
      for (const c of claims) {
        const key = JSON.stringify([c.bureau, c.division]);
        divisions.set(key, [...(divisions.get(key) ?? []), c]);
      }
      res.set('Cache-Control', 'no-store');
      res.json({
        fiscalYear: fy,
        claims,
        divisions: [...divisions.values()].map((cs) => ({
          bureau: cs[0]!.bureau,
          division: cs[0]!.division,
          ...summary(cs),
        })),
        total: summary(claims),
      });
    }),
  );

  r.get(
    '/reports/consolidated.xlsx',
    requireRole('finance'),
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
  return r;
}
