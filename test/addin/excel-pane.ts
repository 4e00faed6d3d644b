/**
 * The pane over the real Office.js adapter and the Excel host stand-in: the worked-example ledger in
 * a workbook, and what the clerk would see of it (the fills of the highlights) compared with what a
 * fresh check of the sheet as it stands finds.
 */
import { FLAG_FILLS } from '../../addin/excel/flag-writer.js';
import { createOfficeAdapter, type OfficeAdapterOptions } from '../../addin/excel/office-adapter.js';
import { flagsOf } from '../../addin/check/finding-flags.js';
import { PaneController } from '../../addin/state/pane-controller.js';
import { checkSheet } from '../../domain/engine/check.js';
import type { Cell } from '../../domain/values/parsed.js';
import { installHost, type CellValue, type ExcelHost, type HostOptions } from './excel/excel-standin.js';
import { FakeService } from './fake-service.js';
import { AS_OF, hoikuryo, memoryStorage } from './ledger.js';

export const SHEET = '保育料台帳';
const SEVERITY_CODE = { error: 3, warning: 2, info: 1 } as const;

export interface PaneOnHost {
  host: ExcelHost;
  pane: PaneController;
  service: FakeService;
  restore: () => void;
}

export interface PaneOnHostOptions extends HostOptions {
  adapter?: OfficeAdapterOptions;
  /** The ledger's rows (default: the worked example); null cells are blank. */
  rows?: Cell[][];
  formats?: string[][];
}

export function ledgerRows(grid: Cell[][]): CellValue[][] {
  return grid.map((r) => r.map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : c)));
}

/** A workbook with a cover sheet and the ledger (active), the pane open on it with the mapping confirmed. */
export async function paneOnHost(options: PaneOnHostOptions = {}): Promise<PaneOnHost> {
  const { host, restore } = installHost(options);
  host.addSheet(SHEET, ledgerRows(options.rows ?? hoikuryo()), options.formats);
  host.addSheet('表紙', [['債権管理台帳']]);
  const service = new FakeService();
  const pane = await openPane(host, service, options.adapter);
  if (pane.state.phase === 'mapping') {
    pane.setClaimType('保育料');
    await pane.confirmMapping();
  }
  return { host, pane, service, restore };
}

/** A pane as Excel opens it on this workbook (after a reload too). */
export async function openPane(
  host: ExcelHost,
  service = new FakeService(),
  adapter: OfficeAdapterOptions = {},
): Promise<PaneController> {
  const pane = new PaneController(createOfficeAdapter(adapter), {
    storage: memoryStorage(),
    fetch: service.fetch,
    asOf: () => AS_OF,
  });
  pane.sync.saveSettings({ serverUrl: 'https://saiken.example.jp', token: 'test-token-0123456789' });
  await pane.start();
  return pane;
}

/** The ledger's cells as the engine reads them (blank → null), worksheet row 1 first. */
export function sheetGrid(host: ExcelHost): Cell[][] {
  const sheet = host.sheet(SHEET);
  const area = sheet.usedArea(true);
  if (!area) return [];
  return Array.from({ length: area.row + area.rows }, (_, r) =>
    Array.from({ length: area.column + area.columns }, (_, c) => {
      const v = sheet.value(r, c);
      return v === '' ? null : v;
    }),
  );
}

/** [row, rule, column] of a fresh check of the sheet as it stands, with the mapping the pane holds. */
export function freshFindings(host: ExcelHost, pane: PaneController): [number, string, string | null][] {
  const config = pane.state.config!;
  const out = checkSheet(sheetGrid(host), { asOf: AS_OF, claimType: config.claimType, mapping: config.mapping });
  if (!out.ok) throw new Error(`fresh check failed: ${out.failure.reason}`);
  return out.result.findings.map((f) => [f.row, f.rule, f.column]);
}

export function paneFindings(pane: PaneController): [number, string, string | null][] {
  return (pane.state.check.result?.findings ?? []).map((f) => [f.row, f.rule, f.column]);
}

/**
 * Cells (1-based `row:column`) whose shown fill differs from what the pane's findings call for: a
 * highlight where there is no finding, or none (or the wrong colour) where there is one.
 */
export function wrongFills(host: ExcelHost, pane: PaneController): string[] {
  const want = new Map<string, string | undefined>();
  for (const f of flagsOf(pane.state.check.result?.findings ?? [])) {
    want.set(`${f.row}:${f.column}`, FLAG_FILLS[SEVERITY_CODE[f.severity]]);
  }
  const area = host.sheet(SHEET).usedArea(true)!;
  const wrong: string[] = [];
  for (let r = 0; r < area.row + area.rows + 3; r++) {
    for (let c = 0; c < area.column + area.columns + 2; c++) {
      const key = `${r + 1}:${c + 1}`;
      if (host.shownFill(SHEET, r, c) !== want.get(key)) wrong.push(key);
    }
  }
  return wrong;
}

/** Our conditional formats on the ledger and our flag sheets: how many of each there are. */
export function ourHighlights(host: ExcelHost): { rules: number; flagSheets: number } {
  return {
    rules: host.sheet(SHEET).condFormats.filter((cf) => /saiken_flags_/i.test(cf.formula)).length,
    flagSheets: host.model.sheets.filter((s) => s.name.startsWith('saiken_flags_')).length,
  };
}

export const partsOf = (host: ExcelHost) => JSON.stringify(host.model.parts);
