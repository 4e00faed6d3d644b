/**
 * Excel's worksheet change event as the pane sees it. Only `address`, `changeType` and `source` are
 * read: `details` exists for a single cell only (a paste or a fill over many cells has none).
 */
import type { ChangeKind, SheetChange } from './workbook-port.js';

const KINDS: Readonly<Record<string, ChangeKind>> = {
  RangeEdited: 'edit',
  RowInserted: 'rows-inserted',
  RowDeleted: 'rows-deleted',
  ColumnInserted: 'columns-inserted',
  ColumnDeleted: 'columns-deleted',
  CellInserted: 'cells-inserted',
  CellDeleted: 'cells-deleted',
};

export interface ChangedArgs {
  address: string;
  changeType?: string;
  source?: string;
}

export function toSheetChange(args: ChangedArgs): SheetChange {
  return {
    address: args.address,
    kind: KINDS[args.changeType ?? ''] ?? 'unknown',
    remote: args.source === 'Remote',
  };
}
