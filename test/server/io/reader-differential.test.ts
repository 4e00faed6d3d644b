/**
 * The .xlsx reader (yauzl and the sheet scanner) against the ExcelJS-based reader it replaced
 * (oracle/read-xlsx.ts), on generated workbooks: written by ExcelJS with shared strings, by its
 * streaming writer with inline strings, and built by hand with what ExcelJS cannot write (phonetic
 * readings, typed formula results, shared formulas, row styles). Every grid, sheet name and failure
 * must be the same.
 *
 * Left out on purpose, where the new reader is right and the old one was not (tested below): a formula
 * whose cached result is 0 (ExcelJS dropped it: the cell read as empty), inline rich text (it kept the
 * last run), text holding `&…;` or `_xHHHH_` in inline strings (it decoded entities twice and not the
 * escapes), rows or cells without `r` (it dropped or refused them) and `t="d"` cells.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../../domain/values/parsed.js';
import { readSheetFile } from '../../../server/io/read-sheet.js';
import { minimalXlsx } from '../../fixtures/minimal-xlsx.js';
import { readXlsxWithExcelJS } from './oracle/read-xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'saiken-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const nextPath = () => join(dir, `w${files++}.xlsx`);

/** Both readers on one file, for the default sheet and each named one. */
async function expectSameReading(path: string, sheetNames: readonly string[]): Promise<void> {
  for (const sheet of [undefined, ...sheetNames, '無い']) {
    const now = await readSheetFile(path, { sheet });
    let before = await readXlsxWithExcelJS(path, path, { sheet });
    // ExcelJS's streaming reader fails now and then on a good file (its temporary files, on a busy
    // machine): a failure it does not repeat is not the file's.
    for (let retry = 0; retry < 4 && now.ok && !before.ok && before.code === 'unreadable'; retry++) {
      before = await readXlsxWithExcelJS(path, path, { sheet });
    }
    expect(now, `sheet ${sheet ?? '(default)'}`).toEqual(before);
  }
}

const CHARS = [...'あア漢髙①㈱ ABCxyz019-.,&<>"\'\t\n'];
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 8 }).map((cs) => cs.join(''));
const day = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2040, 0, 1) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000));
const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 100_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
);
const FORMATS = [
  undefined,
  'yyyy/m/d',
  '[$-ja-JP]ggge"年"m"月"d"日"',
  '[$-411]ge.m.d',
  'yyyy"年"m"月"d"日"',
  '#,##0',
  '#,##0"円"',
  '0.00',
  'h:mm',
];
const format = fc.constantFrom(...FORMATS);

type Value = ExcelJS.CellValue;
const value = (richText: boolean): fc.Arbitrary<Value> =>
  fc.oneof(
    text,
    number,
    fc.boolean(),
    day,
    fc.constant(null),
    number.filter((n) => n !== 0).map((result) => ({ formula: 'A1*2', result })),
    text.map((result) => ({ formula: 'A1&""', result })),
    fc.boolean().map((result) => ({ formula: '1=1', result })),
    fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!').map((error) => ({ formula: 'NA()', result: { error } })),
    day.map((result) => ({ formula: 'TODAY()', result })),
    fc.constantFrom('#N/A', '#REF!').map((error) => ({ error })),
    text.map((t) => ({ text: t || 'link', hyperlink: 'https://example.invalid/' })),
    ...(richText
      ? [fc.array(text, { minLength: 1, maxLength: 3 }).map((ts) => ({ richText: ts.map((t) => ({ text: t })) }))]
      : []),
  ) as fc.Arbitrary<Value>;

interface GenCell {
  row: number;
  col: number;
  value: Value;
  numFmt: string | undefined;
}
interface GenSheet {
  name: string;
  state: 'visible' | 'hidden';
  cells: GenCell[];
  merges: [number, number, number, number][];
  hiddenRows: number[];
}

const sheetName = fc.constantFrom('台帳', 'Sheet1', '設定', '集計 R6', 'ﾃﾞｰﾀ', 'a&b');
const sheet = (richText: boolean): fc.Arbitrary<GenSheet> =>
  fc.record({
    name: sheetName,
    state: fc.constantFrom('visible', 'visible', 'hidden'),
    cells: fc.array(
      fc.record({
        row: fc.integer({ min: 1, max: 12 }),
        col: fc.integer({ min: 1, max: 8 }),
        value: value(richText),
        numFmt: format,
      }),
      { maxLength: 40 },
    ),
    merges: fc.array(fc.tuple(fc.nat(8), fc.nat(5), fc.nat(2), fc.nat(2)), { maxLength: 3 }),
    hiddenRows: fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }),
  });
const book = (richText: boolean) =>
  fc.uniqueArray(sheet(richText), { minLength: 1, maxLength: 3, selector: (s) => s.name });

function fill(ws: ExcelJS.Worksheet, s: GenSheet): void {
  for (const c of s.cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = c.value;
    if (c.numFmt) cell.numFmt = c.numFmt;
  }
  for (const [r, c, h, w] of s.merges) {
    try {
      ws.mergeCells(r + 1, c + 1, r + 1 + h, c + 1 + w);
    } catch {
      // overlaps an earlier merge: ExcelJS refuses it, and so would Excel
    }
  }
  for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
}

describe('the .xlsx reader reads as the ExcelJS-based reader did', () => {
  it('on workbooks ExcelJS writes (shared strings, rich text, formulas, dates, merges, hidden sheets)', async () => {
    await fc.assert(
      fc.asyncProperty(book(true), async (sheets) => {
        const wb = new ExcelJS.Workbook();
        for (const s of sheets) {
          const ws = wb.addWorksheet(s.name, { state: s.state });
          fill(ws, s);
        }
        const path = nextPath();
        await wb.xlsx.writeFile(path);
        await expectSameReading(
          path,
          sheets.map((s) => s.name),
        );
      }),
      { numRuns: 25 },
    );
  }, 300_000);

  it('on workbooks with inline strings (ExcelJS streaming writer)', async () => {
    await fc.assert(
      fc.asyncProperty(book(false), async (sheets) => {
        const path = nextPath();
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
        for (const s of sheets) {
          const ws = wb.addWorksheet(s.name, { state: s.state });
          fill(ws as unknown as ExcelJS.Worksheet, s);
          ws.commit();
        }
        await wb.commit();
        await expectSameReading(
          path,
          sheets.map((s) => s.name),
        );
      }),
      { numRuns: 10 },
    );
  }, 300_000);

  // Cells as Excel (and other tools) write them, beyond what ExcelJS writes.
  const SHARED = [
    '<t>氏名</t><rPh sb="0" eb="2"><t>シメイ</t></rPh><phoneticPr fontId="1"/>',
    '<r><rPr><b/></rPr><t>督促</t></r><r><t xml:space="preserve"> 発付日</t></r>',
    '<t/>',
    '<t>A&amp;B &lt;1&gt; &#x2460;_x000D_x</t>',
    '<t xml:space="preserve">  </t>',
  ];
  const xmlCell = fc.oneof(
    fc.nat(SHARED.length + 1).map((i) => `t="s"><v>${i}</v>`),
    fc.constantFrom('t="inlineStr"><is><t>インライン</t></is>', 't="inlineStr"><is><t></t></is>'),
    fc.integer({ min: -50000, max: 80000 }).map((n) => `><v>${n}</v>`),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((n) => `><v>${n}</v>`),
    fc.constantFrom('><v></v>', '/>', '><v>abc</v>', 't="n"><v>12.5</v>'),
    fc.constantFrom('t="b"><v>1</v>', 't="b"><v>0</v>', 't="e"><v>#N/A</v>', 't="str"><v>文字</v>'),
    fc.constantFrom(
      't="e"><f>VLOOKUP(1,X:Y,2,0)</f><v>#N/A</v>',
      't="b"><f>1=1</f><v>1</v>',
      't="b"><f>1=0</f><v>0</v>',
      't="str"><f>A1&amp;"x"</f><v>a&amp;x</v>',
      '><f>45383+1</f><v>45384</v>',
      '><f t="shared" ref="A1:A9" si="0">B1+1</f><v>45390</v>',
      '><f t="shared" si="0"/><v>45391.5</v>',
      '><f>1/0</f>',
      't="str"><f>""</f><v></v>',
    ),
  );
  const xmlRow = fc.record({
    style: fc.constantFrom('', ' s="1" customFormat="1"', ' s="2" customFormat="1"', ' s="0"', ' hidden="1"'),
    cells: fc.array(
      fc.record({
        col: fc.integer({ min: 1, max: 6 }),
        style: fc.constantFrom('', ' s="0"', ' s="1"', ' s="2"', ' s="9"'),
        body: xmlCell,
      }),
      { maxLength: 6 },
    ),
  });
  const letters = (col: number) => String.fromCharCode(64 + col);

  it('on hand-built workbooks (phonetic readings, typed formula results, shared formulas, row styles)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(xmlRow, { nil: undefined }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom('A1:B1', 'A2:A3', 'C1:D2', 'B4:B4'), { maxLength: 2 }),
        async (rows, merges) => {
          const body = rows
            .map((row, r) => {
              if (!row) return '';
              const cols = [...new Map(row.cells.map((c) => [c.col, c])).values()].sort((a, b) => a.col - b.col);
              const cells = cols.map((c) =>
                `<c r="${letters(c.col)}${r + 1}"${c.style} ${c.body}</c>`.replace(' /></c>', '/>'),
              );
              return `<row r="${r + 1}"${row.style}>${cells.join('')}</row>`;
            })
            .join('');
          const path = nextPath();
          writeFileSync(path, minimalXlsx([{ name: '台帳', rows: body, merges: [...new Set(merges)] }], SHARED));
          await expectSameReading(path, ['台帳']);
        },
      ),
      { numRuns: 100 },
    );
  }, 300_000);
});

describe('the .xlsx reader where the old one was wrong', () => {
  const read = async (rows: string) => {
    const path = nextPath();
    writeFileSync(path, minimalXlsx([{ name: 's', rows }]));
    const r = await readSheetFile(path);
    if (!r.ok) throw new Error(r.message);
    return r.grid;
  };

  it('joins the runs of inline rich text without the reading, and decodes entities once', async () => {
    const grid: Cell[][] = await read(
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>督促</t></r><r><t>発付日</t></r><rPh><t>トクソク</t></rPh></is></c>' +
        '<c r="B1" t="inlineStr"><is><t>&amp;lt;_x0041_</t></is></c></row>',
    );
    expect(grid).toEqual([['督促発付日', '&lt;A']]);
  });

  it('reads a formula whose cached result is 0 as 0, not as an empty cell', async () => {
    expect(await read('<row r="1"><c r="A1"><f>B1-C1</f><v>0</v></c></row>')).toEqual([[0]]);
  });

  it('places rows and cells that leave out r after the one before', async () => {
    expect(
      await read('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>'),
    ).toEqual([
      [1, 2],
      [null, null, 3, 4],
    ]);
  });

  it('reads t="d" cells as dates', async () => {
    expect(
      await read(
        '<row r="1"><c r="A1" t="d"><v>2024-04-01</v></c><c r="B1" t="d"><v>2024-04-01T12:00:00</v></c></row>',
      ),
    ).toEqual([[new Date('2024-04-01T00:00:00Z'), new Date('2024-04-01T12:00:00Z')]]);
  });
});
