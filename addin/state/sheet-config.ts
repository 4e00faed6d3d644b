/**
 * What the pane remembers about a sheet, in the workbook (so it travels with the file and the next
 * open asks nothing): the confirmed mapping, the claim type and the ledger id. Never the token.
 */
import { z } from 'zod';
import type { WorkbookPort } from '../excel/workbook-port.js';
import type { HeaderDetection } from '../../domain/fields/mapping.js';
import { FIELD_KEYS } from '../../domain/fields/catalogue.js';

export const LEDGER_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface SheetConfig {
  ledgerId: string;
  claimType: string;
  mapping: HeaderDetection;
}

const Column = z.object({ column: z.number().int().min(0), letter: z.string(), header: z.string() });
const Mapping = z.object({
  headerRows: z.array(z.number().int().min(1)).min(1).max(2),
  dataStartRow: z.number().int().min(2),
  columns: z.array(
    Column.extend({
      field: z.enum(FIELD_KEYS),
      reason: z.enum(['label', 'synonym', 'user']),
      matched: z.string(),
      scale: z.union([z.literal(1), z.literal(1000)]),
    }),
  ),
  personalNumberColumns: z.array(Column),
  unmatched: z.array(Column),
});
const Stored = z.object({
  v: z.literal(1),
  ledgerId: z.string().regex(LEDGER_ID),
  claimType: z.string().min(1).max(100),
  mapping: Mapping,
});

const keyOf = (sheetId: string) => `saiken.sheet.${sheetId}`;

/** The stored config, or null when absent or unreadable (then the pane asks again). */
export async function loadSheetConfig(port: WorkbookPort, sheetId: string): Promise<SheetConfig | null> {
  const text = await port.loadDocumentState(keyOf(sheetId));
  if (!text) return null;
  try {
    const parsed = Stored.safeParse(JSON.parse(text));
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
