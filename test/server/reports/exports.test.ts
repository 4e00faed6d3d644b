/**
 * What the service and the command line export, with hostile names and extreme amounts: no line
 * or cell of the TSV starts like a formula, no cell of any sheet is a formula, and sums far past
 * 2^53 are exact in JSON, TSV and .xlsx.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../../../server/cli/commands/report.js';
import { MAX_YEN, MAX_YEN_LABEL } from '../../../domain/values/limits.js';
import { CSV, seedRows, TEMPLATE_HEADER, toCsv, type Row } from '../plans/fixtures.js';
import { runCommand } from '../helpers/cli-run.js';
import { insertLedger, startHarness, type Harness } from '../helpers/harness.js';

const NAMES = ['=HYPERLINK("http://evil.example/","押す")', '@SUM(1)', '+1', '-1+1'];
const FORMULA_START = /^[=+\-@\t\r]/;

async function workbookCells(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  const xml = await Promise.all(sheets.map((f) => zip.file(f)!.async('string')));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return { sheets, xml, wb };
}

describe('hostile names in every export', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // Each hostile name as a bureau, a division and a claim, beside the seed.
    const rows: Row[] = [
      ...seedRows(),
      ...NAMES.map((n, i): Row => [n, NAMES[(i + 1) % 4]!, NAMES[(i + 2) % 4]!, '私債権', 'R6', 1000 + i, 500, n]),
    ];
    const r = await h.call('POST', '/api/v1/plans/import', { token: h.finance, body: toCsv(rows), type: CSV });
    expect(r.status, r.text).toBe(200);
    await insertLedger(h.svc.db, {
      id: 'L-hostile',
      bureau: NAMES[0]!,
      division: NAMES[1]!,
      claim: NAMES[2]!,
      name: NAMES[3],
      ruleset: NAMES[1],
      outstanding: 900,
      aging: [{ label: NAMES[2]!, fromYears: 0, toYears: 1, count: 1, outstanding: 900 }],
      findings: [{ rule: NAMES[0]!, severity: 'error', count: 1 }],
    });
  });
  afterAll(() => h?.close());

  const expectNoFormulaStart = (tsv: string) => {
    for (const line of tsv.split('\n').filter(Boolean)) {
      for (const cell of line.split('\t')) expect(cell, line).not.toMatch(FORMULA_START);
    }
  };

  it('the targets TSV from the API neutralises them', async () => {
    const r = await h.call('GET', '/api/v1/reports/targets?fy=2024&format=tsv', { token: h.finance });
    expect(r.status).toBe(200);
    expectNoFormulaStart(r.text);
    const lines = r.text.split('\n');
    expect(lines.filter((l) => l.startsWith("'"))).toEqual([
      "'@SUM(1)\t1\t1\t△ 1\t49.95",
      "'+1\t1\t1\t△ 1\t49.90",
      "'-1+1\t1\t1\t△ 1\t49.85",
    ]);
    expect(lines).toContain('"\'=HYPERLINK(""http://evil.example/"",""押す"")"\t1\t1\t△ 1\t50.00');
    // The JSON carries the names as they are: it is data, not a sheet.
    const j = await h.call('GET', '/api/v1/reports/targets?fy=2024', { token: h.finance });
    expect(j.json.bureaus.map((b: { bureau: string }) => b.bureau)).toEqual(expect.arrayContaining(NAMES));
  });

  it('the CLI prints the same TSV', async () => {
    const r = await runCommand(register, [
      'report',
      'targets',
      '--fy',
      '2024',
      '--server',
      h.url,
      '--token',
      h.finance,
    ]);
    expect(r.code).toBe(0);
    expectNoFormulaStart(r.out);
    expect(r.out).toBe((await h.call('GET', '/api/v1/reports/targets?fy=2024&format=tsv', { token: h.finance })).text);
  });

  it('the years-across TSV of the CLI neutralises them', async () => {
    const r = await runCommand(register, [
      'report',
      'history',
      '--from',
      '2023',
      '--to',
      '2024',
      '--server',
      h.url,
      '--token',
      h.finance,
    ]);
    expect(r.code, r.err).toBe(0);
    expectNoFormulaStart(r.out);
    const claimLines = r.out.split('\n').filter((l) => l.includes("\t'@SUM(1)\t") || l.startsWith("'@SUM(1)\t"));
    expect(claimLines.length).toBeGreaterThan(0);
  });

  it('consolidated.xlsx has no formula in any sheet and every name intact as text', async () => {
    const r = await h.call('GET', '/api/v1/reports/consolidated.xlsx?fy=2024', { token: h.finance });
    expect(r.status).toBe(200);
    const { sheets, xml, wb } = await workbookCells(r.bytes);
    expect(sheets).toHaveLength(11);
    for (const x of xml) expect(x).not.toMatch(/<f[\s>]/);
    const seen = new Set<string>();
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string' && NAMES.includes(cell.value)) {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            seen.add(`${ws.name}:${cell.value}`);
          }
        }),
      );
    }
    // Every name, as it was written, on the sheets that list organisation names.
    for (const sheet of ['局別目標', '債権別', '提出状況', '出典']) {
      for (const n of NAMES.slice(0, 3)) expect(seen.has(`${sheet}:${n}`), `${sheet}:${n}`).toBe(true);
    }
    expect(seen.has(`出典:${NAMES[3]}`)).toBe(true);
  });
});

describe('amounts at the limit, in many divisions', () => {
  let h: Harness;
  const DIVISIONS = 10_000;
  // Σ of 10,000 plans at MAX_YEN: 9,999,999,999,990,000 yen, past 2^53 (9,007,199,254,740,992).
  const SUM = BigInt(MAX_YEN) * BigInt(DIVISIONS);

  beforeAll(async () => {
    h = await startHarness();
    const rows: Row[] = [];
    for (let i = 0; i < DIVISIONS; i++) {
      rows.push([i % 2 ? '財政局' : '健康福祉局', `課${i}`, '債権', '私債権', '2024', MAX_YEN, MAX_YEN - 1, '']);
    }
    const r = await h.call('POST', '/api/v1/plans/import', { token: h.finance, body: toCsv(rows), type: CSV });
    expect(r.status, r.text).toBe(200);
    // Two ledgers whose totals (written directly, as a legacy database might hold them) add up
    // past what 64-bit SQL SUM can hold.
    for (const id of ['L1', 'L2']) {
      await insertLedger(h.svc.db, {
        id,
        bureau: '財政局',
        division: '課1',
        claim: '債権',
        outstanding: 0,
      });
    }
    await h.svc.db.run("UPDATE ledgers SET outstanding = 9000000000000000000 WHERE id IN ('L1', 'L2')");
  }, 60_000);
  afterAll(() => h?.close());

  it('JSON: numbers while safe, exact digit strings beyond', async () => {
    const r = await h.call('GET', '/api/v1/reports/targets?fy=2024', { token: h.finance });
    expect(r.status).toBe(200);
    expect(r.json.total.baselineYen).toBe(SUM.toString());
    expect(r.json.total.targetYen).toBe((SUM - BigInt(DIVISIONS)).toString());
    expect(r.json.total.diffYen).toBe(-DIVISIONS);
    expect(r.json.total.cells).toEqual(['合計', '9,999,999,999,990', '9,999,999,999,980', '△ 10', '100.00']);
    // Each bureau's half is still within 2^53: a number.
    const half = Number(SUM / 2n);
    expect(r.json.bureaus.map((b: { baselineYen: unknown }) => b.baselineYen)).toEqual([half, half]);
    // The claim with the two huge ledgers: 1.8 × 10^19 yen now, beyond 64 bits, to the yen.
    const claims = await h.call('GET', '/api/v1/reports/claims?fy=2024', { token: h.finance });
    expect(claims.status).toBe(200);
    const big = claims.json.claims.find((c: { division: string }) => c.division === '課1');
    expect(big.currentYen).toBe('18000000000000000000');
    expect(big.gapYen).toBe((18_000_000_000_000_000_000n - BigInt(MAX_YEN - 1)).toString());
    expect(big.baselineYen).toBe(MAX_YEN);
    expect(claims.json.total.baselineYen).toBe(SUM.toString());
    expect(claims.json.total.currentYen).toBe('18000000000000000000');
  });

  it('TSV: the total row rounded from the exact sum', async () => {
    const r = await h.call('GET', '/api/v1/reports/targets?fy=2024&format=tsv', { token: h.finance });
    expect(r.status).toBe(200);
    expect(r.text.split('\n').at(-2)).toBe('合計\t9,999,999,999,990\t9,999,999,999,980\t△ 10\t100.00');
  });

  it('xlsx: exact numbers where Excel holds them, exact text beyond', async () => {
    const r = await h.call('GET', '/api/v1/reports/consolidated.xlsx?fy=2024', { token: h.finance });
    expect(r.status).toBe(200);
    const { wb } = await workbookCells(r.bytes);
    const targets = wb.getWorksheet('局別目標')!;
    const total = (targets.getRow(6).values as unknown[]).slice(1);
    expect(total.slice(0, 4)).toEqual(['合計', 9_999_999_999_990, 9_999_999_999_980, -10]);
    const claims = wb.getWorksheet('債権別')!;
    let found = false;
    claims.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v[1] === '課1') {
        found = true;
        expect(v[4]).toBe(MAX_YEN);
        expect(v[6]).toBe('18,000,000,000,000,000,000');
      }
    });
    expect(found).toBe(true);
    const provenance = wb.getWorksheet('出典')!;
    const amounts: unknown[] = [];
    provenance.eachRow((row) => amounts.push((row.values as unknown[])[12]));
    expect(amounts).toContain('9,000,000,000,000,000,000');
  });

  it('refuses a plan above the limit, naming it in Japanese', async () => {
    const before = await h.count('plans');
    for (const [header, value] of [
      [TEMPLATE_HEADER, MAX_YEN + 1],
      [TEMPLATE_HEADER, Number.MAX_SAFE_INTEGER],
      [TEMPLATE_HEADER, '9,007,199,254,740,993'],
      [TEMPLATE_HEADER.map((c) => c.replace('（円）', '（千円）')), 1_000_000_000],
    ] as const) {
      const body = toCsv([['新局', '新課', '新債権', '私債権', 'R6', 1, value, '']], header);
      const r = await h.call('POST', '/api/v1/plans/import', { token: h.finance, body, type: CSV });
      expect([r.status, r.json.code, r.json.details.row]).toEqual([422, 'invalid-amount', 2]);
      expect(r.json.message).toContain(MAX_YEN_LABEL);
    }
    expect(await h.count('plans')).toBe(before);
  });
});

describe('fiscal years outside 1947–2100', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  const YEARS = ['1868', '1900', '1926', '1946', '2101', '0', '99999', 'M1', 'T1', '明治1年度', '令和99年度', 'S21'];
  const paths = (fy: string): [string, string][] => [
    ['GET', `/api/v1/reports/targets?fy=${encodeURIComponent(fy)}`],
    ['GET', `/api/v1/reports/targets?fy=${encodeURIComponent(fy)}&format=tsv`],
    ['GET', `/api/v1/reports/claims?fy=${encodeURIComponent(fy)}`],
    ['GET', `/api/v1/reports/consolidated.xlsx?fy=${encodeURIComponent(fy)}`],
    ['GET', `/api/v1/plans?fy=${encodeURIComponent(fy)}`],
    ['POST', `/api/v1/settlements/${encodeURIComponent(fy)}`],
  ];

  it.each(YEARS)('%s is a 400 with a Japanese message everywhere', async (fy) => {
    for (const [method, path] of paths(fy)) {
      const r = await h.call(method, path, { token: h.finance });
      expect([r.status, r.json?.code], `${method} ${path}`).toEqual([400, 'invalid-fiscal-year']);
      expect(r.json.message).toMatch(/年度/);
    }
  });

  it('the first and last years work', async () => {
    for (const fy of ['1947', '2100', 'S22', '令和82年度']) {
      for (const [method, path] of paths(fy)) {
        const r = await h.call(method, path, { token: h.finance });
        expect(r.status, `${method} ${path}`).toBeLessThan(300);
      }
    }
  });

  it('a plan row for a year outside is refused, naming the range', async () => {
    const body = toCsv([['局', '課', '債権', '私債権', '1900', 1, 1, '']]);
    const r = await h.call('POST', '/api/v1/plans/import', { token: h.finance, body, type: CSV });
    expect([r.status, r.json.code, r.json.details.row]).toEqual([422, 'invalid-fiscal-year', 2]);
    expect(r.json.message).toContain('1947〜2100');
  });
});
