/**
 * The task pane's check on a 100k-row, 30-column sheet, in Node over the Excel host stand-in (the
 * real office-adapter.ts, Office.js's load/sync rules and 5 MB payload limit): Office.js requests
 * and bytes per check; the pipeline's own time (the pane's whole 「チェック」 — read, convert, check,
 * highlight — minus the time inside the stand-in's context.sync, i.e. Excel's side) against the
 * domain engine's checkSheet on the same grid in the same run; and the re-check of one edited row
 * through the stand-in's onChanged and the pane's recheck path.
 */
import { parseISODay } from '../../domain/calendar/day.js';
import { checkSheet } from '../../domain/engine/check.js';
import type { Cell } from '../../domain/values/parsed.js';
import { createOfficeAdapter } from '../../addin/excel/office-adapter.js';
import { PaneController } from '../../addin/state/pane-controller.js';
import { generateSample } from '../../server/sample/generate.js';
import { YEN_COLUMNS } from '../../server/sample/render.js';
import { installHost, type CellValue, type ExcelHost } from '../addin/excel/excel-standin.js';
import { Context } from '../addin/excel/standin/client-base.js';
import { median, time, timeAsync } from './machine.js';

export interface AddinBench {
  rows: number;
  columns: number;
  findings: number;
  /** Office.js requests (context.sync calls that sent something) of one 「チェック」. */
  requests: number;
  /** Request + response bytes of one 「チェック」, and its largest single request/response. */
  bytes: number;
  maxPayload: number;
  /** Wall time of one 「チェック」, and the part spent inside the stand-in (Excel's side). */
  checkMs: number;
  excelMs: number;
  /** checkMs − excelMs: the pane's own work. */
  ownMs: number;
  /** The domain engine's checkSheet on the same grid (the floor). */
  engineMs: number;
  ratio: number;
  /** One edited row: from onChanged to the re-flagged row, wall time and without Excel's side. */
  recheckMs: number;
  recheckOwnMs: number;
  recheckRequests: number;
}

export const SHEET = '保育料台帳';
export const COLUMNS = 30;

/** Time spent inside the stand-in's context.sync (Excel's side of each request). */
function meterSync(): { ms: () => number; restore: () => void } {
  const original = Context.prototype.sync;
  let total = 0;
  Context.prototype.sync = async function (this: Context): Promise<void> {
    const t = process.hrtime.bigint();
    try {
      await original.call(this);
    } finally {
      total += Number(process.hrtime.bigint() - t) / 1e6;
    }
  };
  return { ms: () => total, restore: () => void (Context.prototype.sync = original) };
}

/** The sample ledger cut to 30 columns, as the sheet holds it (dates as serials with a date format). */
export function sheetOf(host: ExcelHost, grid: Cell[][]): void {
  const sheet = host.model.addSheet(SHEET);
  grid.forEach((row, r) => {
    const values: CellValue[] = [];
    const formats: string[] = [];
    for (let c = 0; c < COLUMNS; c++) {
      const v = row[c] ?? null;
      if (v instanceof Date) {
        values.push(v.getTime() / 86_400_000 + 25569);
        formats.push('yyyy/m/d');
      } else {
        values.push(v ?? '');
        formats.push(typeof v === 'number' && YEN_COLUMNS.includes(c) ? '#,##0' : 'General');
      }
    }
    sheet.setRow(r, values, formats);
  });
}

export async function benchAddin(rows = 100_000, runs = 5): Promise<AddinBench> {
  const asOf = parseISODay('2025-03-31')!;
  const sample = generateSample({ rows, claimType: '保育料', seed: 11, asOf });
  const grid = sample.grid.map((r) => r.slice(0, COLUMNS));
  const { host, restore } = installHost();
  const meter = meterSync();
  try {
    sheetOf(host, grid);
    const pane = new PaneController(createOfficeAdapter(), { storage: null, asOf: () => asOf });
    await pane.start();
    pane.setClaimType('保育料');
    await pane.confirmMapping();
    const mapping = pane.state.config!.mapping;

    // The pane's check and the engine's, taking turns so that a busy moment of the machine weighs on both.
    const checks: { ms: number; excel: number; requests: number; bytes: number; max: number }[] = [];
    const engine: number[] = [];
    let findings = -1;
    for (let i = 0; i < runs; i++) {
      const since = host.requests.length;
      const excel0 = meter.ms();
      const { ms } = await timeAsync(() => pane.check());
      if (pane.state.check.status !== 'done') throw new Error(`check failed: ${pane.state.error}`);
      const s = host.stats(since);
      if (s.failed > 0) throw new Error(`${s.failed} refused requests`);
      checks.push({
        ms,
        excel: meter.ms() - excel0,
        requests: s.requests,
        bytes: s.bytes,
        max: Math.max(s.maxRequest, s.maxResponse),
      });
      findings = pane.state.check.result!.findings.length;
      // The floor: the engine alone on the grid the pane reads (Dates where the sheet has dates).
      const { ms: engineMs, value } = time(() => checkSheet(grid, { asOf, claimType: '保育料', mapping }));
      if (!value.ok || value.result.findings.length !== findings) throw new Error('the engine disagrees with the pane');
      engine.push(engineMs);
    }

    // One row edited, 21 times over the sheet: onChanged → the pane's recheck → updateFlags.
    const rechecks: { ms: number; own: number; requests: number }[] = [];
    const paid = 11; // L: 収入済額
    for (let i = 0; i < 21; i++) {
      const row = mapping.dataStartRow + ((i * 4099) % rows);
      const sheet = host.sheet(SHEET);
      const before = sheet.value(row - 1, paid);
      sheet.setValue(row - 1, paid, typeof before === 'number' ? before + 100 : 100);
      const since = host.requests.length;
      const excel0 = meter.ms();
      const { ms } = await timeAsync(async () => {
        await host.fireChanged(SHEET, `L${row}`);
        await pane.whenIdle();
      });
      if (pane.state.check.rechecks !== i + 1) throw new Error(`re-check ${i + 1} did not run: ${pane.state.error}`);
      rechecks.push({ ms, own: ms - (meter.ms() - excel0), requests: host.stats(since).requests });
    }
    await pane.dispose();

    const checkMs = median(checks.map((c) => c.ms));
    const excelMs = median(checks.map((c) => c.excel));
    const ownMs = median(checks.map((c) => c.ms - c.excel));
    const engineMs = median(engine);
    return {
      rows,
      columns: COLUMNS,
      findings,
      requests: median(checks.map((c) => c.requests)),
      bytes: median(checks.map((c) => c.bytes)),
      maxPayload: Math.max(...checks.map((c) => c.max)),
      checkMs,
      excelMs,
      ownMs,
      engineMs,
      ratio: ownMs / engineMs,
      recheckMs: median(rechecks.map((r) => r.ms)),
      recheckOwnMs: median(rechecks.map((r) => r.own)),
      recheckRequests: median(rechecks.map((r) => r.requests)),
    };
  } finally {
    meter.restore();
    restore();
  }
}
