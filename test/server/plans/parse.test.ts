import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../../../server/plans/index.js';
import { ApiFailure } from '../../../domain/api/errors.js';
import { SEED_PLAN_LINES } from '../../domain/targets/seed-fixture.js';
import { CSV, seedCsv, seedRows, TEMPLATE_HEADER, toCp932, toCsv, toXlsx, XLSX, type Row } from './fixtures.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const row = (over: Partial<Record<number, string | number>> = {}): Row => {
  const r: Row = ['総務局', '人事課', '職員給与返還金', '非強制徴収公債権', '令和6年度', '12,501', '0', '文書催告'];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v!;
  return r;
};

async function failure(bytes: Uint8Array, type = CSV): Promise<ApiFailure> {
  try {
    await parsePlanFile(bytes, type);
  } catch (e) {
    if (e instanceof ApiFailure) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

describe('reading a plan file', () => {
  it('reads the seed CSV: every notation of 年度 is 2024, amounts in yen', async () => {
    const rows = await parsePlanFile(utf8(seedCsv()), CSV);
    expect(rows).toHaveLength(SEED_PLAN_LINES.length);
    rows.forEach((r, i) => {
      const l = SEED_PLAN_LINES[i]!;
      expect([r.bureau, r.division, r.claim, r.classification]).toEqual([
        l.bureau,
        l.division,
        l.claim,
        l.classification,
      ]);
      expect([r.fiscalYear, r.baseline, r.target, r.row]).toEqual([2024, l.baselineYen, l.targetYen, i + 2]);
    });
    expect(rows[1]!.measures).toBe('催告の強化, 滞納初期の電話催告\n"特別催告" 期間の設定');
  });

  it('detects UTF-8 without a BOM, CP932, and an explicit charset', async () => {
    const plain = await parsePlanFile(utf8(seedCsv(false)), CSV);
    const sjis = await parsePlanFile(toCp932(seedCsv(false)), CSV);
    const named = await parsePlanFile(toCp932(seedCsv(false)), `${CSV}; charset=Shift_JIS`);
    expect(sjis).toEqual(plain);
    expect(named).toEqual(plain);
  });

  it('reads the first worksheet of an .xlsx, header below a title', async () => {
    const rows = await parsePlanFile(await toXlsx(seedRows()), XLSX);
    expect(rows.map((r) => [r.bureau, r.baseline, r.target, r.row])).toEqual(
      SEED_PLAN_LINES.map((l, i) => [l.bureau, l.baselineYen, l.targetYen, i + 4]),
    );
  });

  it('takes columns in any order, headers after NFKC without spaces, and （千円）', async () => {
    const header = ['取組み', '目標額 (千円)', '前年度決算額（千円）', '年 度', '債権区分', '債権名', '課名', '局名'];
    const csv = toCsv([['催告', '1.5', '12.501', 'R6', '私債権', '貸付金', '市民課', 'ｽﾎﾟｰﾂ市民局']], header);
    const [r] = await parsePlanFile(utf8(csv), CSV);
    expect(r).toMatchObject({
      bureau: 'スポーツ市民局',
      baseline: 12_501,
      target: 1_500,
      fiscalYear: 2024,
      measures: '催告',
    });
  });

  it('reads optional monthly milestones into months of the fiscal year', async () => {
    const header = [...TEMPLATE_HEADER, '9月末（円）', '3月末（千円）', '6月末（円）'];
    const [r] = await parsePlanFile(utf8(toCsv([[...row(), '9,000', '8', '']], header)), CSV);
    expect(r!.milestones).toEqual([
      { month: '2024-09', outstanding: 9_000 },
      { month: '2025-03', outstanding: 8_000 },
    ]);
  });

  it('looks for the header in the sheet’s first 10 rows, blank or not', async () => {
    const f = await failure(utf8('\r\n'.repeat(10) + toCsv([row()])));
    expect([f.code, f.details]).toEqual(['missing-columns', expect.objectContaining({ row: null })]);
  });

  it('skips blank rows and finds the header within the first 10 rows', async () => {
    const csv = '計画表\r\n,,\r\n' + toCsv([row(), ['', '', ''], row({ 2: '別の債権' })]);
    const rows = await parsePlanFile(utf8(csv), CSV);
    expect(rows.map((r) => r.row)).toEqual([4, 6]);
  });
});

describe('refusing a bad plan file, naming the row', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, number, string, number | null, string | null][] = [
    ['an empty file', () => new Uint8Array(), 400, 'empty-file', null, null],
    [
      'bytes that are neither UTF-8 nor CP932',
      () => Buffer.concat([utf8(toCsv([row()])), Buffer.from([0x82, 0xff, 0x0a])]),
      400,
      'bad-encoding',
      3,
      null,
    ],
    ['UTF-16', () => Buffer.from([0xff, 0xfe, 0x41, 0x00]), 400, 'bad-encoding', 1, null],
    ['an unclosed quote', () => utf8(toCsv([row()]) + '総務局,"人事課\r\n'), 400, 'malformed-csv', 3, null],
    [
      'a missing column',
      () => utf8(toCsv([row().slice(0, 6)], TEMPLATE_HEADER.slice(0, 6))),
      422,
      'missing-columns',
      1,
      '目標額（円）',
    ],
    ['a header below row 10', () => utf8('x\r\n'.repeat(10) + toCsv([row()])), 422, 'missing-columns', 1, '局名'],
    [
      'a fraction of a yen',
      () => utf8(toCsv([row(), row({ 2: 'b', 6: '1,234.5' })])),
      422,
      'invalid-amount',
      3,
      '目標額（円）',
    ],
    [
      'a fraction of a yen in 千円',
      () =>
        utf8(
          toCsv(
            [row({ 5: '1.2345' })],
            [...TEMPLATE_HEADER.slice(0, 5), '前年度決算額（千円）', ...TEMPLATE_HEADER.slice(6)],
          ),
        ),
      422,
      'invalid-amount',
      2,
      '前年度決算額（千円）',
    ],
    ['a negative amount', () => utf8(toCsv([row({ 5: '△ 100' })])), 422, 'invalid-amount', 2, '前年度決算額（円）'],
    ['a blank amount', () => utf8(toCsv([row({ 6: '' })])), 422, 'missing-value', 2, '目標額（円）'],
    [
      'a bad fiscal year',
      () => utf8(toCsv([row(), row({ 2: 'b' }), row({ 2: 'c', 4: '令和6月' })])),
      422,
      'invalid-fiscal-year',
      4,
      '年度',
    ],
    [
      'an unknown classification',
      () => utf8(toCsv([row({ 3: '公債権' })])),
      422,
      'invalid-classification',
      2,
      '債権区分',
    ],
    ['a blank bureau', () => utf8(toCsv([row({ 0: ' ' })])), 422, 'missing-value', 2, '局名'],
    ['the same claim twice', () => utf8(toCsv([row(), row({ 6: '5' })])), 422, 'duplicate-claim', 3, '債権名'],
    [
      'one claim with two classifications',
      () => utf8(toCsv([row(), row({ 3: '私債権', 4: 'R7' })])),
      422,
      'conflicting-classification',
      3,
      '債権区分',
    ],
    ['a header without rows', () => utf8(toCsv([])), 422, 'no-rows', 1, null],
    [
      'a duplicated column',
      () => utf8(toCsv([[...row(), 'x']], [...TEMPLATE_HEADER, '局名'])),
      422,
      'duplicate-column',
      1,
      '局名',
    ],
  ];
  it.each(cases)('%s', async (_name, bytes, status, code, rowNumber, column) => {
    const f = await failure(await bytes());
    expect([f.status, f.code]).toEqual([status, code]);
    expect(f.details).toMatchObject({ row: rowNumber, column });
    expect(f.message).toMatch(/何も取り込んでいません。$/);
    if (rowNumber !== null) expect(f.message).toContain(`${rowNumber}行目`);
  });

  it('refuses a corrupt .xlsx and an unknown media type', async () => {
    const xlsx = await toXlsx([row()]);
    const corrupt = await failure(xlsx.subarray(0, 200), XLSX);
    expect([corrupt.status, corrupt.code]).toEqual([400, 'unreadable-xlsx']);
    const media = await failure(utf8('a'), 'application/json');
    expect([media.status, media.code]).toEqual([415, 'unsupported-media-type']);
  });

  it('names the worksheet row of a bad .xlsx cell and shows the value', async () => {
    const f = await failure(await toXlsx([row(), row({ 2: 'b', 5: '12,3a' })]), XLSX);
    expect(f.details).toMatchObject({ row: 5, column: '前年度決算額（円）', value: '12,3a' });
    expect(f.message).toContain('5行目「前年度決算額（円）」');
  });

  it('reads formula results and rich text from an .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(TEMPLATE_HEADER);
    ws.addRow(row());
    ws.getCell('A2').value = { richText: [{ text: '総務' }, { text: '局' }] };
    ws.getCell('F2').value = { formula: '12000+501', result: 12_501 };
    const [r] = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect([r!.bureau, r!.baseline]).toEqual(['総務局', 12_501]);
  });
});
