/**
 * A synthetic ledger for demos and tests: a title row, a blank row, a header and `rows` data rows,
 * then a 合計 row. About 2% of rows per rule are planted to break exactly that rule; `planted` lists
 * exactly the findings the engine reports on the sheet (the tests check it over many seeds).
 */
import { fiscalYearLabel } from '../../domain/calendar/era.js';
import type { Day } from '../../domain/calendar/day.js';
import type { Classification } from '../../domain/fields/catalogue.js';
import { RULE_IDS, type RuleId } from '../../domain/rules/rule.js';
import type { Cell } from '../../domain/values/parsed.js';
import { sampleContext, SampleError } from './context.js';
import { PLANTERS, plantableRules } from './plant.js';
import { Rng } from './prng.js';
import { cleanRow } from './record.js';
import { COLUMNS, headerRow, renderRecord, YEN_COLUMNS } from './render.js';

export { SampleError } from './context.js';

export interface SampleOptions {
  rows: number;
  claimType: string;
  seed: number;
  asOf: Day;
  /** Share of data rows planted per rule; 0.02 by default. */
  share?: number;
}

export interface PlantedFinding {
  /** 1-based worksheet row. */
  row: number;
  rule: RuleId;
}

export interface Sample {
  grid: Cell[][];
  planted: PlantedFinding[];
  classification: Classification;
  /** 0-based columns of yen amounts. */
  yenColumns: readonly number[];
  headerRow: number;
}

const FIRST_DATA_ROW = 4; // title, blank, header
/** Never plant more than this share of the rows, whatever the rule count: most of a ledger is clean. */
const MAX_PLANTED_SHARE = 0.6;

export function generateSample(options: SampleOptions): Sample {
  const { rows, claimType, seed, asOf } = options;
  if (!Number.isInteger(rows) || rows < 1) throw new SampleError('行数は1以上の整数で指定してください。');
  const rng = new Rng(seed);
  const ctx = sampleContext(rng, claimType, asOf);
  const title = `${fiscalYearLabel(ctx.fiscalYear)} ${claimType} 債権管理台帳`;
  const grid: Cell[][] = [[title], [], headerRow(rng)];

  const plan = assignRules(rng, rows, plantableRules(ctx.classification, RULE_IDS), options.share ?? 0.02);
  const planted: PlantedFinding[] = [];
  const cleanRows: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = FIRST_DATA_ROW + i;
    const rule = plan[i];
    if (rule === 'DUPLICATE_ROW' && cleanRows.length > 0) {
      const source = rng.pick(cleanRows);
      grid.push([...grid[source - 1]!]);
      planted.push({ row, rule });
      continue;
    }
    const record = rule && rule !== 'DUPLICATE_ROW' ? PLANTERS[rule]!.make(ctx) : null;
    if (record && rule) planted.push({ row, rule });
    else cleanRows.push(row);
    grid.push(renderRecord(rng, record ?? cleanRow(ctx), claimType));
  }
  grid.push(totalsRow(grid.slice(FIRST_DATA_ROW - 1)));
  return { grid, planted, classification: ctx.classification, yenColumns: YEN_COLUMNS, headerRow: 3 };
}

/** Which data row breaks which rule: max(1, share × rows) rows per rule, at shuffled positions. */
function assignRules(rng: Rng, rows: number, rules: readonly RuleId[], share: number): (RuleId | undefined)[] {
  const perRule = Math.max(1, Math.round(rows * share));
  const budget = Math.min(perRule * rules.length, Math.floor(rows * MAX_PLANTED_SHARE));
  const order: RuleId[] = [];
  for (let k = 0; order.length < budget; k++) order.push(rules[k % rules.length]!);
  const positions = rng.shuffle(Array.from({ length: rows }, (_, i) => i)).slice(0, budget);
  const plan: (RuleId | undefined)[] = new Array(rows).fill(undefined);
  positions.forEach((p, k) => (plan[p] = order[k]));
  return plan;
}

const AMOUNT_FIELDS = new Set(['assessedAmount', 'paidAmount', 'outstanding']);

/** 合計 under column A and the sums of the main amounts, as ledgers close. Not checked by the engine. */
function totalsRow(data: readonly Cell[][]): Cell[] {
  const row: Cell[] = COLUMNS.map(() => null);
  row[0] = '合計';
  COLUMNS.forEach((c, i) => {
    if (!AMOUNT_FIELDS.has(c.field)) return;
    let sum = 0;
    for (const r of data) {
      const v = r[i];
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/[,円]/g, '')) : NaN;
      if (Number.isFinite(n)) sum += n;
    }
    row[i] = sum;
  });
  return row;
}
