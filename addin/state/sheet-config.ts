/**
 * What the pane remembers about a sheet, in the workbook (so it travels with the file and the next
 * open asks nothing): the confirmed mapping, the claim type and the ledger id. Never the token.
 */
import type { WorkbookPort } from '../excel/workbook-port.js';
import type { HeaderDetection } from '../../domain/fields/mapping.js';
import { StoredSheetConfig } from '../../domain/sync/sheet-config.js';

export interface SheetConfig {
  ledgerId: string;
  claimType: string;
  mapping: HeaderDetection;
}

const keyOf = (sheetId: string) => `saiken.sheet.${sheetId}`;

/** The stored config, or null when absent or unreadable (then the pane asks again). */
export async function loadSheetConfig(port: WorkbookPort, sheetId: string): Promise<SheetConfig | null> {
  const text = await port.loadDocumentState(keyOf(sheetId));
  if (!text) return null;
  try {
    const parsed = StoredSheetConfig.safeParse(JSON.parse(text));
    return parsed.success ? { ...parsed.data } : null;
  } catch {
    return null;
  }
}

export async function saveSheetConfig(port: WorkbookPort, sheetId: string, config: SheetConfig): Promise<void> {
  const { ledgerId, claimType, mapping } = config;
  await port.saveDocumentState(keyOf(sheetId), JSON.stringify({ v: 1, ledgerId, claimType, mapping }));
}

export function newLedgerId(): string {
  return crypto.randomUUID();
}
