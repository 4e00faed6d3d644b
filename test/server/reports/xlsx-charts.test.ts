/**
 * The native charts of the service's .xlsx (server/reports/xlsx-charts.ts), read back by two readers
 * that share no code with the writer: openpyxl finds each chart and its series where the ReportSheet
 * definitions put them, and LibreOffice opens the file and draws them. ExcelJS still reads the file,
 * and a workbook without charts is left byte for byte as ExcelJS wrote it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agingSheet } from '../../../domain/reports/aging-sheet.js';
import { progressSheet } from '../../../domain/reports/progress-sheet.js';
import { amountColumn, reportSheet, type ReportSheet } from '../../../domain/reports/report-sheet.js';
import { renderSheet } from '../../../server/reports/render-xlsx.js';
import { addCharts } from '../../../server/reports/xlsx-charts.js';
import { insertLedger, startHarness, type Harness } from '../helpers/harness.js';

const PYTHON = '/usr/bin/python3';
const runs = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;
const HAS_OPENPYXL = runs(PYTHON, ['-c', 'import openpyxl']);
const HAS_SOFFICE = runs('soffice', ['--version']) && runs('pdftotext', ['-v']) && runs('pdftoppm', ['-v']);
if (!HAS_OPENPYXL) {
  console.warn(
    `SKIPPED reading the charts with openpyxl: ${PYTHON} cannot import openpyxl (Debian: apt-get install python3-openpyxl).`,
  );
}
if (!HAS_SOFFICE) {
  console.warn(
    'SKIPPED drawing the charts with LibreOffice: soffice, pdftotext or pdftoppm is missing (Debian: apt-get install libreoffice-calc-nogui poppler-utils).',
  );
}

const QUOTED = "債権 'A' 別";
const INJECTED = '=HYPERLINK("http://example.invalid","x")';
const SHEETS: ReportSheet[] = [
  progressSheet(
    QUOTED,
    '局名',
    [
      { label: '交通局', baselineYen: 10_000_000, targetYen: 8_000_000, currentYen: 9_000_000 },
      { label: '水道局', baselineYen: 6_000_000, targetYen: 5_000_000, currentYen: 4_500_000 },
      { label: INJECTED, baselineYen: 1_000_000, targetYen: 1_000_000, currentYen: null },
    ],
    '目標と現在（局別・千円）',
  ),
  agingSheet({
    name: '滞納年数別',
    groupHeader: '局名',
    unit: 'thousands',
    labels: ['0-1', '5+'],
    groups: [
      {
        label: '交通局',
        ledgers: 1,
        byBucket: new Map([
          ['0-1', 30_000_000n],
          ['5+', 15_000_000n],
        ]),
      },
      { label: '水道局', ledgers: 2, byBucket: new Map([['0-1', 12_000_000n]]) },
    ],
    chartTitle: '滞納年数別の未収金（局別・千円）',
  }),
  reportSheet({
    name: 'Years & <年度>',
    lines: [{ cells: ['年度別の推移'], style: 'title' }, { cells: [] }],
    columns: [{ header: '年度', width: 10 }, amountColumn('調定額（千円）'), amountColumn('収入額（千円）')],
    rows: [
      ['令和4年度', 100, 80],
      ['令和5年度', 120, 95],
      ['令和6年度', 130, 110],
    ],
    links: [{ row: 0, column: 0, sheet: '滞納年数別', address: 'A1' }],
    charts: [
      {
        name: 'years',
        type: 'Line',
        dataRange: 'A3:C6',
        title: '年度別の推移（千円）',
        position: { from: 'E3', to: 'L18' },
      },
    ],
  }),
  reportSheet({ name: '出典', columns: [{ header: '項目', width: 10 }], rows: [['x']] }),
];

/** What openpyxl should find, written out from the definitions above. */
const ref = (sheet: string, range: string) => `'${sheet.replaceAll("'", "''")}'!${range}`;
const EXPECTED = {
  [QUOTED]: [
    {
      kind: 'barChart',
      grouping: 'clustered',
      title: '目標と現在（局別・千円）',
      from: [6, 1],
      to: [14, 20],
      series: [
        {
          name: ref(QUOTED, '$B$1'),
          nameCache: ['目標 ②（千円）'],
          categories: ref(QUOTED, '$A$2:$A$4'),
          categoryCache: ['交通局', '水道局', INJECTED],
          values: ref(QUOTED, '$B$2:$B$4'),
          valueCache: [
            [0, 8000],
            [1, 5000],
            [2, 1000],
          ],
        },
        {
          name: ref(QUOTED, '$C$1'),
          nameCache: ['現在（千円）'],
          categories: ref(QUOTED, '$A$2:$A$4'),
          categoryCache: ['交通局', '水道局', INJECTED],
          values: ref(QUOTED, '$C$2:$C$4'),
          // No current yet: left out, not 0.
          valueCache: [
            [0, 9000],
            [1, 4500],
          ],
        },
      ],
    },
  ],
  滞納年数別: [
    {
      kind: 'barChart',
      grouping: 'stacked',
      title: '滞納年数別の未収金（局別・千円）',
      from: [5, 1],
      to: [13, 20],
      series: [
        {
          name: ref('滞納年数別', '$B$1'),
          nameCache: ['1年未満（千円）'],
          categories: ref('滞納年数別', '$A$2:$A$3'),
          categoryCache: ['交通局', '水道局'],
          values: ref('滞納年数別', '$B$2:$B$3'),
          valueCache: [
            [0, 30000],
            [1, 12000],
          ],
        },
        {
          name: ref('滞納年数別', '$C$1'),
          nameCache: ['5年以上（千円）'],
          categories: ref('滞納年数別', '$A$2:$A$3'),
          categoryCache: ['交通局', '水道局'],
          values: ref('滞納年数別', '$C$2:$C$3'),
          valueCache: [
            [0, 15000],
            [1, 0],
          ],
        },
      ],
    },
  ],
  'Years & <年度>': [
    {
      kind: 'lineChart',
      grouping: 'standard',
      title: '年度別の推移（千円）',
      from: [4, 2],
      to: [12, 18],
      series: ['B', 'C'].map((col, i) => ({
        name: ref('Years & <年度>', `$${col}$3`),
        nameCache: [['調定額（千円）', '収入額（千円）'][i]],
        categories: ref('Years & <年度>', '$A$4:$A$6'),
        categoryCache: ['令和4年度', '令和5年度', '令和6年度'],
        values: ref('Years & <年度>', `$${col}$4:$${col}$6`),
        valueCache: [
          [
            [0, 100],
            [1, 120],
            [2, 130],
          ],
          [
            [0, 80],
            [1, 95],
            [2, 110],
          ],
        ][i],
      })),
    },
  ],
  出典: [],
};

const READ_CHARTS = `
import json, sys, openpyxl
def text(t):
    return ''.join(r.t for p in t.tx.rich.p for r in (p.r or []))
def strs(ref):
    return [p.v for p in ref.strCache.pt]
out = {}
for ws in openpyxl.load_workbook(sys.argv[1]).worksheets:
    out[ws.title] = [{
        'kind': c.tagname, 'grouping': c.grouping, 'title': text(c.title),
        'from': [c.anchor._from.col, c.anchor._from.row], 'to': [c.anchor.to.col, c.anchor.to.row],
        'series': [{
            'name': s.tx.strRef.f, 'nameCache': strs(s.tx.strRef),
            'categories': s.cat.strRef.f, 'categoryCache': strs(s.cat.strRef),
            'values': s.val.numRef.f, 'valueCache': [[p.idx, p.v] for p in s.val.numRef.numCache.pt],
        } for s in c.series],
    } for c in ws._charts]
print(json.dumps(out, ensure_ascii=False))
`;

function openpyxlCharts(xlsx: Buffer): unknown {
  const file = join(dir, `read-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, xlsx);
  const r = spawnSync(PYTHON, ['-c', READ_CHARTS, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openpyxl failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** PDFs of the files by LibreOffice, one conversion with a profile of its own. */
function toPdf(files: Record<string, Buffer>): Record<string, string> {
  const paths = Object.entries(files).map(([name, bytes]) => {
    writeFileSync(join(dir, `${name}.xlsx`), bytes);
    return join(dir, `${name}.xlsx`);
  });
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...paths,
    ],
    { encoding: 'utf8', timeout: 170_000 },
  );
  if (r.status !== 0) throw new Error(`LibreOffice failed: ${r.stderr || r.error}`);
  return Object.fromEntries(Object.keys(files).map((name) => [name, join(dir, `${name}.pdf`)]));
}

const pdfText = (pdf: string) => spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;

/** Pixels of strong colour over every page (the table is black, grey and a pale header fill). */
function colouredPixels(pdf: string): number {
  const prefix = `${pdf}-page`;
  spawnSync('pdftoppm', ['-r', '40', pdf, prefix]);
  let n = 0;
  for (const f of readdirSync(dir).filter((f) => f.startsWith(prefix.slice(dir.length + 1)) && f.endsWith('.ppm'))) {
    const ppm = readFileSync(join(dir, f));
    // Binary PPM: "P6", width, height, maxval, each followed by one whitespace, then RGB bytes.
    const header = /^P6\s+\d+\s+\d+\s+\d+\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
    for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
      const [r, g, b] = [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 90) n++;
    }
  }
  return n;
}

async function rendered(sheets: readonly ReportSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) renderSheet(wb, s);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let dir: string;
let plain: Buffer;
let charted: Buffer;
let h: Harness;
let downloaded: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saiken-charts-'));
  plain = await rendered(SHEETS);
  charted = await addCharts(plain, SHEETS);
  h = await startHarness();
  const aging = (outstanding: number) => [
    { label: '0-1', fromYears: 0, toYears: 1, count: 3, outstanding },
    { label: '5+', fromYears: 5, toYears: null, count: 1, outstanding: 2_000_000 },
  ];
  for (const [id, bureau, outstanding] of [
    ['L-ride', '交通局', 30_000_000],
    ['L-water', "水道's 局", 7_000_000],
  ] as const) {
    await insertLedger(h.svc.db, { id, bureau, division: '営業課', claim: id, outstanding, aging: aging(outstanding) });
  }
  const r = await h.call('GET', '/api/v1/reports/consolidated.xlsx?fy=2024', { token: h.finance });
  expect(r.status).toBe(200);
  downloaded = r.bytes;
}, 60_000);
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the charts written into the .xlsx', () => {
  it('leave a workbook without charts byte for byte, and every part they do not touch as it was', async () => {
    const none = SHEETS.map((s) => ({ ...s, charts: [] }));
    expect((await addCharts(plain, none)).equals(plain)).toBe(true);
    const [before, after] = [await JSZip.loadAsync(plain), await JSZip.loadAsync(charted)];
    const touched =
      /^(\[Content_Types\]\.xml|xl\/worksheets\/(_rels\/)?sheet[123]\.xml(\.rels)?|xl\/(charts|drawings)\/.*)$/;
    for (const name of Object.keys(after.files).filter((f) => !touched.test(f))) {
      expect(await after.file(name)?.async('uint8array'), name).toEqual(await before.file(name)?.async('uint8array'));
    }
  });

  it('refer to cells only: no cell text in a formula, every sheet name quoted', async () => {
    const zip = await JSZip.loadAsync(charted);
    const parts = await Promise.all(zip.file(/^xl\/charts\/chart\d+\.xml$/).map((f) => f.async('string')));
    expect(parts).toHaveLength(3);
    const formulas = parts.flatMap((x) => [...x.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]!));
    expect(formulas).toHaveLength(18);
    for (const f of formulas)
      expect(f).toMatch(/^&apos;(?:[^&]|&amp;|&lt;|&gt;|&apos;&apos;)+&apos;!\$[A-Z]+\$\d+(?::\$[A-Z]+\$\d+)?$/);
    expect(formulas.join('')).not.toContain('HYPERLINK');
    expect(parts.join('')).toContain('<c:v>=HYPERLINK(&quot;http://example.invalid&quot;,&quot;x&quot;)</c:v>');
  });

  it('are read back by ExcelJS, the cells and links unchanged', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(charted as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS.map((s) => s.name));
    expect(wb.getWorksheet(QUOTED)!.getCell('A4').value).toBe(INJECTED);
    expect(wb.getWorksheet('Years & <年度>')!.getCell('A4').value).toMatchObject({ text: '令和4年度' });
    expect(wb.getWorksheet('滞納年数別')!.getCell('B2').value).toBe(30_000);
  });

  it('go after the conditional formats, whose rules hold an extLst of their own', async () => {
    const [progress] = SHEETS;
    const wb = new ExcelJS.Workbook();
    renderSheet(wb, progress!).addConditionalFormatting({
      ref: 'B2:B4',
      rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }] } as ExcelJS.DataBarRuleType],
    });
    const zip = await JSZip.loadAsync(await addCharts(Buffer.from(await wb.xlsx.writeBuffer()), [progress!]));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(
      /<\/conditionalFormatting><pageMargins [^>]*\/><pageSetup [^>]*\/><drawing r:id="rId\d+"\/><extLst>/,
    );
    await new ExcelJS.Workbook().xlsx.load((await zip.generateAsync({ type: 'nodebuffer' })) as never);
  });

  it('refuse a chart whose sheet is not in the workbook, or whose range has no data, saying which', async () => {
    const [progress] = SHEETS;
    await expect(addCharts(plain, [{ ...progress!, name: 'なし' }])).rejects.toThrow('no sheet "なし"');
    const bad = { ...progress!, charts: [{ ...progress!.charts[0]!, dataRange: 'A1:A9' }] };
    await expect(addCharts(plain, [bad])).rejects.toThrow('"A1:A9" needs a header row');
  });
});

describe.skipIf(!HAS_OPENPYXL)('openpyxl', () => {
  it('finds each chart and its series where the definitions put them', () => {
    expect(openpyxlCharts(charted)).toEqual(EXPECTED);
  });

  it('finds the aging chart of the downloaded consolidated workbook, and no other', () => {
    const sheets = openpyxlCharts(downloaded) as Record<string, { title: string; series: { name: string }[] }[]>;
    const charted = Object.entries(sheets).filter(([, charts]) => charts.length > 0);
    expect(charted.map(([name]) => name)).toEqual(['滞納年数別']);
    const [chart] = sheets['滞納年数別']!;
    expect(chart).toMatchObject({ kind: 'barChart', grouping: 'stacked', title: '滞納年数別の未収金（局別・円）' });
    expect(chart!.series).toEqual([
      expect.objectContaining({
        name: "'滞納年数別'!$B$1",
        nameCache: ['1年未満（円）'],
        categoryCache: ['交通局', "水道's 局"],
        values: "'滞納年数別'!$B$2:$B$3",
        valueCache: [
          [0, 30_000_000],
          [1, 7_000_000],
        ],
      }),
      expect.objectContaining({ name: "'滞納年数別'!$C$1", nameCache: ['5年以上（円）'] }),
    ]);
  });
});

// The drawing does not depend on the engine: LibreOffice, the slowest reader, runs once, with SQLite.
describe.skipIf(!HAS_SOFFICE || process.env.SAIKEN_TEST_ENGINE === 'postgres')('LibreOffice', () => {
  it('opens the workbooks and draws the charts', { timeout: 180_000 }, () => {
    const pdf = toPdf({ plain, charted, downloaded });
    const text = pdfText(pdf.charted!);
    for (const title of ['目標と現在（局別・千円）', '滞納年数別の未収金（局別・千円）', '年度別の推移（千円）']) {
      expect(text).toContain(title);
    }
    expect(pdfText(pdf.plain!)).not.toContain('年度別の推移（千円）');
    expect(pdfText(pdf.downloaded!)).toContain('滞納年数別の未収金（局別・円）');
    // The bars and lines are the only strong colours: the plain workbook has its links' blue alone.
    expect(colouredPixels(pdf.charted!) - colouredPixels(pdf.plain!)).toBeGreaterThan(2_000);
  });
});
