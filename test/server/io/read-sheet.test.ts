import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheetFile } from '../../../server/io/read-sheet.js';
import { minimalXlsx } from '../../fixtures/minimal-xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'saiken-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function read(path: string, sheet?: string) {
  const r = await readSheetFile(path, { sheet });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
}

describe('readSheetFile: .xlsx written by ExcelJS', () => {
  it('turns every kind of value into a primitive', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台帳');
    ws.getCell('A1').value = 'text';
    ws.getCell('B1').value = 12000;
    ws.getCell('C1').value = true;
    ws.getCell('D1').value = d('2024-04-01');
    ws.getCell('D1').numFmt = 'yyyy/m/d';
    ws.getCell('E1').value = { richText: [{ text: '督促', font: { bold: true } }, { text: '発付日' }] };
    ws.getCell('F1').value = { formula: 'B1*2', result: 24000 };
    ws.getCell('G1').value = { formula: 'D1+30', result: d('2024-05-01') };
    ws.getCell('G1').numFmt = 'yyyy/m/d';
    ws.getCell('H1').value = { text: 'リンク', hyperlink: 'https://example.invalid/' };
    ws.getCell('I1').value = { error: '#N/A' };
    ws.getCell('J1').value = { formula: 'A1&"!"', result: 'text!' };
    ws.getCell('K1').value = '=SUM(A1)';
    ws.getCell('A3').value = '';
    const path = join(dir, 'values.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await read(path);
    expect(r.sheetName).toBe('台帳');
    expect(r.grid[0]).toEqual([
      'text', 12000, true, d('2024-04-01'), '督促発付日', 24000, d('2024-05-01'), 'リンク', '#N/A', 'text!', '=SUM(A1)',
    ]); // prettier-ignore
    expect(r.grid).toHaveLength(1); // rows with nothing in them at the end are not part of the sheet
  });

  it('repeats a merge master in every cell of the merge, and reads a named sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表紙').getCell('A1').value = '表紙';
    const ws = wb.addWorksheet('台帳');
    ws.getCell('A1').value = '督促';
    ws.mergeCells('A1:B1');
    ws.getCell('A2').value = '発付日';
    ws.getCell('B2').value = '指定期限';
    const path = join(dir, 'merged.xlsx');
    await wb.xlsx.writeFile(path);
    expect((await read(path)).grid).toEqual([['表紙']]);
    expect((await read(path, '台帳')).grid).toEqual([
      ['督促', '督促'],
      ['発付日', '指定期限'],
    ]);
    const missing = await readSheetFile(path, { sheet: '集計' });
    expect(missing).toMatchObject({ ok: false, code: 'no-such-sheet' });
    expect(missing.ok || missing.message).toContain('「表紙」、「台帳」');
  });
});

describe('readSheetFile: progress', () => {
  it('reports bytes of the file, ending at its size', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台帳');
    for (let r = 1; r <= 3000; r++) ws.getRow(r).values = [`A-${r}`, r * 100, '見本 花子'];
    const path = join(dir, 'progress.xlsx');
    await wb.xlsx.writeFile(path);
    const calls: [number, number][] = [];
    const r = await readSheetFile(path, { onProgress: (done, total) => calls.push([done, total]) });
    expect(r.ok && r.grid).toHaveLength(3000);
    const size = calls[0]![1];
    expect(calls.at(-1)).toEqual([size, size]);
    expect(calls.every(([done], i) => done <= size && (i === 0 || done >= calls[i - 1]![0]))).toBe(true);
  });
});

describe('readSheetFile: .xlsx as Japanese Excel writes it', () => {
  const sheet = (rows: string, merges?: string[]) => ({ name: '台帳', rows, merges });
  it('reads text, not its phonetic reading; skips a hidden first sheet; types formula results', async () => {
    const shared = ['<t>氏名</t><rPh sb="0" eb="2"><t>シメイ</t></rPh>', '<t>督促</t>', '<t>発付日</t>'];
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="B2" t="s"><v>2</v></c></row>' +
      '<row r="3"><c r="A3" t="e"><f>VLOOKUP(1,X:Y,2,0)</f><v>#N/A</v></c><c r="B3" t="b"><f>1=1</f><v>1</v></c>' +
      '<c r="C3" s="1"><f>45383+1</f><v>45384</v></c><c r="D3" t="e"><v>#DIV/0!</v></c><c r="E3" s="1"><v>45383</v></c></row>';
    const path = file(
      'japanese.xlsx',
      minimalXlsx(
        [
          { name: '設定', state: 'hidden', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' },
          sheet(rows, ['B1:C1']),
        ],
        shared,
      ),
    );
    const r = await read(path);
    expect(r.sheetName).toBe('台帳');
    expect(r.grid).toEqual([
      ['氏名', '督促', '督促'],
      [null, '発付日'],
      ['#N/A', true, d('2024-04-02'), '#DIV/0!', d('2024-04-01')],
    ]);
  });
});

describe('readSheetFile: files that cannot be used', () => {
  const failure = async (path: string) => {
    const r = await readSheetFile(path);
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error('read');
    expect(r.message).toMatch(/^[^\n]+。$/);
    return r.code;
  };
  const ole = (stream: string) =>
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
      Buffer.from(`${stream}\0`, 'utf16le'),
    ]);

  it('gives each problem its code and one Japanese sentence', async () => {
    expect(await failure(join(dir, 'none.xlsx'))).toBe('not-found');
    mkdirSync(join(dir, 'folder.xlsx'));
    expect(await failure(join(dir, 'folder.xlsx'))).toBe('unreadable');
    expect(await failure(file('random.xlsx', Buffer.from(Array.from({ length: 500 }, (_, i) => (i * 37) % 256))))).toBe(
      'unreadable',
    );
    expect(await failure(file('truncated.xlsx', minimalXlsx([{ name: 'a', rows: '' }]).subarray(0, 300)))).toBe(
      'unreadable',
    );
    expect(await failure(file('locked.xlsx', ole('EncryptedPackage')))).toBe('encrypted');
    expect(await failure(file('old.xls', ole('Workbook')))).toBe('unsupported-type');
    expect(await failure(file('old-named.xlsx', ole('Workbook')))).toBe('unsupported-type');
    expect(await failure(file('empty.csv', ''))).toBe('empty');
    expect(await failure(file('blank.csv', '\r\n,,\r\n'))).toBe('empty');
    expect(await failure(file('report.pdf', '%PDF-1.4'))).toBe('unsupported-type');
    expect(await failure(file('bad.csv', 'a,b\r\n"c,d\r\n'))).toBe('unreadable');
    expect(await failure(file('binary.csv', Buffer.from([0x41, 0, 0x42, 0])))).toBe('unreadable');
  });

  it('says the encrypted file needs its password removed', async () => {
    const r = await readSheetFile(file('locked2.xlsx', ole('EncryptedPackage')));
    expect(r.ok || r.message).toContain('パスワード');
  });
});

describe('readSheetFile: .csv', () => {
  it('reads CP932 and UTF-8 (BOM) alike, cells as text', async () => {
    const text = '整理番号,氏名\r\nA-1,髙橋 ①子\r\n';
    const a = await read(file('sjis.csv', iconv.encode(text, 'cp932')));
    const b = await read(file('utf8.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    expect(a.grid).toEqual([
      ['整理番号', '氏名'],
      ['A-1', '髙橋 ①子'],
    ]);
    expect(b.grid).toEqual(a.grid);
    expect(a.sheetName).toBe('sjis');
  });
});
