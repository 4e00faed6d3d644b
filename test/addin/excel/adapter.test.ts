/** The rest of the port: selection, change events, document state, language. */
import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { namespaceFor } from '../../../addin/excel/doc-state.js';
import { createOfficeAdapter } from '../../../addin/excel/office-adapter.js';
import { installHost, type ExcelHost } from './excel-standin.js';

let restore = (): void => {};
afterEach(() => restore());

function setup(opts?: { apiMinor?: number }): ExcelHost {
  const installed = installHost(opts);
  restore = installed.restore;
  installed.host.addSheet('表紙', [['x']]);
  installed.host.addSheet('台帳', [
    ['番号', '氏名'],
    [1, 'あ'],
  ]);
  return installed.host;
}

const ref = (host: ExcelHost, name: string): { id: string; name: string } => ({ id: host.sheet(name).id, name });

describe('select and onChanged', () => {
  it('activates the sheet and selects the cell', async () => {
    const host = setup();
    await createOfficeAdapter().select(ref(host, '台帳'), 7, 3);
    expect(host.model.active()?.name).toBe('台帳');
    expect(host.model.selection).toEqual({
      sheetId: host.sheet('台帳').id,
      area: { row: 6, column: 2, rows: 1, columns: 1 },
    });
  });

  it('delivers the changed address until unsubscribed', async () => {
    const host = setup();
    const seen: string[] = [];
    const off = await createOfficeAdapter().onChanged(ref(host, '台帳'), (c) => seen.push(c.address));
    await host.fireChanged('台帳', 'C5:D9');
    await host.fireChanged('表紙', 'A1'); // another sheet
    await off();
    await host.fireChanged('台帳', 'B2');
    expect(seen).toEqual(['C5:D9']);
    expect(host.sheet('台帳').handlers.size).toBe(0);
  });
});

describe('document state', () => {
  it('round-trips 5 MB of JSON in custom XML parts, every request ≤ 4 MB', async () => {
    const host = setup();
    const port = createOfficeAdapter();
    const hashes: Record<string, string> = {};
    for (let i = 0; i < 82_000; i++) {
      hashes[`r${i}`] = `${(i * 2654435761) % 4294967296}`.padStart(40, 'f') + ' 債権"\\<&>';
    }
    const value = JSON.stringify(hashes);
    expect(value.length).toBeGreaterThanOrEqual(5_000_000);
    const start = host.requests.length;
    await port.saveDocumentState('rowHashes', value);
    await port.saveDocumentState('mapping', '{"debtorId":"A"}');
    expect(await port.loadDocumentState('rowHashes')).toBe(value);
    expect(await port.loadDocumentState('mapping')).toBe('{"debtorId":"A"}');
    expect(await port.loadDocumentState('none')).toBeNull();
    const stats = host.stats(start);
    expect(stats.failed).toBe(0);
    expect(Math.max(stats.maxRequest, stats.maxResponse)).toBeLessThanOrEqual(4_000_000);
    const parts = host.model.parts.filter((p) => p.namespaceUri === namespaceFor('rowHashes'));
    expect(parts.length).toBeGreaterThan(4);

    await port.saveDocumentState('rowHashes', 'small'); // replaces every old part
    expect(host.model.parts.filter((p) => p.namespaceUri === namespaceFor('rowHashes'))).toHaveLength(1);
    expect(await port.loadDocumentState('rowHashes')).toBe('small');
  });

  it('falls back to document settings where custom XML parts are missing (office-addin-mock)', async () => {
    const saved = new Map<string, unknown>();
    // The common Office API has no load/sync: the mock's Outlook mode hands properties over as they are.
    const office = new OfficeMockObject({
      host: 'outlook',
      context: {
        displayLanguage: 'en-US',
        requirements: { isSetSupported: () => false },
        document: {
          settings: {
            get: (k: string) => saved.get(k) ?? null,
            set: (k: string, v: unknown) => void saved.set(k, v),
            saveAsync: (cb: (r: { status: string }) => void) => cb({ status: 'succeeded' }),
          },
        },
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    });
    const g = globalThis as Record<string, unknown>;
    const before = g.Office;
    g.Office = office;
    try {
      const port = createOfficeAdapter();
      await port.saveDocumentState('mapping', '{"a":1}');
      expect(saved.get('saiken:mapping')).toBe('{"a":1}');
      expect(await port.loadDocumentState('mapping')).toBe('{"a":1}');
      expect(await port.mergedAreas({ id: 'x', name: 'x' }, 2, 2)).toBeUndefined();
      expect(port.displayLanguage()).toBe('en-US');
    } finally {
      g.Office = before;
    }
  });
});

describe('activeSheet (office-addin-mock)', () => {
  it('loads the id and name, then syncs', async () => {
    const context = new OfficeMockObject({
      workbook: { worksheets: { getActiveWorksheet: () => sheet } },
      sync: async () => sheet.sync(),
    });
    const sheet = new OfficeMockObject({ id: '{S1}', name: '台帳' });
    const g = globalThis as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = { run: (batch: (ctx: unknown) => Promise<unknown>) => batch(context) };
    // A host before ExcelApi 1.11: Excel.run without options (no delayForCellEdit).
    g.Office = new OfficeMockObject({ host: 'outlook', context: { requirements: { isSetSupported: () => false } } });
    try {
      expect(await createOfficeAdapter().activeSheet()).toEqual({ id: '{S1}', name: '台帳' });
    } finally {
      g.Excel = before.Excel;
      g.Office = before.Office;
    }
  });
});
