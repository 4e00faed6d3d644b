/**
 * The result of header detection: which column holds which field, and why, so the task pane can
 * show the mapping and let the user correct it before it is stored in the workbook.
 */
import type { FieldKey } from './catalogue.js';

/** Why a column was matched: its header equals the field's label, one of its synonyms, or the user said so. */
export type MatchReason = 'label' | 'synonym' | 'user';

export interface ColumnMapping {
  field: FieldKey;
  /** 0-based column index. */
  column: number;
  /** Column letter as Excel shows it (A, B, … AA). */
  letter: string;
  /** The header text as it stands in the sheet (parent and child joined for two-row headers). */
  header: string;
  reason: MatchReason;
  /** The label or synonym it matched, after normalisation. */
  matched: string;
  /** 1000 where the header says （千円）: amounts in thousands of yen. */
  scale: 1 | 1000;
}

export interface HeaderDetection {
  /** 1-based worksheet rows that form the header (one or two). */
  headerRows: number[];
  /** 1-based row where data begins (the row after the last header row). */
  dataStartRow: number;
  columns: ColumnMapping[];
  /** Columns headed 個人番号 / マイナンバー: never mapped, read or sent. */
  personalNumberColumns: { column: number; letter: string; header: string; row?: number }[];
  /** Headed columns that matched no field, for the UI to offer. */
  unmatched: { column: number; letter: string; header: string }[];
}
