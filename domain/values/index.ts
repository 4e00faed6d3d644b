/**
 * The value parsers, and `parseField`, which reads a cell by the type its field has in the catalogue.
 */
import { formatISO, type Day } from '../calendar/day.js';
import type { FieldDef, FieldType } from '../fields/catalogue.js';
import { isBlankNormalized, normalizeText } from '../text/normalize.js';
import { parseBoolean } from './boolean.js';
import { parseDate } from './date.js';
import { ENUM_ALIASES, parseEnum } from './enum.js';
import { parseFiscalYear } from './fiscal-year.js';
import { parseInteger } from './integer.js';
import { BLANK, invalid, valueOf, type Cell, type Parsed } from './parsed.js';
import { parseYenScaled } from './yen.js';

export * from './parsed.js';
export { parseDate, formatDateJa, formatDateKanji, excelSerialOf, MAX_EXCEL_SERIAL } from './date.js';
export { parseFiscalYear, MIN_FISCAL_YEAR, MAX_FISCAL_YEAR } from './fiscal-year.js';
export { parseYen, parseYenScaled, MAX_YEN } from './yen.js';
export { parseBoolean } from './boolean.js';
export { parseEnum, parseEnumField, ENUM_ALIASES, type EnumValues, type EnumFieldKey } from './enum.js';
export { parseInteger } from './integer.js';

/** What each field type reads as. 'booleanOrDate' is a yes/no: a day of delegation means yes. */
export interface FieldValues {
  text: string;
  enum: string;
  fiscalYear: number;
  date: Day;
  yen: number;
  integer: number;
  boolean: boolean;
  booleanOrDate: boolean;
}

export interface ParseFieldOptions {
  /** The allowed values of an enum field; without them every enum value is 'unknown-option'. */
  options?: readonly string[];
  aliases?: Readonly<Record<string, string>>;
  /** 1000 for a column headed `（千円）`. */
  scale?: 1 | 1000;
}

export function parseField<K extends FieldType>(type: K, cell: Cell, opts?: ParseFieldOptions): Parsed<FieldValues[K]>;
export function parseField(type: FieldType, cell: Cell, opts: ParseFieldOptions = {}): Parsed<FieldValues[FieldType]> {
  switch (type) {
    case 'text':
      return parseText(cell);
    case 'enum':
      return parseEnum(cell, opts.options ?? [], opts.aliases);
    case 'fiscalYear':
      return parseFiscalYear(cell);
    case 'date':
      return parseDate(cell);
    case 'yen':
      return parseYenScaled(cell, opts.scale ?? 1);
    case 'integer':
      return parseInteger(cell);
    case 'boolean':
      return parseBoolean(cell);
    case 'booleanOrDate':
      return parseBooleanOrDate(cell);
    default:
      return invalid('unreadable');
  }
}

/** A cell of a catalogue field: its type, its options and the shipped aliases. */
export function parseFieldOf(def: FieldDef, cell: Cell, scale: 1 | 1000 = 1): Parsed<FieldValues[FieldType]> {
  return parseField(def.type, cell, { options: def.options, aliases: ENUM_ALIASES[def.key], scale });
}

/** Text as the rules compare it: NFKC, trimmed; numbers as written, dates as ISO days. */
export function parseText(cell: Cell): Parsed<string> {
  if (typeof cell === 'string') {
    const t = normalizeText(cell);
    return isBlankNormalized(t) ? BLANK : valueOf(t);
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? valueOf(String(cell)) : invalid('unreadable');
  if (typeof cell === 'boolean') return valueOf(cell ? 'TRUE' : 'FALSE');
  if (cell === null || cell === undefined) return BLANK;
  if (cell instanceof Date) {
    const d = parseDate(cell);
    if (!d.ok) return d;
    return d.value === null ? BLANK : valueOf(formatISO(d.value));
  }
  return invalid('unreadable');
}

/**
 * 弁護士委任: a tick (○, TRUE, 1) or a day of delegation both mean yes. When the cell is neither, the
 * date parser's reason is the more telling one (`令和6年2月30日` is 'no-such-day').
 */
export function parseBooleanOrDate(cell: Cell): Parsed<boolean> {
  const b = parseBoolean(cell);
  if (b.ok) return b;
  const d = parseDate(cell);
  if (!d.ok) return d;
  return d.value === null ? BLANK : valueOf(true);
}
