/** The mapping step's logic: which columns to offer, a user's correction, a first guess of the claim type. */
import type { Cell } from '../../domain/values/parsed.js';
import type { HeaderDetection } from '../../domain/fields/mapping.js';
import type { FieldKey } from '../../domain/fields/catalogue.js';
import { applyUserMapping, type UserMappingResult } from '../../domain/fields/header.js';
import { ClaimTypeIndex, DEFAULT_CLAIM_TYPES } from '../../domain/claims/claim-types.js';

/** A headed column of the sheet as the mapping step lists it: its field, if any, and why. */
export interface DraftColumn {
  column: number;
  letter: string;
  header: string;
  field: FieldKey | null;
  reason: 'label' | 'synonym' | 'user' | null;
  /** 個人番号 / マイナンバー: refused, never mapped. */
  refused: boolean;
}

/** Every headed column in sheet order, with its field (if any). */
export function sheetColumns(d: HeaderDetection): DraftColumn[] {
  const cols: DraftColumn[] = [
    ...d.columns.map((c) => ({ ...pick(c), field: c.field, reason: c.reason, refused: false })),
    ...d.unmatched.map((c) => ({ ...pick(c), field: null, reason: null, refused: false })),
    ...d.personalNumberColumns.map((c) => ({ ...pick(c), field: null, reason: null, refused: true })),
  ];
  return cols.sort((a, b) => a.column - b.column);
}

const pick = (c: { column: number; letter: string; header: string }) => ({
  column: c.column,
  letter: c.letter,
  header: c.header,
});

/** Gives a column to a field (or takes its field away, `null`). */
export function editColumn(d: HeaderDetection, column: number, field: FieldKey | null): UserMappingResult {
  if (field !== null) return applyUserMapping(d, { [field]: column });
  const current = d.columns.find((c) => c.column === column)?.field;
  return current ? applyUserMapping(d, { [current]: null }) : { ok: true, detection: d };
}

/** The claim-type picker's list (until the service offers one). */
export const CLAIM_TYPE_NAMES: readonly string[] = DEFAULT_CLAIM_TYPES.claimTypes.map((c) => c.names[0] ?? '');

/**
 * A first guess: a known claim type named in the 債権名 column's first value or in a title row
 * above the header (`令和6年度 国民健康保険料 債権管理台帳`); else that column's text as typed.
 */
export function guessClaimType(rows: readonly (readonly Cell[])[], d: HeaderDetection): string {
  const index = new ClaimTypeIndex();
  const col = d.columns.find((c) => c.field === 'claimType')?.column;
  let columnText = '';
  if (col !== undefined) {
    for (let r = d.dataStartRow - 1; r < rows.length && columnText === ''; r++) {
      const v = rows[r]?.[col];
      if (typeof v === 'string') columnText = v.trim();
    }
  }
  const texts = [columnText];
  for (let r = 0; r < (d.headerRows[0] ?? 1) - 1; r++) {
    for (const c of rows[r] ?? []) if (typeof c === 'string') texts.push(c);
  }
  for (const t of texts) {
    const hit = t ? index.lookup(t) : null;
    if (hit) return hit.names[0] ?? t;
  }
  return columnText.slice(0, 100);
}

/** Required fields (REQUIRED_MISSING) without a column. */
export function missingRequired(d: HeaderDetection): FieldKey[] {
  const mapped = new Set(d.columns.map((c) => c.field));
  return (['debtorId', 'dueDate', 'assessedAmount'] as const).filter((f) => !mapped.has(f));
}
