import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheetFile } from '../../../server/io/read-sheet.js';
import { toCsv, writeCsv } from '../../../server/sample/write-csv.js';
import { writeXlsx } from '../../../server/sample/write-xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'saiken-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const GRID = [
  ['見出し', '金額', '日付', 'メモ'],
  ['=SUM(A1:A9)', 12000, d('2024-04-01'), '+81'],
  ['-3', 0, null, '@担当'],
];

describe('writeXlsx', () => {
  it('stores text that looks like a formula as text, dates as dates and yen with #,##0', async () => {
    const path = join(dir, 'w.xlsx');
    await writeXlsx(path, GRID, { sheetName: '台帳', yenColumns: [1] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('台帳')!;
    expect(ws.getCell('A2').value).toBe('=SUM(A1:A9)');
    expect(ws.getCell('A2').formula).toBeUndefined();
    expect(ws.getCell('B2').numFmt).toBe('#,##0');
    expect(ws.getCell('C2').value).toEqual(d('2024-04-01'));
    const back = await readSheetFile(path);
    expect(back.ok && back.grid).toEqual(GRID.map((r) => (r[r.length - 1] === null ? r.slice(0, -1) : r)));
  });
});

describe('writeCsv', () => {
  it('quotes where needed and writes dates as 2024/4/1', () => {
    expect(toCsv([['a,b', 'say "hi"', d('2024-04-01'), null, 5]])).toBe('"a,b","say ""hi""",2024/4/1,,5\r\n');
  });

  it('writes CP932 and UTF-8 with a BOM that read back the same', async () => {
    const grid = [
      ['整理番号', '氏名'],
      ['A-1', '髙橋 ①子'],
    ];
    await writeCsv(join(dir, 'a.csv'), grid, 'cp932');
    await writeCsv(join(dir, 'b.csv'), grid, 'utf-8-bom');
    expect([...readFileSync(join(dir, 'b.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const f of ['a.csv', 'b.csv']) {
      const r = await readSheetFile(join(dir, f));
      expect(r.ok && r.grid).toEqual(grid);
    }
  });
});
