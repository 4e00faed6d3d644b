/**
 * The ledger's row state (`domain/sync/row-state.ts`) kept in the workbook after each applied
 * submission, so that it travels with the file.
 */
import type { WorkbookPort } from '../excel/workbook-port.js';
import { pack, unpack, type RowState } from '../../domain/sync/row-state.js';

export * from '../../domain/sync/row-state.js';

const keyOf = (ledgerId: string) => `saiken.sync.${ledgerId}`;

export async function loadRowState(port: WorkbookPort, ledgerId: string): Promise<RowState | null> {
  const text = await port.loadDocumentState(keyOf(ledgerId));
  if (!text) return null;
  try {
    const v = JSON.parse(text) as { v?: number; revision?: unknown; rows?: unknown };
    if (v.v !== 1 || typeof v.revision !== 'number' || typeof v.rows !== 'string') return null;
    return { revision: v.revision, rows: unpack(v.rows) };
  } catch {
    return null;
  }
}

export async function saveRowState(port: WorkbookPort, ledgerId: string, state: RowState): Promise<void> {
  await port.saveDocumentState(
    keyOf(ledgerId),
    JSON.stringify({ v: 1, revision: state.revision, rows: pack(state.rows) }),
  );
}
