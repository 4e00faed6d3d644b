/**
 * ExcelJS cell values → the primitives the engine reads (string | number | boolean | Date | null), as the
 * ExcelJS-based reader converted them.
 */
import type { Cell } from '../../../../domain/values/parsed.js';
import { excelSerialToDate, FORMULA_ERROR_TEXT, isDateFormat } from '../../../../server/io/cell-value.js';

export interface CellContext {
  numFmt?: string;
  date1904: boolean;
  /** The cached result of a boolean or error formula, from the sheet's XML. */
  typedResult?: boolean | string;
}

/** A primitive value as it stands; undefined for ExcelJS's object values (formulas, rich text, …). */
export function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v : null;
  return undefined;
}

function richText(v: { richText?: unknown }): string | null {
  const runs = Array.isArray(v.richText) ? (v.richText as { text?: unknown }[]) : [];
  const text = runs.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  return text === '' ? null : text;
}

export function toCell(v: unknown, ctx: CellContext): Cell {
  const p = plainCell(v);
  if (p !== undefined) return p;
  if (typeof v !== 'object' || v === null) return String(v);
  const o = v as Record<string, unknown>;
  if ('richText' in o) return richText(o);
  if ('formula' in o || 'sharedFormula' in o) return formulaResult(o.result, ctx);
  if ('error' in o) return String(o.error);
  if ('text' in o) return toCell(o.text, ctx); // a hyperlink: its text
  return null;
}

function formulaResult(result: unknown, ctx: CellContext): Cell {
  if (ctx.typedResult !== undefined) return ctx.typedResult;
  if (typeof result === 'number') {
    if (Number.isNaN(result)) return FORMULA_ERROR_TEXT;
    if (isDateFormat(ctx.numFmt)) return excelSerialToDate(result, ctx.date1904);
  }
  if (result !== null && typeof result === 'object' && 'error' in result) return String(result.error);
  return toCell(result, { date1904: ctx.date1904 });
}
