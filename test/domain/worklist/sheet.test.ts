/**
 * The 対応リスト sheet of the worked example: its lines, columns, dates as serials, links back to the
 * ledger's rows, personal columns only where mapped, and the English words for an English Excel.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../../domain/engine/check.js';
import { ruleById } from '../../../domain/rules/catalogue.js';
import { sheetLayout, sheetReference } from '../../../domain/reports/report-sheet.js';
import { excelSerialOf } from '../../../domain/values/index.js';
import {
  buildWorklist,
  mappedContactFields,
  readContacts,
  worklistSheet,
  WORKLIST_SHEET_NAME,
} from '../../../domain/worklist/index.js';
import { WORKED_EXAMPLE } from '../../fixtures/worked-example.js';
import { day } from './helpers.js';

const asOf = day('2025-03-31');
const outcome = checkSheet(WORKED_EXAMPLE, { asOf, claimType: '保育料' });
if (!outcome.ok) throw new Error('not checked');
const { mapping } = outcome.result;
const items = buildWorklist({
  rows: outcome.checker.dataRows(),
  findings: outcome.result.findings,
  asOf,
  contacts: readContacts(WORKED_EXAMPLE, mapping),
});
const contactFields = mappedContactFields(mapping);

describe('worklistSheet', () => {
  const sheet = worklistSheet(items, {
    asOf,
    lang: 'ja',
    contactFields,
    ledger: { sheet: "保育料's 台帳", column: 'B' },
  });

  it('is one row per item, in rank order, under a title, the as-of day and the ledger', () => {
    expect(sheet.name).toBe(WORKLIST_SHEET_NAME);
    expect(sheet.lines.map((l) => l.cells[0])).toEqual(['対応リスト', '基準日', '台帳', '対象', undefined]);
    expect(sheet.lines[1]!.cells[1]).toBe('2025-03-31');
    expect(sheet.rows.map((r) => r[0])).toEqual(items.map((i) => i.rank));
    expect(sheet.filter).toBe(true);
  });

  it('holds dates as Excel serials with a date format, amounts as numbers', () => {
    const deadline = sheet.columns.findIndex((c) => c.header === '期限');
    const outstanding = sheet.columns.findIndex((c) => c.header === '収入未済額');
    expect(sheet.columns[deadline]!.format).toBe('yyyy/m/d');
    expect(sheet.rows[0]![deadline]).toBe(excelSerialOf(items[0]!.deadline!));
    expect(sheet.rows.map((r) => r[outstanding])).toEqual(items.map((i) => i.outstanding));
  });

  it("links each item's 台帳の行 to its first row on the ledger, and nothing else", () => {
    const rowsColumn = sheet.columns.findIndex((c) => c.header === '台帳の行');
    expect(sheet.links).toEqual(
      items.map((item, row) => ({ row, column: rowsColumn, sheet: "保育料's 台帳", address: `B${item.rows[0]}` })),
    );
    expect(sheetReference("保育料's 台帳", 'B8')).toBe("'保育料''s 台帳'!B8");
    expect(sheetLayout(sheet).firstDataRow).toBe(sheet.lines.length + 2);
  });

  it('has the personal columns only where the ledger maps them, and no links without a ledger', () => {
    const bare = worklistSheet(items, { asOf, lang: 'ja', contactFields: [] });
    expect(bare.columns.map((c) => c.header)).not.toContain('氏名');
    expect(bare.links).toEqual([]);
    expect(bare.lines.map((l) => l.cells[0])).not.toContain('台帳');
    expect(contactFields.length).toBeGreaterThan(0);
    expect(sheet.columns.length - bare.columns.length).toBe(contactFields.length);
  });

  it('gives the reasons as the rules’ titles', () => {
    const reasons = sheet.rows[0]!.at(-1);
    expect(reasons).toBe(items[0]!.rules.map((r) => ruleById(r).title.ja).join('、'));
    expect(reasons).toContain('時効完成間近');
  });

  it('names the rules as asked, and speaks English for an English Excel', () => {
    const en = worklistSheet(items, { asOf, lang: 'en', contactFields: [], ruleName: (r) => `<${r}>` });
    expect(en.columns[0]!.header).toBe('Rank');
    expect(en.rows[0]![2]).toBe('Stop prescription');
    expect(String(en.rows[0]!.at(-1))).toMatch(/^<[A-Z_]+>(, <[A-Z_]+>)*$/);
    expect(en.name).toBe(WORKLIST_SHEET_NAME);
  });
});
