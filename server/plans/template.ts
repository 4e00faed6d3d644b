/**
 * The plan template (targets.md): 局名 課名 債権名 債権区分 年度 前年度決算額（円） 目標額（円） 取組み,
 * in any column order, headers matched after NFKC without spaces; `（千円）` means thousands of yen.
 * Optional monthly milestone columns (`6月末（円）` …) give the year-end path month by month.
 */
import { parseEnumField, parseFiscalYear, parseYenScaled, type Cell } from '../../domain/values/index.js';
import { MAX_FISCAL_YEAR, MAX_YEN, MAX_YEN_LABEL, MIN_FISCAL_YEAR } from '../../domain/values/limits.js';
import { checkName, nameProblemMessage } from '../../domain/text/org-name.js';
import { normalizeText } from '../../domain/text/normalize.js';
import { ApiFailure, type ApiErrorCode } from '../../domain/api/errors.js';
import { guardPersonalText } from '../privacy/personal-text.js';
import { importError } from './errors.js';
import type { SheetRow } from './sheet.js';

export type FieldKey = 'bureau' | 'division' | 'claim' | 'classification' | 'fiscalYear' | 'baseline' | 'target';
type ColumnKey = FieldKey | 'measures';

/** The template's own header for each column, as error messages name it. */
const TEMPLATE_HEADERS: Record<ColumnKey, string> = {
  bureau: '局名',
  division: '課名',
  claim: '債権名',
  classification: '債権区分',
  fiscalYear: '年度',
  baseline: '前年度決算額（円）',
  target: '目標額（円）',
  measures: '取組み',
};

const PLAIN: Record<string, ColumnKey> = {
  局名: 'bureau',
  課名: 'division',
  債権名: 'claim',
  債権区分: 'classification',
  年度: 'fiscalYear',
  取組み: 'measures',
  取組: 'measures',
  取り組み: 'measures',
};
const AMOUNT = /^(前年度決算額|目標額)\((千)?円\)$/;
const MONTH = /^(\d{1,2})月末?(?:目標)?(?:額)?\((千)?円\)$/;
const HEADER_SEARCH_ROWS = 10;
const MAX_NAME = 100;
const MAX_MEASURES = 4000;
/** The most plan rows one import takes (a city has a few hundred claims; this leaves room for years). */
export const MAX_ROWS = 50_000;
/** The most rows a refusal for personal-looking text lists. */
const MAX_LISTED_ROWS = 100;

export interface ReadPlanOptions {
  /** The sender confirmed that 取組み holds no personal data (a My Number is refused regardless). */
  confirmedNoPersonalData?: boolean;
}

export interface ReadPlans {
  rows: PlanImportRow[];
  /** Personal-looking spans the sender confirmed, counted by kind (for the audit log; never the text). */
  confirmedKinds: Record<string, number>;
}

interface Column {
  index: number;
  header: string;
  scale: 1 | 1000;
}

interface Layout {
  headerRow: number;
  columns: Partial<Record<ColumnKey, Column>>;
  /** Milestone columns by calendar month (1–12). */
  months: Map<number, Column>;
  /** A header met twice: refused once this row turns out to be the header row. */
  duplicate?: string;
}

export interface Milestone {
  /** `YYYY-MM`: the month whose end the amount is planned for. */
  month: string;
  outstanding: number;
}

export interface PlanImportRow {
  row: number;
  bureau: string;
  division: string;
  claim: string;
  classification: string;
  fiscalYear: number;
  baseline: number;
  target: number;
  measures: string;
  milestones: Milestone[];
}

function headerKey(cell: Cell): string {
  return typeof cell === 'string' ? normalizeText(cell).replace(/\s+/g, '') : '';
}

function layoutOf(row: SheetRow): Layout {
  const layout: Layout = { headerRow: row.row, columns: {}, months: new Map() };
  row.cells.forEach((cell, index) => {
    const key = headerKey(cell);
    const header = typeof cell === 'string' ? cell.trim() : '';
    let column: ColumnKey | undefined = PLAIN[key];
    let scale: 1 | 1000 = 1;
    const amount = AMOUNT.exec(key);
    const month = MONTH.exec(key);
    if (amount) [column, scale] = [amount[1] === '目標額' ? 'target' : 'baseline', amount[2] ? 1000 : 1];
    if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) {
      const m = Number(month[1]);
      if (layout.months.has(m)) layout.duplicate ??= header;
      layout.months.set(m, { index, header, scale: month[2] ? 1000 : 1 });
    }
    if (!column) return;
    if (layout.columns[column]) layout.duplicate ??= header;
    else layout.columns[column] = { index, header, scale };
  });
  return layout;
}

function missingOf(layout: Layout): ColumnKey[] {
  return (Object.keys(TEMPLATE_HEADERS) as ColumnKey[]).filter((k) => !layout.columns[k]);
}

/** The header row is the first of the sheet's first 10 rows that has every template column. */
function findLayout(rows: SheetRow[]): Layout {
  let best: { layout: Layout; missing: ColumnKey[] } | undefined;
  for (const row of rows.filter((r) => r.row <= HEADER_SEARCH_ROWS)) {
    const layout = layoutOf(row);
    const missing = missingOf(layout);
    if (missing.length === 0 && layout.duplicate !== undefined) {
      throw importError(422, 'duplicate-column', '同じ列が2つあります。', { row: row.row, column: layout.duplicate });
    }
    if (missing.length === 0) return layout;
    if (!best || missing.length < best.missing.length) best = { layout, missing };
  }
  const missing = best?.missing ?? (Object.keys(TEMPLATE_HEADERS) as ColumnKey[]);
  const names = missing.map((k) => TEMPLATE_HEADERS[k]);
  throw importError(
    422,
    'missing-columns',
    `必要な列がありません: ${names.join('、')}（見出しは先頭10行以内に置いてください）。`,
    {
      row: best?.layout.headerRow ?? null,
      column: names[0] ?? null,
      missing: names,
    },
  );
}

const isBlankCell = (c: Cell) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/**
 * Every data row, validated, then 取組み through the personal-text gate; throws on the first bad
 * cell so nothing of a bad file is imported.
 */
export function readPlans(rows: SheetRow[], o: ReadPlanOptions = {}): ReadPlans {
  const plans = readPlanRows(rows);
  return { rows: plans, confirmedKinds: guardMeasures(plans, o.confirmedNoPersonalData === true) };
}

/**
 * 取組み is free text: names, addresses, phone numbers refused unless the sender confirms; a My
 * Number always. The refusal names rows and the column, never the text.
 */
function guardMeasures(plans: readonly PlanImportRow[], confirmed: boolean): Record<string, number> {
  const fields: Record<string, string> = {};
  for (const p of plans) if (p.measures) fields[String(p.row)] = p.measures;
  try {
    return guardPersonalText(fields, confirmed);
  } catch (err) {
    if (!(err instanceof ApiFailure) || err.code !== 'looks-personal') throw err;
    const details = err.details as { fields: { field: string; spans: { kind: string }[] }[]; confirmable: boolean };
    const refused = details.fields.filter((f) => !details.confirmable && f.spans.some((s) => s.kind === 'my-number'));
    const listed = (refused.length ? refused : details.fields).map((f) => Number(f.field));
    const first = listed[0] ?? null;
    const more = listed.length > 1 ? `（ほか ${listed.length - 1} 行）` : '';
    const kinds = [...new Set(details.fields.flatMap((f) => f.spans.map((s) => s.kind)))];
    const problem = details.confirmable
      ? `氏名・住所・電話番号など、個人を特定できる情報のように見える記載があります${more}。該当箇所を修正するか、個人情報ではないことを確認のうえ、確認済みとして取り込み直してください（コマンドでは --confirm-no-personal-data）。`
      : `マイナンバー（個人番号）と思われる12桁の数字があります${more}。個人番号は取り込めません。該当箇所を削除してください。`;
    throw importError(422, 'looks-personal', problem, {
      row: first,
      column: TEMPLATE_HEADERS.measures,
      rows: listed.slice(0, MAX_LISTED_ROWS),
      kinds,
      confirmable: details.confirmable,
    });
  }
}

/** Every data row, validated; throws on the first bad cell so nothing of a bad file is imported. */
export function readPlanRows(rows: SheetRow[]): PlanImportRow[] {
  const nonBlank = rows.filter((r) => !r.cells.every(isBlankCell));
  if (nonBlank.length === 0) throw importError(400, 'empty-file', 'データがありません。', { row: null, column: null });
  const layout = findLayout(nonBlank);
  const data = nonBlank.filter((r) => r.row > layout.headerRow);
  if (data.length === 0) {
    throw importError(422, 'no-rows', '見出しの下に計画の行がありません。', { row: layout.headerRow, column: null });
  }
  if (data.length > MAX_ROWS) {
    throw importError(422, 'too-many-rows', `行が多すぎます（上限 ${MAX_ROWS} 行）。`, { row: null, column: null });
  }
  const seen = new Map<string, number>();
  const classes = new Map<string, { classification: string; row: number }>();
  return data.map((r) => {
    const plan = readRow(r, layout);
    const key = JSON.stringify([plan.bureau, plan.division, plan.claim, plan.fiscalYear]);
    const first = seen.get(key);
    if (first !== undefined) {
      throw importError(422, 'duplicate-claim', `同じ債権・年度の行が2つあります（${first}行目と同じ）。`, {
        row: r.row,
        column: TEMPLATE_HEADERS.claim,
        value: plan.claim,
        firstRow: first,
      });
    }
    seen.set(key, r.row);
    const claimKey = JSON.stringify([plan.bureau, plan.division, plan.claim]);
    const known = classes.get(claimKey);
    if (known && known.classification !== plan.classification) {
      throw importError(422, 'conflicting-classification', `同じ債権の債権区分が${known.row}行目と違います。`, {
        row: r.row,
        column: TEMPLATE_HEADERS.classification,
        value: plan.classification,
      });
    }
    classes.set(claimKey, { classification: plan.classification, row: r.row });
    return plan;
  });
}

function readRow(r: SheetRow, layout: Layout): PlanImportRow {
  const col = (k: ColumnKey) => layout.columns[k]!;
  const cell = (c: Column) => r.cells[c.index] ?? null;
  const fail = (c: Column, code: ApiErrorCode, problem: string) =>
    importError(422, code, problem, { row: r.row, column: c.header, value: shown(cell(c)) });
  // Names and free text are never echoed: the row and the column say where.
  const failText = (c: Column, code: ApiErrorCode, problem: string) =>
    importError(422, code, problem, { row: r.row, column: c.header });

  const name = (k: 'bureau' | 'division' | 'claim') => {
    const c = col(k);
    const v = cell(c);
    const checked = checkName(v === null || v === undefined ? '' : String(v), MAX_NAME);
    if (checked.ok) return checked.value;
    if (checked.problem === 'empty') throw failText(c, 'missing-value', '空欄です。');
    throw failText(c, 'invalid-value', nameProblemMessage(TEMPLATE_HEADERS[k], checked.problem, MAX_NAME));
  };
  const yen = (c: Column, required: boolean): number | null => {
    const p = parseYenScaled(cell(c), c.scale);
    if (!p.ok) {
      const why =
        p.reason === 'fraction'
          ? '円未満の端数があります。'
          : p.reason === 'out-of-range'
            ? TOO_LARGE
            : '金額として読めません。';
      throw fail(c, 'invalid-amount', why);
    }
    if (p.value === null && required) throw fail(c, 'missing-value', '空欄です。');
    if (p.value !== null && p.value < 0) throw fail(c, 'invalid-amount', '負の金額は指定できません。');
    if (p.value !== null && p.value > MAX_YEN) throw fail(c, 'invalid-amount', TOO_LARGE);
    return p.value;
  };

  const bureau = name('bureau');
  const division = name('division');
  const claim = name('claim');
  const fy = parseFiscalYear(cell(col('fiscalYear')));
  const outOfRange = fy.ok
    ? fy.value !== null && (fy.value < MIN_FISCAL_YEAR || fy.value > MAX_FISCAL_YEAR)
    : fy.reason === 'out-of-range';
  if (outOfRange) {
    throw fail(
      col('fiscalYear'),
      'invalid-fiscal-year',
      `${MIN_FISCAL_YEAR}〜${MAX_FISCAL_YEAR} 年度の範囲で指定してください。`,
    );
  }
  if (!fy.ok) throw fail(col('fiscalYear'), 'invalid-fiscal-year', '年度として読めません（例: 令和6年度、R6、2024）。');
  if (fy.value === null) throw fail(col('fiscalYear'), 'missing-value', '空欄です。');
  const fiscalYear = fy.value;
  const cls = parseEnumField('classification', cell(col('classification')));
  if (!cls.ok) {
    throw fail(
      col('classification'),
      'invalid-classification',
      '債権区分は 強制徴収公債権・非強制徴収公債権・私債権 のいずれかです。',
    );
  }
  if (cls.value === null) throw fail(col('classification'), 'missing-value', '空欄です。');
  const measuresCell = cell(col('measures'));
  const measures = isBlankCell(measuresCell) ? '' : String(measuresCell).replace(/\r\n?/g, '\n').trim();
  if (measures.length > MAX_MEASURES)
    throw failText(col('measures'), 'invalid-value', `${MAX_MEASURES}文字以内にしてください。`);

  const milestones: Milestone[] = [];
  for (const [m, c] of layout.months) {
    const v = yen(c, false);
    if (v === null) continue;
    const year = m >= 4 ? fiscalYear : fiscalYear + 1;
    milestones.push({ month: `${year}-${String(m).padStart(2, '0')}`, outstanding: v });
  }
  milestones.sort((a, b) => a.month.localeCompare(b.month));
  return {
    row: r.row,
    bureau,
    division,
    claim,
    classification: cls.value,
    fiscalYear,
    baseline: yen(col('baseline'), true)!,
    target: yen(col('target'), true)!,
    measures,
    milestones,
  };
}

const TOO_LARGE = `金額は ${MAX_YEN_LABEL}（${MAX_YEN.toLocaleString('en-US')} 円）までです。`;

function shown(c: Cell): string {
  if (c === null || c === undefined) return '';
  return c instanceof Date ? c.toISOString() : String(c);
}
