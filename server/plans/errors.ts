/**
 * Why an import was refused: `{ code, message, details: { row, column, value? } }`. The message is
 * Japanese and names the row, so finance can fix the sheet without reading the details.
 */
import { ApiFailure, type ApiErrorCode } from '../../domain/api/errors.js';

export interface ImportErrorDetails {
  /** 1-based row of the sheet (CSV: record number; .xlsx: worksheet row); null for the whole file. */
  row: number | null;
  /** The column's header as the template names it; null where no one column is at fault. */
  column: string | null;
  value?: string;
  [more: string]: unknown;
}

const MAX_VALUE = 100;

export function importError(
  status: 400 | 415 | 422,
  code: ApiErrorCode,
  problem: string,
  details: ImportErrorDetails,
): ApiFailure {
  const where = [details.row === null ? '' : `${details.row}行目`, details.column ? `「${details.column}」` : '']
    .filter(Boolean)
    .join('');
  const value = details.value === undefined ? undefined : details.value.slice(0, MAX_VALUE);
  const shown = value === undefined || value === '' ? '' : `（値: ${value}）`;
  const message = `計画を取り込めませんでした。${where ? `${where}: ` : ''}${problem}${shown}何も取り込んでいません。`;
  return new ApiFailure(status, code, message, value === undefined ? details : { ...details, value });
}
