/**
 * 「対応リストを作る」: the collector's worklist written as the sheet 対応リスト into the open workbook,
 * from the ledger as last checked. Names, addresses and phones are read from the ledger for this
 * sheet only: the list stays in the workbook, nothing of it is sent. Running it again replaces
 * that sheet alone (the sheet writer owns it by id), never the user's others.
 */
import { buildWorklist, mappedContactFields, readContacts, worklistSheet } from '../../domain/worklist/index.js';
import { readGrid } from '../check/check-session.js';
import { canWriteSheets } from '../excel/workbook-port.js';
import { sheetPlan } from '../oversight/render-sheet.js';
import type { PaneController } from './pane-controller.js';
import type { WorklistView } from './pane-state.js';

export class WorklistController {
  constructor(private readonly pane: PaneController) {}

  /** Whether this Excel can write the sheet (the sheet writer needs ExcelApi 1.9, as the pane does). */
  get available(): boolean {
    return canWriteSheets(this.pane.port);
  }

  async write(): Promise<void> {
    const port = this.pane.port;
    if (!canWriteSheets(port)) return;
    this.set({ status: 'writing', debtors: 0, sheetName: null });
    try {
      const session = await this.pane.checkedSession();
      if (!session) return this.set({ status: 'idle' });
      const { mapping } = session.config;
      const asOf = session.options.asOf;
      // Contacts are read again, for this sheet only: the check keeps no personal cell.
      const personalNumbers = mapping.personalNumberColumns.map((c) => c.column);
      const grid = await readGrid(port, session.sheet, session.area, undefined, personalNumbers);
      const items = buildWorklist({
        rows: session.checker.dataRows(),
        findings: session.result.findings,
        asOf,
        contacts: readContacts(grid, mapping),
        lateCharges: this.pane.lateChargeProfiles,
      });
      const idColumn = mapping.columns.find((c) => c.field === 'debtorId')?.letter ?? 'A';
      const plan = sheetPlan(
        worklistSheet(items, {
          asOf,
          lang: this.pane.state.locale,
          contactFields: mappedContactFields(mapping),
          ledger: { sheet: session.sheet.name, column: idColumn },
        }),
      );
      const ref = await port.writeSheet(plan.name, plan.rows, plan.options);
      this.set({ status: 'done', debtors: items.length, sheetName: ref.name });
    } catch (e) {
      this.set({ status: 'error' });
      this.pane.fail(e);
    }
  }

  private set(patch: Partial<WorklistView>): void {
    this.pane.store.set((s) => ({ worklist: { ...s.worklist, ...patch } }));
  }
}
