/** Highlights: a very hidden flag sheet behind three conditional formats, and nothing left after clearing. */
import { afterEach, describe, expect, it } from 'vitest';
import { FLAG_FILLS } from '../../../addin/excel/flag-writer.js';
import { createOfficeAdapter } from '../../../addin/excel/office-adapter.js';
import type { Flag, SheetRef, UsedArea } from '../../../addin/excel/workbook-port.js';
import { installHost, type ExcelHost } from './excel-standin.js';
import { addLedger } from './ledger-fixture.js';

const [RED, YELLOW, BLUE] = [FLAG_FILLS[3], FLAG_FILLS[2], FLAG_FILLS[1]];
const USER_FILL = '#92D050';
let restore = (): void => {};
afterEach(() => restore());

/** A ledger from B2 (title row above), with the user's own fills and conditional formats. */
function setup(): { host: ExcelHost; sheet: SheetRef; area: UsedArea } {
  const installed = installHost();
  restore = installed.restore;
  const host = installed.host;
  host.addSheet('表紙', [['債権管理台帳']]);
  const s = host.model.addSheet('台帳');
  for (let r = 1; r <= 40; r++) for (let c = 1; c <= 6; c++) s.setValue(r, c, r === 1 ? `項目${c}` : r * 10 + c);
  s.setFill(3, 2, USER_FILL);
  s.setFill(8, 4, USER_FILL);
  s.setFormat(5, 3, 'yyyy/m/d');
  s.condFormats.push(
    {
      id: 'user-1',
      type: 'CellValue',
      area: { row: 1, column: 1, rows: 40, columns: 1 },
      formula: '',
      fill: '#FF0000',
    },
    {
      id: 'user-2',
      type: 'Custom',
      area: { row: 2, column: 3, rows: 5, columns: 2 },
      formula: '=$D3>100',
      fill: '#00B0F0',
    },
  );
  return {
    host,
    sheet: { id: s.id, name: '台帳' },
    area: { firstRow: 2, firstColumn: 2, rowCount: 40, columnCount: 6 },
  };
}

const flagSheets = (host: ExcelHost): string[] =>
  host.model.sheets.filter((s) => s.name.startsWith('saiken_flags_')).map((s) => s.name);

describe('showFlags / clearFlags', () => {
  it('colours flagged cells by severity from a very hidden sheet, leaving the ledger untouched', async () => {
    const { host, sheet, area } = setup();
    const ledgerBefore = JSON.parse(host.sheet('台帳').snapshot()) as { condFormats: unknown[] };
    const port = createOfficeAdapter();
    const flags: Flag[] = [
      { row: 4, column: 3, severity: 'error' },
      { row: 4, column: 3, severity: 'info' },
      { row: 5, column: 4, severity: 'warning' },
      { row: 30, column: 7, severity: 'info' },
    ];
    await port.showFlags(sheet, flags, area);

    expect(flagSheets(host)).toHaveLength(1);
    const flagSheet = host.sheet(flagSheets(host)[0] ?? '');
    expect(flagSheet.visibility).toBe('VeryHidden');
    expect(flagSheet.value(3, 2)).toBe(3);
    expect(host.shownFill('台帳', 3, 2)).toBe(RED); // over the user's own fill, while shown
    expect(host.shownFill('台帳', 4, 3)).toBe(YELLOW);
    expect(host.shownFill('台帳', 29, 6)).toBe(BLUE);
    expect(host.shownFill('台帳', 8, 4)).toBe(USER_FILL);
    expect(host.shownFill('台帳', 10, 2)).toBeUndefined();
    const ledger = JSON.parse(host.sheet('台帳').snapshot()) as { condFormats: unknown[] };
    expect({ ...ledger, condFormats: [] }).toEqual({ ...ledgerBefore, condFormats: [] });
    expect(ledger.condFormats.slice(3)).toEqual(ledgerBefore.condFormats);
    expect(host.model.active()?.name).toBe('表紙');
  });

  it('restores the workbook exactly after show then clear', async () => {
    const { host, sheet, area } = setup();
    const before = host.snapshot();
    const port = createOfficeAdapter();
    await port.showFlags(sheet, [{ row: 3, column: 2, severity: 'error' }], area);
    await port.showFlags(sheet, [{ row: 6, column: 5, severity: 'warning' }], area); // replaces, not adds
    expect(flagSheets(host)).toHaveLength(1);
    expect(host.sheet('台帳').condFormats).toHaveLength(5);
    expect(host.shownFill('台帳', 2, 1)).toBe(host.sheet('台帳').fill(2, 1));
    await port.clearFlags(sheet);
    expect(host.snapshot()).toBe(before);
  });

  it('writes a large sheet of flags in requests of at most 4 MB', async () => {
    const installed = installHost();
    restore = installed.restore;
    const host = installed.host;
    addLedger(host, '台帳', { rows: 100_000, columns: 30 });
    const sheet = { id: host.sheet('台帳').id, name: '台帳' };
    const flags: Flag[] = [];
    for (let r = 2; r <= 100_000; r++) {
      flags.push({ row: r, column: 1 + (r % 30), severity: 'error' });
      if (r % 3 === 0) flags.push({ row: r, column: 30, severity: 'info' });
    }
    const port = createOfficeAdapter();
    const start = host.requests.length;
    await port.showFlags(sheet, flags, { firstRow: 1, firstColumn: 1, rowCount: 100_000, columnCount: 30 });
    const stats = host.stats(start);
    expect(stats.failed).toBe(0);
    expect(stats.maxRequest).toBeLessThanOrEqual(4_000_000);
    expect(stats.requests).toBeLessThanOrEqual(6);
    expect(host.shownFill('台帳', 99_998, 99_999 % 30)).toBe(RED);
    expect(host.shownFill('台帳', 99_998, 29)).toBe(BLUE);
    console.info(`showFlags 100k rows: ${stats.requests} requests, largest ${stats.maxRequest} B`);
  });

  it('removes the flag sheet of a ledger that was deleted, at the next show', async () => {
    const { host, sheet, area } = setup();
    const port = createOfficeAdapter();
    await port.showFlags(sheet, [{ row: 3, column: 2, severity: 'error' }], area);
    const other = host.addSheet('別台帳', [
      ['a', 'b'],
      [1, 2],
    ]);
    host.model.sheets.splice(host.model.sheets.indexOf(host.sheet('台帳')), 1);
    const area2 = { firstRow: 1, firstColumn: 1, rowCount: 2, columnCount: 2 };
    await port.showFlags({ id: other.id, name: '別台帳' }, [{ row: 2, column: 1, severity: 'warning' }], area2);
    expect(flagSheets(host)).toHaveLength(1);
    await port.clearFlags({ id: other.id, name: '別台帳' });
    expect(flagSheets(host)).toHaveLength(0);
    expect(host.model.parts).toHaveLength(0);
  });
});

describe('updateFlags', () => {
  it('rewrites the given rows only, as one range per run of rows', async () => {
    const { host, sheet, area } = setup();
    const port = createOfficeAdapter();
    await port.showFlags(
      sheet,
      [
        { row: 5, column: 2, severity: 'error' },
        { row: 10, column: 3, severity: 'warning' },
        { row: 20, column: 4, severity: 'info' },
      ],
      area,
    );
    const flagSheet = host.sheet(flagSheets(host)[0] ?? '');
    const before = JSON.parse(flagSheet.snapshot()) as { values: unknown[][] };
    const start = host.requests.length;
    await port.updateFlags(sheet, [10, 11], [{ row: 11, column: 7, severity: 'error' }], area);

    const after = JSON.parse(flagSheet.snapshot()) as { values: unknown[][] };
    after.values.forEach((line, r) => {
      if (r !== 9 && r !== 10) expect(line, `row ${r + 1}`).toEqual(before.values[r]);
    });
    expect(host.shownFill('台帳', 9, 2)).toBeUndefined();
    expect(host.shownFill('台帳', 10, 6)).toBe(RED);
    expect(host.shownFill('台帳', 4, 1)).toBe(RED);
    expect(host.shownFill('台帳', 19, 3)).toBe(BLUE);
    expect(host.stats(start).requests).toBeLessThanOrEqual(3);
    expect(host.requests.at(-1)?.ops).toBe(1); // rows 10–11: one range write
  });

  it('moves the rules when the ledger grew, and says so when none were shown', async () => {
    const { host, sheet, area } = setup();
    const port = createOfficeAdapter();
    const flag3 = [{ row: 3, column: 2, severity: 'warning' as const }];
    expect(await port.updateFlags(sheet, [3], flag3, area)).toBe(false);
    expect(host.shownFill('台帳', 2, 1)).toBeUndefined();
    await port.showFlags(sheet, flag3, area);
    expect(host.shownFill('台帳', 2, 1)).toBe(YELLOW);
    host.sheet('台帳').setValue(41, 1, 'new');
    const grown = { ...area, rowCount: 41 };
    await port.updateFlags(sheet, [42], [{ row: 42, column: 2, severity: 'error' }], grown);
    expect(host.shownFill('台帳', 41, 1)).toBe(RED);
    expect(host.shownFill('台帳', 2, 1)).toBe(YELLOW);
    expect(host.sheet('台帳').condFormats).toHaveLength(5);
  });
});
