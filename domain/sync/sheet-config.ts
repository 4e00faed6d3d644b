/**
 * The JSON a sender keeps for a sheet whose mapping was confirmed: the ledger id, the claim type and
 * the column mapping (the pane stores it in the workbook; `saiken submit --mapping` reads it from a
 * file, to pin the columns of a recurring export). Never a token, never a cell's value.
 */
import { z } from 'zod';
import { FIELD_KEYS } from '../fields/catalogue.js';

/** A ledger id as the service takes it. */
export const LEDGER_ID = /^[A-Za-z0-9_-]{8,64}$/;

const Column = z.object({ column: z.number().int().min(0), letter: z.string(), header: z.string() });

export const StoredMapping = z.object({
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
  personalNumberColumns: z.array(Column.extend({ row: z.number().int().min(1).optional() })),
  unmatched: z.array(Column),
});

export const StoredSheetConfig = z.object({
  v: z.literal(1),
  ledgerId: z.string().regex(LEDGER_ID),
  claimType: z.string().min(1).max(100),
  mapping: StoredMapping,
});
export type StoredSheetConfig = z.infer<typeof StoredSheetConfig>;
