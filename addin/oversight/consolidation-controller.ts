/**
 * 「取りまとめ」: the consolidated sheets written INTO THE OPEN WORKBOOK, whatever workbook it is.
 * Finance gets the bureau table in the seed's layout (only finance may read it), progress and aging
 * by bureau; accounting gets its own bureau's figures by division. Both get per claim, status,
 * the improvement list, 未収金の状況 / 主要債権収入状況 with their sources, 対応件数 (the worklist's
 * counts per action with the late-charge estimate) and 年度推移 (five years). Re-running updates our sheets in place (sheet-writer.ts) and leaves every
 * other sheet alone.
 */
import type { ResponseOf } from '../../domain/api/routes.js';
import { defaultHistorySpan } from '../../domain/history/history.js';
import { HISTORY_SHEET_NAME, historySheet } from '../../domain/history/history-sheet.js';
import { PANE_SHEET_NAMES } from '../../domain/reports/sheet-names.js';
import { revenueSheet, statusSheet, statusSourcesSheet } from '../../domain/reports/status-sheets.js';
import { worklistSheet } from '../../domain/reports/worklist-sheet.js';
import { canWriteSheets, type SheetRef } from '../excel/workbook-port.js';
import type { OversightController } from './controller.js';
import type { FlaggedClaimsT, ProposalItem, SubmissionsT } from './schemas.js';
import type { LedgersT, ReportClaimsT, TargetsT } from './sheet-sums.js';
import { claimsSheet, improvementSheet, submissionsSheet } from './sheets-lists.js';
import { sheetPlan } from './render-sheet.js';
import { agingSheet, progressSheet, targetSheet, type SheetPlan } from './sheets-targets.js';
import type { ConsolidationSlice, WrittenSheet } from './state.js';

export interface ConsolidationInput {
  role: 'finance' | 'accounting';
  targets: TargetsT | null;
  claims: ReportClaimsT;
  submissions: SubmissionsT;
  flagged: FlaggedClaimsT;
  proposals: ProposalItem[];
  ledgers: LedgersT;
  /** 未収金の状況 within the caller's reach (the city for finance, its bureau for accounting). */
  status: ResponseOf<'receivablesStatus'>;
  /** The worklist's counts per action and the late-charge estimate, per claim and bureau. */
  worklist: ResponseOf<'worklistCounts'>;
  /** 年度推移 within the caller's reach: the year and the four before it. */
  history: ResponseOf<'history'>;
}

/** Every sheet to write, in order, with its charts (pure). */
export function consolidationPlan(d: ConsolidationInput): SheetPlan[] {
  const N = PANE_SHEET_NAMES;
  const sheets: SheetPlan[] = [];
  if (d.role === 'finance' && d.targets) {
    const t = d.targets;
    sheets.push(targetSheet(N.targets, t));
    const groups = t.bureaus.map((b) => ({
      label: b.bureau,
      baselineYen: b.baselineYen,
      targetYen: b.targetYen,
      currentYen: b.claimsReporting > 0 ? b.currentYen : null,
    }));
    sheets.push(progressSheet(N.bureauProgress, '局名', groups, '目標と現在（局別・千円）'));
  } else {
    const groups = d.claims.divisions.map((g) => ({
      label: g.division,
      baselineYen: g.baselineYen,
      targetYen: g.targetYen,
      currentYen: g.claimsReporting > 0 ? g.currentYen : null,
    }));
    sheets.push(progressSheet(N.divisionProgress, '課名', groups, '目標と現在（課別・千円）'));
  }
  sheets.push(claimsSheet(N.claims, d.claims, d.worklist));
  sheets.push(submissionsSheet(N.submissions, d.submissions));
  sheets.push(improvementSheet(N.improvement, d.flagged, d.proposals));
  const byBureau = d.role === 'finance';
  const order = byBureau
    ? (d.targets?.bureaus.map((b) => b.bureau) ?? [])
    : [...new Set(d.claims.divisions.map((g) => g.division))];
  sheets.push(
    agingSheet(
      N.aging,
      byBureau ? '局名' : '課名',
      d.ledgers.ledgers,
      (l) => (byBureau ? l.bureau.name : l.division.name),
      order,
      byBureau ? '滞納年数別の未収金（局別・千円）' : '滞納年数別の未収金（課別・千円）',
    ),
  );
  sheets.push(
    sheetPlan(statusSheet(N.status, d.status, N.statusSources)),
    sheetPlan(revenueSheet(N.revenue, d.status, N.statusSources)),
    sheetPlan(statusSourcesSheet(N.statusSources, d.status)),
    sheetPlan(worklistSheet(N.worklist, d.worklist)),
    sheetPlan(historySheet(HISTORY_SHEET_NAME, d.history)),
  );
  return sheets;
}

export class ConsolidationController {
  constructor(private readonly ov: OversightController) {}

  private set(patch: Partial<ConsolidationSlice>): void {
    this.ov.store.set((s) => ({ consolidation: { ...s.consolidation, ...patch } }));
  }

  /** Whether this workbook connection can write sheets at all (older hosts and test doubles cannot). */
  available(): boolean {
    return canWriteSheets(this.ov.port);
  }

  run(): Promise<void> {
    return this.ov.track(async () => {
      const { t } = this.ov;
      const port = this.ov.port;
      const role = this.ov.state.role;
      if (role !== 'finance' && role !== 'accounting') return;
      if (!canWriteSheets(port))
        return this.set({ status: 'error', notice: { intent: 'error', text: t('ov.consolidate.unsupported') } });
      if (this.ov.state.consolidation.status === 'running') return;
      this.set({ status: 'running', notice: null, written: [] });
      try {
        const api = this.ov.api();
        const fy = this.ov.state.fiscalYear;
        const [targets, claims, submissions, flagged, proposals, ledgers, status, worklist, history] =
          await Promise.all([
            role === 'finance' ? api.targets(fy) : Promise.resolve(null),
            api.reportClaims(fy),
            api.submissions(fy),
            api.flaggedClaims(fy, true),
            api.proposals(fy),
            api.ledgers(),
            api.receivablesStatus(fy),
            api.worklistCounts(),
            api.history(defaultHistorySpan(fy).from, fy),
          ]);
        const plan = consolidationPlan({
          role,
          targets,
          claims,
          submissions,
          flagged,
          proposals: proposals.proposals,
          ledgers,
          status,
          worklist,
          history,
        });
        const written: WrittenSheet[] = [];
        let first: SheetRef | null = null;
        for (const sheet of plan) {
          const ref = await port.writeSheet(sheet.name, sheet.rows, sheet.options);
          for (const chart of sheet.charts) await port.writeChart(ref.id, chart);
          first ??= ref;
          written.push({ name: ref.name, rows: sheet.rows.length, charts: sheet.charts.length });
          this.set({ written: [...written] });
        }
        if (first) await port.select(first, 1, 1);
        const charts = written.reduce((n, w) => n + w.charts, 0);
        this.set({
          status: 'done',
          notice: { intent: 'success', text: t('ov.consolidate.done', { sheets: written.length, charts }) },
        });
      } catch (e) {
        this.set({ status: 'error', notice: this.ov.errorNotice(e) });
      }
    });
  }
}
