/**
 * The debtor's name, address and phone from the sheet, where those columns are mapped. These are
 * personal fields (`sync: never`): the engine never reads them, so the worklist reads them here, for
 * the list that stays in the workbook or on the clerk's machine.
 */
import type { HeaderDetection } from '../fields/mapping.js';
import { parseText } from '../values/index.js';
import type { Cell } from '../values/parsed.js';

/** Personal data: never sent to the service, never logged; only for the clerk's own list. */
export interface DebtorContact {
  name: string | null;
  address: string | null;
  phone: string | null;
}

const CONTACT_FIELDS = { debtorName: 'name', address: 'address', phone: 'phone' } as const;

/** Which contact columns the mapping has: the exports add a column only for these. */
export function mappedContactFields(mapping: HeaderDetection): (keyof DebtorContact)[] {
  const mapped = new Set(mapping.columns.map((c) => c.field));
  return (Object.keys(CONTACT_FIELDS) as (keyof typeof CONTACT_FIELDS)[])
    .filter((f) => mapped.has(f))
    .map((f) => CONTACT_FIELDS[f]);
}

/** The contact of every data row that has one, by 1-based worksheet row (`grid[0]` is row 1). */
export function readContacts(
  grid: readonly (readonly Cell[] | undefined)[],
  mapping: HeaderDetection,
): Map<number, DebtorContact> {
  const columns = mapping.columns.flatMap((c) =>
    c.field in CONTACT_FIELDS
      ? [{ key: CONTACT_FIELDS[c.field as keyof typeof CONTACT_FIELDS], column: c.column }]
      : [],
  );
  const out = new Map<number, DebtorContact>();
  if (columns.length === 0) return out;
  for (let r = mapping.dataStartRow; r <= grid.length; r++) {
    const cells = grid[r - 1];
    if (!cells) continue;
    let contact: DebtorContact | null = null;
    for (const { key, column } of columns) {
      const p = parseText(cells[column]);
      if (p.ok && p.value !== null) (contact ??= { name: null, address: null, phone: null })[key] = p.value;
    }
    if (contact) out.set(r, contact);
  }
  return out;
}
