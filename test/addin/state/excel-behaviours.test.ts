// The pane against Excel's documented behaviours, through the real adapter and the host stand-in.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ja } from '../../../addin/i18n/ja.js';
import {
  freshFindings,
  openPane,
  ourHighlights,
  paneFindings,
  paneOnHost,
  partsOf,
  SHEET,
  wrongFills,
  type PaneOnHost,
} from '../excel-pane.js';
import type { HostOptions } from '../excel/excel-standin.js';
import { EXPECTED, hoikuryo } from '../ledger.js';
import type { Cell } from '../../../domain/values/parsed.js';

const WAREKI = '[$-411]ge.m.d';

/** The worked example with its dates as Excel keeps them: serials, in a 和暦 date format. */
function withSerialDates(): { rows: Cell[][]; formats: string[][] } {
  const rows = hoikuryo();
  const formats = rows.map((r) => r.map(() => 'General'));
  rows.forEach((r, i) =>
    r.forEach((c, j) => {
      const m = typeof c === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(c) : null;
      if (!m) return;
      r[j] = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 + 25_569;
      formats[i]![j] = WAREKI;
    }),
  );
  return { rows, formats };
}

let current: PaneOnHost | null = null;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  current?.restore();
  current = null;
});

async function checked(options: Parameters<typeof paneOnHost>[0] = {}): Promise<PaneOnHost> {
  current = await paneOnHost(options);
  await current.pane.check();
  expect(current.pane.state.check.status).toBe('done');
  return current;
}

/** Resolves once `predicate` holds (a state the pane reaches while a request waits). */
async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !predicate(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(predicate()).toBe(true);
}

describe('change events', () => {
  it('re-checks the whole address of a paste that came without details', async () => {
    const { host, pane } = await checked();
    const sheet = host.sheet(SHEET);
    sheet.setValue(3, 8, '2025-01-10'); // I4: H-103 now has its 督促日
    sheet.setValue(4, 8, '2024-10-10'); // I5: H-104's 督促 within 20 days
    await host.fireChanged(SHEET, 'E4:I5'); // a paste: no details
    await pane.whenIdle();
    expect(pane.state.check.rechecks).toBe(1);
    expect(paneFindings(pane)).toEqual(freshFindings(host, pane));
    expect(paneFindings(pane).filter(([row]) => row === 5)).toEqual([]);
    expect(wrongFills(host, pane)).toEqual([]);
  });

  it('sends what the sheet holds, even an edit that raised no event (a pick from a list)', async () => {
    const { host, pane, service } = await checked();
    host.sheet(SHEET).setValue(3, 6, 12_345); // G4 収入済額, picked from a validation list: no event
    await pane.sync.send();
    expect(pane.state.sync.status).toBe('done');
    const paid = service.posts().flatMap((p) => p.upserts.map((u) => u.values.paidAmount));
    expect(paid).toContain(12_345);
    expect(paneFindings(pane)).toEqual(freshFindings(host, pane));
  });

  it('registers its handler again after the pane is reloaded', async () => {
    const { host, pane } = await checked();
    host.reloadPane();
    expect(host.sheet(SHEET).handlers.size).toBe(0);
    const again = await openPane(host);
    await again.check();
    expect(host.sheet(SHEET).handlers.size).toBe(1);
    host.sheet(SHEET).setValue(4, 8, '2024-10-10');
    await host.fireChanged(SHEET, 'I5');
    await again.whenIdle();
    expect(again.state.check.rechecks).toBe(1);
    expect(pane.state.check.rechecks).toBe(0); // the old runtime hears nothing
    expect(paneFindings(again)).toEqual(freshFindings(host, again));
  });
});

describe('a cell being edited', () => {
  const gaveUp = ja['excel.cellEditGaveUp'];
  const waiting = ja['excel.cellEdit'];

  it('holds the check until the edit ends where Excel can (ExcelApi 1.11: delayForCellEdit)', async () => {
    const { host, pane } = await checked();
    const before = host.stats().failed;
    host.startCellEdit();
    let finished = false;
    const check = pane.check().then(() => (finished = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(finished).toBe(false);
    host.endCellEdit();
    await check;
    expect(pane.state.check.status).toBe('done');
    expect(pane.state.error).toBeNull();
    expect(host.stats().failed).toBe(before); // held, never refused
  });

  it('tries again with a growing pause on older hosts, saying why it waits', async () => {
    const retry = { firstPauseMs: 2, maxPauseMs: 10, giveUpMs: 60_000 };
    const { host, pane } = await checked({ apiMinor: 9, adapter: { cellEditRetry: retry } });
    host.startCellEdit();
    const check = pane.check();
    await until(() => pane.state.error === waiting);
    expect(host.requests.filter((r) => r.error === 'InvalidOperationInCellEditMode').length).toBeGreaterThan(1);
    host.endCellEdit();
    await check;
    expect(pane.state.check.status).toBe('done');
    expect(pane.state.error).toBeNull();
  });

  it('gives up with a sentence, never a stack trace', async () => {
    const retry = { firstPauseMs: 1, maxPauseMs: 2, giveUpMs: 10 };
    const { host, pane } = await checked({ apiMinor: 9, adapter: { cellEditRetry: retry } });
    host.startCellEdit();
    await pane.check();
    expect(pane.state.check.status).toBe('error');
    expect(pane.state.error).toBe(gaveUp);
    host.endCellEdit();
  });
});

describe('document state (custom XML parts clear Excel’s Undo history)', () => {
  it('is never written by an edit, a re-check or a rebuild of the highlights', async () => {
    const { host, pane } = await checked();
    const parts = partsOf(host);
    const sheet = host.sheet(SHEET);
    sheet.setValue(4, 8, '2024-10-10');
    await host.fireChanged(SHEET, 'I5');
    await pane.whenIdle();
    expect(pane.state.check.rechecks).toBe(1);
    sheet.setValue(10, 0, 'H-110'); // a new row below: the used range grows
    sheet.setValue(10, 4, 15_000);
    await host.fireChanged(SHEET, 'A11:E11');
    await host.insertRows(SHEET, 3, 2);
    await host.deleteRows(SHEET, 3, 1);
    await pane.whenIdle();
    await pane.clearFlags();
    await pane.showFlags();
    expect(partsOf(host)).toBe(parts);
    expect(wrongFills(host, pane)).toEqual([]);
  });

  it('is written when the clerk confirms the mapping, and after a send', async () => {
    current = await paneOnHost();
    const { host, pane } = current;
    const confirmed = partsOf(host);
    expect(host.model.parts.length).toBeGreaterThan(0);
    await pane.sync.send();
    expect(partsOf(host)).not.toBe(confirmed);
  });
});

describe('rows and columns inserted or deleted', () => {
  /** Checked again from scratch: the pane's findings and fills are those of a fresh check. */
  function expectInStep({ host, pane }: PaneOnHost): void {
    expect(paneFindings(pane)).toEqual(freshFindings(host, pane));
    expect(wrongFills(host, pane)).toEqual([]);
    expect(ourHighlights(host)).toEqual({ rules: 3, flagSheets: 1 });
  }

  it('moves the highlights with rows inserted above the header', async () => {
    const on = await checked();
    await on.host.insertRows(SHEET, 1, 2);
    await on.pane.whenIdle();
    expect(on.pane.state.config?.mapping.headerRows).toEqual([3]);
    expect(paneFindings(on.pane).map(([row, rule]) => [row - 2, rule])).toEqual(EXPECTED.map((e) => [...e]));
    expectInStep(on);
    // Stored with the next send (an explicit action), so that the next opening finds it there.
    await on.pane.sync.send();
    const reopened = await openPane(on.host);
    expect(reopened.state.config?.mapping.headerRows).toEqual([3]);
  });

  it('moves them with rows inserted or deleted inside the ledger', async () => {
    const on = await checked();
    await on.host.insertRows(SHEET, 5, 3);
    await on.pane.whenIdle();
    expectInStep(on);
    await on.host.deleteRows(SHEET, 2, 2);
    await on.pane.whenIdle();
    expectInStep(on);
    expect(paneFindings(on.pane).some(([row]) => row === 5)).toBe(false); // H-104's row is blank now
  });

  it('follows the headers into their new columns when a column is inserted or deleted', async () => {
    const on = await checked();
    await on.host.insertColumns(SHEET, 1, 1); // before 氏名
    await on.pane.whenIdle();
    const mapping = on.pane.state.config!.mapping;
    expect(mapping.columns.find((c) => c.field === 'demandDate')?.letter).toBe('J');
    expectInStep(on);
    await on.host.deleteColumns(SHEET, 1, 1);
    await on.pane.whenIdle();
    expect(on.pane.state.config!.mapping.columns.find((c) => c.field === 'demandDate')?.letter).toBe('I');
    expectInStep(on);
  });

  it('notices rows inserted above it with no event seen, at the next edit', async () => {
    const on = await checked();
    on.host.sheet(SHEET).shiftRows(0, 1); // while the pane was closed, say
    on.host.sheet(SHEET).setValue(5, 8, '2024-10-10');
    await on.host.fireChanged(SHEET, 'I6');
    await on.pane.whenIdle();
    expect(on.pane.state.config?.mapping.dataStartRow).toBe(3);
    expectInStep(on);
  });

  it('rebuilds the same highlights however often it runs, and leaves the user’s rules', async () => {
    const on = await checked();
    on.host.sheet(SHEET).condFormats.push({
      id: 'user',
      type: 'Custom',
      area: { row: 1, column: 4, rows: 9, columns: 1 },
      formula: '=$E2>20000',
      fill: '#00B0F0',
    });
    for (let i = 0; i < 3; i++) await on.pane.showFlags();
    expect(ourHighlights(on.host)).toEqual({ rules: 3, flagSheets: 1 });
    expect(on.host.sheet(SHEET).condFormats.filter((cf) => cf.id === 'user')).toHaveLength(1);
    expect(on.host.model.sheets.find((s) => s.name.startsWith('saiken_flags_'))?.visibility).toBe('VeryHidden');
  });

  it('asks for the mapping again when the header is gone, keeping the claim type', async () => {
    const on = await checked();
    const sheet = on.host.sheet(SHEET);
    sheet.setValue(0, 8, '備考'); // 督促日 renamed
    sheet.setValue(0, 5, 'メモ'); // 納期限 renamed
    await on.pane.check();
    expect(on.pane.state.phase).toBe('mapping');
    expect(on.pane.state.error).toBe(ja['check.headerLost']);
    expect(on.pane.state.draft?.claimType).toBe('保育料');
    expect(ourHighlights(on.host)).toEqual({ rules: 0, flagSheets: 0 });
  });
});

describe('co-authoring', () => {
  it('re-checks a co-author’s changes without moving the user’s sheet or selection', async () => {
    const on = await checked();
    const { host, pane } = on;
    const cover = host.sheet('表紙');
    host.model.activeId = cover.id;
    host.model.selection = { sheetId: cover.id, area: { row: 0, column: 0, rows: 1, columns: 1 } };
    const where = JSON.stringify([host.model.activeId, host.model.selection]);
    host.sheet(SHEET).setValue(4, 8, '2024-10-10');
    await host.fireChanged(SHEET, 'I5', { source: 'Remote' });
    await host.insertRows(SHEET, 4, 1, { source: 'Remote' });
    await pane.whenIdle();
    expect(JSON.stringify([host.model.activeId, host.model.selection])).toBe(where);
    expect(pane.state.sheet?.name).toBe(SHEET);
    expect(paneFindings(pane)).toEqual(freshFindings(host, pane));
    expect(wrongFills(host, pane)).toEqual([]);
  });
});

describe('reading', () => {
  it.each(['desktop', 'web'] as const)(
    'reads dates from their serials, never from what the cell shows (%s)',
    async (platform) => {
      const on = await checked({ platform, ...withSerialDates() });
      expect(paneFindings(on.pane).map(([row, rule]) => [row, rule])).toEqual(EXPECTED.map((e) => [...e]));
      on.host.sheet(SHEET).setValue(4, 8, 45_575); // I5: 2024-10-10, as a serial
      await on.host.fireChanged(SHEET, 'I5');
      await on.pane.whenIdle();
      expect(paneFindings(on.pane).filter(([row]) => row === 5)).toEqual([]);
      expect([...on.host.loadedNames]).not.toContain('text');
      // What the cell shows differs between the two Excels; the pane never depended on it.
      const shown = await on.host.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem(SHEET).getRange('I5').load('text');
        await ctx.sync();
        return range.text[0]?.[0];
      });
      expect(shown).toBe(platform === 'web' ? '2024/10/10' : 'R6.10.10');
    },
  );

  it('splits a read whose values come back null (over Excel’s cell limit) and reads it all', async () => {
    const on = await checked({ maxReadCells: 40 } satisfies HostOptions);
    expect(paneFindings(on.pane).map(([row, rule]) => [row, rule])).toEqual(EXPECTED.map((e) => [...e]));
  });

  it('says which row could not be read when even one row comes back null', async () => {
    current = await paneOnHost({ maxReadCells: 10 });
    await current.pane.check();
    expect(current.pane.state.error).toBe(ja['excel.unreadableRow'].replace('{row}', '1'));
  });
});
