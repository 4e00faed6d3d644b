import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../server/sample/write-xlsx.js';
import { isOneJapaneseLine, runSaiken } from '../../fixtures/cli-harness.js';

const EXAMPLE = resolve('docs/spec/domain/examples/hoikuryo.xlsx');
const EXAMPLE_ARGS = [EXAMPLE, '--as-of', '2025-03-31', '--claim-type', '保育料'];

const dir = mkdtempSync(join(tmpdir(), 'saiken-worklist-'));
/** A ledger whose personal cells look like formulas: they must reach the files as text. */
const hostile = join(dir, 'hostile.xlsx');

beforeAll(async () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
  await writeXlsx(hostile, [
    ['債務者番号', '氏名', '住所', '電話番号', '納期限', '調定額', '収入済額', '収入未済額'],
    ['=1+1', '=HYPERLINK("http://example.invalid","見本")', '@SUM(A1)', '+81-90', d('2024-12-27'), 18000, 0, 18000],
    ['Ｘ－２', '見本 花子', '市内 1-2', '090-0000-0000', d('2024-11-29'), 9000, 0, 9000],
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('saiken worklist', () => {
  it('--json: the items in order, with exactly the documented keys and no personal data', async () => {
    const r = await runSaiken(['worklist', ...EXAMPLE_ARGS, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['items']);
    expect(json.items.map((i: { debtorId: string }) => i.debtorId)).toEqual([
      'H-107',
      'H-105',
      'H-103',
      'H-109',
      'H-106',
      'H-108',
    ]);
    expect(json.items[0]).toEqual({
      rank: 1,
      tier: 1,
      action: 'stopPrescription',
      debtorId: 'H-107',
      rules: ['PRESCRIPTION_IMMINENT', 'CONTACT_STALE'],
      rows: [8],
      deadline: '2025-06-30',
      outstanding: 21000,
      // 21,000 yen due 2022-08-01, as of 2025-03-31, tax-like: 4,756 in pieces, 4,700 (as `saiken latecharge`).
      lateChargeEstimate: 4700,
      lastDunning: { method: null, date: '2023-02-01' },
    });
    expect(r.stdout).not.toContain('青木'); // names stay in the files
  });

  it('prints a Japanese table by default, without names', async () => {
    const r = await runSaiken(['worklist', ...EXAMPLE_ARGS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('対応リスト');
    expect(r.stdout).toMatch(/時効の完成を止める\s+H-107/);
    expect(r.stdout).toContain('6人');
    expect(r.stdout).toContain('延滞金見込額は、収入未済額の全額を基準日に納付したとした見込みです');
    expect(r.stdout).not.toContain('青木');
  });

  it('--out list.csv: CP932 with a header row and the mapped personal columns', async () => {
    const out = join(dir, 'list.csv');
    const r = await runSaiken(['worklist', ...EXAMPLE_ARGS, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(isOneJapaneseLine(r.stderr)).toBe(true);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false); // no UTF-8 BOM
    const lines = iconv.decode(bytes, 'cp932').split('\r\n');
    expect(lines[0]).toBe(
      '順位,段階,対応,債務者番号,氏名,期限,収入未済額,延滞金見込額,最終催告方法,最終催告日,台帳の行,ルール',
    );
    expect(lines[1]).toBe(
      '1,1,時効の完成を止める,H-107,青木 悠真,2025-06-30,21000,4700,,2023-02-01,8,PRESCRIPTION_IMMINENT、CONTACT_STALE',
    );
    expect(lines).toHaveLength(8); // header, six items, the empty string after the last CRLF
  });

  it('--out list.csv: a cell that looks like a formula is written as text', async () => {
    const out = join(dir, 'hostile.csv');
    expect((await runSaiken(['worklist', hostile, '--as-of', '2025-03-31', '--out', out])).code).toBe(0);
    const lines = iconv.decode(readFileSync(out), 'cp932').split('\r\n');
    expect(lines[0]).toContain('債務者番号,氏名,住所,電話番号,期限');
    expect(lines[1]).toMatch(/^1,3,督促状の発付,X-2,見本 花子,/); // 全角 id read as its meaning
    expect(lines[2]).toContain(`'=1+1,"'=HYPERLINK(""http://example.invalid"",""見本"")",'@SUM(A1),'+81-90,`);
  });

  it('--out list.csv: says which items hold a character Shift_JIS lacks (written as ?), without naming anyone', async () => {
    const ledger = join(dir, 'variant.xlsx');
    await writeXlsx(ledger, [
      ['債務者番号', '氏名', '納期限', '調定額', '収入済額', '収入未済額'],
      ['V-1', '𠮷田 一郎', new Date('2024-12-27T00:00:00.000Z'), 18000, 0, 18000],
      ['V-2', '山田 花子', new Date('2024-11-29T00:00:00.000Z'), 9000, 0, 9000],
    ]);
    const csv = join(dir, 'variant.csv');
    const r = await runSaiken(['worklist', ledger, '--as-of', '2025-03-31', '--out', csv]);
    expect(r.code).toBe(0);
    const lines = iconv.decode(readFileSync(csv), 'cp932').split('\r\n');
    const rankOf = (id: string) => lines.find((l) => l.includes(id))!.split(',')[0];
    expect(lines.find((l) => l.includes('V-1'))).toContain('?田 一郎');
    expect(r.stderr).toContain(`順位 ${rankOf('V-1')} の行に CSV（Shift_JIS）で表せない文字`);
    expect(r.stderr).not.toContain(`順位 ${rankOf('V-2')}`);
    expect(r.stderr).not.toContain('一郎');
    // The .xlsx keeps the character: no warning.
    const xlsx = join(dir, 'variant-list.xlsx');
    expect((await runSaiken(['worklist', ledger, '--as-of', '2025-03-31', '--out', xlsx])).stderr).not.toContain(
      '注意',
    );
  });

  it('--out list.xlsx: the 対応リスト sheet (title, 基準日, a filter on the table), strings and numbers, no formulas', async () => {
    const out = join(dir, 'list.xlsx');
    const r = await runSaiken(['worklist', hostile, '--as-of', '2025-03-31', '--out', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['対応リスト']);
    const ws = wb.getWorksheet('対応リスト')!;
    expect(ws.getCell('A1').value).toBe('対応リスト');
    expect([ws.getCell('A2').value, ws.getCell('B2').value]).toEqual(['基準日', '2025-03-31']);
    const header = 5;
    expect(String(ws.autoFilter)).toMatch(/^A5:N\d+$/);
    expect(ws.getRow(header).values).toEqual([
      undefined,
      '順位',
      '段階',
      '対応',
      '債務者番号',
      '氏名',
      '住所',
      '電話番号',
      '期限',
      '収入未済額',
      '延滞金見込額',
      '最終催告方法',
      '最終催告日',
      '台帳の行',
      '理由',
    ]);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number, ExcelJS.ValueType.Date]).toContain(cell.type);
        expect(cell.formula).toBeUndefined();
      }),
    );
    const second = ws.getRow(header + 2);
    expect(second.getCell(4).value).toBe('=1+1');
    expect(second.getCell(5).value).toBe('=HYPERLINK("http://example.invalid","見本")');
    expect(second.getCell(9).value).toBe(18000);
    expect(second.getCell(9).numFmt).toBe('#,##0;"△ "#,##0');
    // Dates are dates (serials shown as yyyy/m/d), so the clerk can sort and filter on them.
    const deadline = ws.getRow(header + 1).getCell(8);
    expect(deadline.value).toBeInstanceOf(Date);
    expect(deadline.numFmt).toBe('yyyy/m/d');
    const raw = readFileSync(out);
    expect(raw.includes(Buffer.from('<f>'))).toBe(false);
  });

  it('refuses an output it cannot write and a file it cannot read: one Japanese line, exit 2', async () => {
    for (const args of [
      [EXAMPLE, '--out', join(dir, 'list.pdf')],
      [EXAMPLE, '--out', join(dir, 'no', 'such', 'dir', 'list.csv')],
      [join(dir, 'missing.xlsx')],
      [EXAMPLE, '--as-of', '2025-02-30'],
    ]) {
      const r = await runSaiken(['worklist', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
    }
  });
});
