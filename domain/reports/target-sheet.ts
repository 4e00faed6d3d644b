/**
 * The bureau target table (局別目標) in the seed's layout, as finance prints it: title, unit line,
 * the table in thousands of yen with its 合計 row, and the rounding note one row below.
 */
import type { JsonInteger } from './exact.js';
import {
  AMOUNT_FORMAT,
  RATIO_FORMAT,
  reportSheet,
  sheetThousands,
  type ReportSheet,
  type SheetCell,
} from './report-sheet.js';

/** A row of the table as domain/targets builds it and /reports/targets sends it. */
export interface TargetSheetRow {
  bureau: string;
  baselineYen: JsonInteger | bigint;
  targetYen: JsonInteger | bigint;
  diffYen: JsonInteger | bigint;
  /** 圧縮割合 in hundredths of a percent; null where ① is 0 (the printed cell is shown then). */
  ratioHundredths: JsonInteger | null;
  /** The five printed cells (domain/targets). */
  cells: readonly string[];
}

export interface TargetSheetSource {
  title: string;
  unitLine: string;
  headers: readonly string[];
  note: string;
  rows: readonly TargetSheetRow[];
  total: TargetSheetRow;
}

/** The unit line stands above the ratio, in column E (row 2; the title is row 1, the header row 3). */
const UNIT_COLUMN = 5;

const WIDTHS = [18, 24, 20, 18, 15];
const FORMATS = [undefined, AMOUNT_FORMAT, AMOUNT_FORMAT, AMOUNT_FORMAT, RATIO_FORMAT];

function targetRow(r: TargetSheetRow): SheetCell[] {
  return [
    r.bureau,
    sheetThousands(r.baselineYen),
    sheetThousands(r.targetYen),
    sheetThousands(r.diffYen),
    // A ratio past 2^53 hundredths (a ① of a few yen against a huge ②) is shown as printed.
    typeof r.ratioHundredths === 'number' ? r.ratioHundredths / 100 : (r.cells[4] ?? null),
  ];
}

export function targetSheet(name: string, t: TargetSheetSource): ReportSheet {
  const unit: SheetCell[] = [...Array<null>(UNIT_COLUMN - 1).fill(null), t.unitLine];
  return reportSheet({
    name,
    lines: [
      { cells: [t.title], style: 'title' },
      { cells: unit, style: 'unit' },
    ],
    columns: t.headers.map((header, i) => ({ header, width: WIDTHS[i]!, format: FORMATS[i] })),
    rows: [...t.rows, t.total].map(targetRow),
    totalLast: true,
    note: t.note,
  });
}
