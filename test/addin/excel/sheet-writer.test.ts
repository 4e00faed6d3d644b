/** writeSheet / writeChart over the Excel host stand-in: our sheets by id, text as text, ≤ 4 MB requests. */
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeAdapter } from '../../../addin/excel/office-adapter.js';
import { OWNED_STATE_KEY } from '../../../addin/excel/sheet-writer.js';
import { installHost, type ExcelHost } from './excel-standin.js';

let restore = (): void => {};
afterEach(() => restore());

function setup(opts?: { apiMinor?: number }): ExcelHost {
  const installed = installHost(opts);
  restore = installed.restore;
  installed.host.addSheet('メモ', [['自分の表', 123]]);
  return installed.host;
}

const DANGEROUS = ['=HYPERLINK("http://x","y")', '+81 52', '-SUM(A1)', '@SUM(A1)', '＝1+1', '0012', '1-2'];

describe('writeSheet', () => {
  it('creates a sheet with values, formats, widths, bold rows and frozen header', async () => {
    const host = setup();
    const port = createOfficeAdapter();
    const ref = await port.writeSheet(
      '債権別',
      [
        ['債権名', '金額'],
        ['保育料', 1234567],
        ['合計', null],
      ],
      { numberFormats: [[], [null, '#,##0']], columnWidths: [120, 80], freezeRows: 1, boldRows: [1, 3] },
    );
    expect(ref.name).toBe('債権別');
    const s = host.sheet('債権別');
    expect(s.id).toBe(ref.id);
    expect([s.value(0, 0), s.value(1, 1), s.value(2, 1)]).toEqual(['債権名', 1234567, '']);
    expect(host.shownText('債権別', 1, 1)).toBe('1,234,567');
    expect(s.format(1, 0)).toBe('@'); // text cells are Text
    expect([s.widths.get(0), s.widths.get(1), s.frozenRows]).toEqual([120, 80, 1]);
    expect([...s.bold].sort()).toEqual(['0:0', '0:1', '2:0', '2:1']);
    expect(host.sheet('メモ').value(0, 0)).toBe('自分の表');
  });

  it('links cells to another sheet (the text kept, no formula) and filters the table; rewriting replaces both', async () => {
    const host = setup();
    const port = createOfficeAdapter();
    const rows = [['対応リスト'], ['順位', '台帳の行'], [1, '8、9'], [2, '=1+1']];
    const options = {
      links: [{ row: 3, column: 2, reference: "'台帳'!B8" }],
      filter: { headerRow: 2, lastRow: 4, columns: 2 },
    };
    await port.writeSheet('対応リスト', rows, options);
    const s = host.sheet('対応リスト');
    expect([...s.links]).toEqual([['2:1', "'台帳'!B8"]]);
    expect(s.value(2, 1)).toBe('8、9');
    expect(s.formulas.size).toBe(0);
    expect(s.autoFilter).toEqual({ row: 1, column: 0, rows: 3, columns: 2 });
    await port.writeSheet('対応リスト', rows.slice(0, 3), { filter: { headerRow: 2, lastRow: 3, columns: 2 } });
    expect(s.autoFilter).toEqual({ row: 1, column: 0, rows: 2, columns: 2 });
    expect(s.links.size).toBe(0);
  });

  it('leaves links and the filter out on a host too old for them', async () => {
    const host = setup({ apiMinor: 5 });
    await createOfficeAdapter().writeSheet('対応リスト', [['行'], ['8']], {
      links: [{ row: 2, column: 1, reference: "'台帳'!B8" }],
      filter: { headerRow: 1, lastRow: 2, columns: 1 },
    });
    const s = host.sheet('対応リスト');
    expect([s.links.size, s.autoFilter, s.value(1, 0)]).toEqual([0, null, '8']);
  });

  it('writes formula-looking and number-looking text as text: no formula results', async () => {
    const host = setup();
    await createOfficeAdapter().writeSheet('改善提案', [DANGEROUS]);
    const s = host.sheet('改善提案');
    DANGEROUS.forEach((v, c) => {
      expect(s.value(0, c)).toBe(v);
      expect(s.format(0, c)).toBe('@');
    });
    expect(host.formulaCells()).toEqual([]);
  });

  it('the stand-in does record a formula where text is written without the Text format', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('メモ').getRange('C1:D1').values = [['=1+1', '-5']];
    });
    expect(host.formulaCells()).toEqual(['メモ!0:2']);
  });

  it('re-running replaces our sheet in place (even renamed) and never touches the user’s sheets', async () => {
    const host = setup();
    const port = createOfficeAdapter();
    const first = await port.writeSheet(
      '提出状況',
      [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ],
      { freezeRows: 1 },
    );
    await port.writeChart(first.id, {
      name: 'x',
      type: 'ColumnClustered',
      dataRange: 'A1:C2',
      title: 't',
      position: { from: 'E2', to: 'J10' },
    });
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('提出状況');
      ws.charts.add('Line', ws.getRange('A1:B2'), 'Columns'); // the user's own chart on our sheet
    });
    host.sheet('提出状況').name = '提出状況（4月）'; // the user renamed it
    const memo = host.sheet('メモ').snapshot();
    const second = await port.writeSheet('提出状況', [['z']]);
    expect(second).toEqual({ id: first.id, name: '提出状況（4月）' });
    const s = host.sheet('提出状況（4月）');
    expect([s.value(0, 0), s.value(0, 1), s.value(1, 0), s.frozenRows]).toEqual(['z', '', '', 0]);
    expect(s.charts.map((c) => c.type)).toEqual(['Line']); // ours went, the user's stays
    expect(host.sheet('メモ').snapshot()).toBe(memo);
    expect(host.model.sheets).toHaveLength(2);
  });

  it('never writes into a user’s sheet that has our name: ours gets a free name', async () => {
    const host = setup();
    host.addSheet('局別目標', [['利用者の表']]);
    const mine = host.sheet('局別目標').snapshot();
    const port = createOfficeAdapter();
    const ref = await port.writeSheet('局別目標', [['取りまとめ']]);
    expect(ref.name).toBe('局別目標 (2)');
    expect(host.sheet('局別目標').snapshot()).toBe(mine);
    expect((await port.writeSheet('局別目標', [['again']])).id).toBe(ref.id);
    expect(JSON.parse((await port.loadDocumentState(OWNED_STATE_KEY))!)).toEqual({ 局別目標: ref.id });
  });

  it('writes a large sheet in requests of ≤ 4 MB, one values assignment per chunk', async () => {
    const host = setup();
    const rows = Array.from({ length: 30_000 }, (_, i) => [
      `債権${i}`,
      '名古屋市の未収金についての長い説明'.repeat(3),
      i,
    ]);
    const start = host.requests.length;
    await createOfficeAdapter().writeSheet('債権別', rows);
    const stats = host.stats(start);
    expect(stats.failed).toBe(0);
    expect(stats.maxRequest).toBeLessThanOrEqual(4_000_000);
    expect(host.requests.slice(start).filter((r) => r.requestBytes > 1_000_000).length).toBeGreaterThan(1);
    expect(host.sheet('債権別').value(29_999, 2)).toBe(29_999);
  });

  it('falls back to document settings for ownership on hosts without custom XML parts', async () => {
    const host = setup({ apiMinor: 4 });
    const port = createOfficeAdapter();
    const a = await port.writeSheet('債権別', [['x']], { freezeRows: 1 });
    const b = await port.writeSheet('債権別', [['y']]);
    expect(b.id).toBe(a.id);
    expect(host.sheet('債権別').frozenRows).toBe(0); // freezePanes needs 1.7: not used
    expect(host.model.parts).toHaveLength(0);
  });
});

describe('writeChart', () => {
  it('adds a native chart with type, source range, title and position; again replaces it', async () => {
    const host = setup();
    const port = createOfficeAdapter();
    const ref = await port.writeSheet('滞納年数別', [
      ['局名', '1年未満', '1年以上'],
      ['財政局', 1, 2],
    ]);
    const spec = {
      name: 'aging',
      type: 'ColumnStacked' as const,
      dataRange: 'A1:C2',
      title: '滞納年数別',
      position: { from: 'E2', to: 'L18' },
    };
    await port.writeChart(ref.name, spec);
    await port.writeChart(ref.id, { ...spec, title: '滞納年数別（更新）' });
    const charts = host.sheet('滞納年数別').charts;
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      name: 'saiken_aging',
      type: 'ColumnStacked',
      sourceSheetId: ref.id,
      source: { row: 0, column: 0, rows: 2, columns: 3 },
      seriesBy: 'Columns',
      title: '滞納年数別（更新）',
      position: { from: 'E2', to: 'L18' },
    });
  });
});
