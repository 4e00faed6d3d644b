/**
 * The service checks synced rows with the same engine as the pane: the stored values become a
 * grid whose columns are the sync fields in a fixed order, with a mapping made to match.
 */
import { fieldDef } from '../fields/catalogue.js';
import { columnLetter } from '../fields/column-letter.js';
import type { HeaderDetection } from '../fields/mapping.js';
import type { Cell } from '../values/parsed.js';
import type { ReadField } from '../engine/ledger-row.js';
import { SYNC_FIELDS } from './fields.js';
import type { SyncRowValues } from './protocol.js';

/** The mapping of the service's grid: header on row 1, one column per sync field the sheet maps. */
export function syncedMapping(mapped: readonly ReadField[]): HeaderDetection {
  const set = new Set(mapped);
  return {
    headerRows: [1],
    dataStartRow: 2,
    columns: SYNC_FIELDS.filter((f) => set.has(f)).map((field) => ({
      field,
      column: SYNC_FIELDS.indexOf(field),
      letter: columnLetter(SYNC_FIELDS.indexOf(field)),
      header: fieldDef(field).label,
      reason: 'label' as const,
      matched: fieldDef(field).label,
      scale: 1 as const,
    })),
    personalNumberColumns: [],
    unmatched: [],
  };
}

/** One grid row for stored values (a missing field is a blank cell). */
export function syncedCells(values: SyncRowValues): Cell[] {
  return SYNC_FIELDS.map((f) => values[f] ?? null);
}
