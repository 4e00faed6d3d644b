/**
 * 「対応リストを作る」 on the Excel stand-in: the sheet 対応リスト written from the ledger as checked,
 * names and phones from the ledger in it, row numbers linked back to the ledger, a filter on the
 * table, nothing sent to the service; running it again replaces that sheet alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorklist, readContacts } from '../../../domain/worklist/index.js';
import { checkSheet } from '../../../domain/engine/check.js';
import { DEFAULT_LATE_CHARGE_TABLE } from '../../../domain/late-charge/index.js';
import { AS_OF, hoikuryo } from '../ledger.js';
import { paneOnHost, sheetGrid, SHEET, type PaneOnHost } from '../excel-pane.js';

let env: PaneOnHost | null = null;
afterEach(() => {
  env?.restore();
  env = null;
});

/** The worklist of the ledger as a fresh check finds it: what the sheet must hold. */
function expectedItems() {
  const grid = hoikuryo();
  const outcome = checkSheet(grid, { asOf: AS_OF, claimType: '保育料' });
  if (!outcome.ok) throw new Error('not checked');
  return buildWorklist({
    rows: outcome.checker.dataRows(),
    findings: outcome.result.findings,
    asOf: AS_OF,
    contacts: readContacts(grid, outcome.result.mapping),
  });
}

describe('対応リストを作る', () => {
  it('writes the sheet from the checked ledger, linked back to it, with nothing sent', async () => {
    env = await paneOnHost();
    const { host, pane, service } = env;
    await pane.check();
    const before = service.requests.length;
    await pane.worklist.write();
    expect(pane.state.worklist).toEqual({ status: 'done', debtors: expectedItems().length, sheetName: '対応リスト' });
    const s = host.sheet('対応リスト');
    const header = s.autoFilter!.row;
    expect(s.value(header, 0)).toBe('順位');
    const items = expectedItems();
    expect(items.length).toBeGreaterThan(0);
    items.forEach((item, i) => {
      expect(s.value(header + 1 + i, 0)).toBe(item.rank);
      expect(s.value(header + 1 + i, 3)).toBe(item.debtorId);
    });
    // The debtor's name is in the sheet (the ledger maps it): it stays in this workbook.
    const named = items.find((i) => i.personal.name)!;
    const rowOf = header + 1 + items.indexOf(named);
    expect(s.value(rowOf, 4)).toBe(named.personal.name);
    // Each item's row numbers lead to its first row on the ledger.
    const rowsColumn = Array.from({ length: 20 }, (_, c) => s.value(header, c)).indexOf('台帳の行');
    const link = s.links.get(`${rowOf}:${rowsColumn}`);
    expect(link).toMatch(new RegExp(`^'${SHEET}'![A-Z]+${named.rows[0]}$`));
    expect(s.autoFilter).toMatchObject({ rows: items.length + 1 });
    expect(service.requests.slice(before)).toEqual([]);
  });

  it('replaces only its own sheet when run again, and leaves the ledger as it was', async () => {
    env = await paneOnHost();
    const { host, pane } = env;
    await pane.check();
    const ledgerBefore = JSON.stringify(sheetGrid(host));
    await pane.worklist.write();
    await pane.worklist.write();
    expect(host.model.sheets.map((s) => s.name).filter((n) => n.startsWith('対応リスト'))).toEqual(['対応リスト']);
    expect(JSON.stringify(sheetGrid(host))).toBe(ledgerBefore);
  });

  it("counts the estimates with the city's table once the service has given it", async () => {
    env = await paneOnHost();
    const { pane, service } = env;
    const estimates = () => {
      const s = env!.host.sheet('対応リスト');
      const header = s.autoFilter!.row;
      const column = Array.from({ length: 20 }, (_, c) => s.value(header, c)).indexOf('延滞金見込額');
      return Array.from({ length: pane.state.worklist.debtors }, (_, i) => s.value(header + 1 + i, column));
    };
    await pane.worklist.write();
    expect(pane.state.lateChargeTable.source).toBe('builtin');
    expect(estimates().some((v) => typeof v === 'number' && v > 0)).toBe(true);
    service.lateCharges = {
      source: 'service',
      version: 3,
      updatedAt: '2026-12-01T00:00:00.000Z',
      table: { ...DEFAULT_LATE_CHARGE_TABLE, claimTypes: [{ names: ['保育料'], profile: { kind: 'none' } }] },
    };
    await pane.sync.testConnection();
    expect(pane.state.lateChargeTable).toEqual({
      source: 'service',
      version: 3,
      updatedAt: '2026-12-01T00:00:00.000Z',
    });
    await pane.worklist.write();
    // No late charge on 保育料 under this city's table: every estimate is 0 or blank.
    for (const v of estimates()) expect([0, '']).toContain(v);
  });
});
