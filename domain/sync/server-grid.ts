/**
 * The service checks synced rows with the same engine as the pane: the stored values become a
 * grid whose columns are the sync fields in a fixed order, with a mapping made to match.
 */
import { fieldDef } from '../fields/catalogue.js';
import { columnLetter } from '../fields/column-letter.js';
import type { HeaderDetection } from '../fields/mapping.js';
import type { Cell } from '../values/parsed.js';
import { parseFieldOf } from '../values/index.js';
import type { ReadField } from '../engine/ledger-row.js';
import { SYNC_FIELDS } from './fields.js';
import type { SyncRowValues } from './protocol.js';
import { isUnreadable, UNREADABLE_CODES, type UnreadableCode } from './values.js';

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

/**
 * Cells that no reader can use, by the reason they give. None of them is anyone's text: an
 * unreadable marker becomes the first of these that the field's own parser refuses for the same
 * reason, so the engine finds the same INVALID_* finding (same rule, same reason) as the pane did,
 * and a finding made here can only quote this placeholder.
 */
const PLACEHOLDERS: Record<UnreadableCode, readonly Cell[]> = {
  unreadable: ['\u{fffd}', Number.NaN],
  fraction: [0.5],
  'no-such-day': ['2023-02-30'],
  'out-of-range': ['1800-01-01', 1e16, 2 ** 53, 0, -1],
  'unknown-option': ['\u{fffd}'],
  negative: [-1],
};

function gives(field: ReadField, cell: Cell, code: UnreadableCode | null): boolean {
  const p = parseFieldOf(fieldDef(field), cell);
  if (code === 'negative') return p.ok && fieldDef(field).type === 'yen' && typeof p.value === 'number' && p.value < 0;
  return !p.ok && (code === null || p.reason === code);
}

/**
 * Per field and reason, the placeholder cell. Where a field's parser never gives that reason (a
 * marker a pane could not have made), any cell the field cannot read: the same INVALID_* rule still.
 */
const PLACEHOLDER = new Map<ReadField, Record<UnreadableCode, Cell>>(
  SYNC_FIELDS.map((field) => {
    const all = UNREADABLE_CODES.flatMap((c) => PLACEHOLDERS[c]);
    const fallback = all.find((c) => gives(field, c, null) || gives(field, c, 'negative'));
    if (fallback === undefined) throw new Error(`no unreadable placeholder for ${field}`);
    const byCode = Object.fromEntries(
      UNREADABLE_CODES.map((code) => [code, PLACEHOLDERS[code].find((c) => gives(field, c, code)) ?? fallback]),
    ) as Record<UnreadableCode, Cell>;
    return [field, byCode];
  }),
);

/** The cell for one stored value: a marker becomes its placeholder. */
export function syncedCell(field: ReadField, v: SyncRowValues[ReadField]): Cell {
  if (v === undefined || v === null) return null;
  if (isUnreadable(v)) return PLACEHOLDER.get(field)![v.unreadable] ?? PLACEHOLDER.get(field)!.unreadable;
  return v;
}

/** One grid row for stored values (a missing field is a blank cell). */
export function syncedCells(values: SyncRowValues): Cell[] {
  const cells = new Array<Cell>(SYNC_FIELDS.length);
  for (let i = 0; i < SYNC_FIELDS.length; i++) cells[i] = syncedCell(SYNC_FIELDS[i]!, values[SYNC_FIELDS[i]!]);
  return cells;
}
