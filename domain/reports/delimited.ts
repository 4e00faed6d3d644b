/**
 * The one writer of delimited text (CSV and TSV) in saiken, so that every export is safe to open in
 * Excel: a text field that Excel would read as a formula (OWASP "CSV injection": it starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, and a field is quoted as CSV
 * requires (it holds the delimiter, `"`, CR or LF; inner quotes doubled).
 *
 * Numbers are not text: a `number` or `bigint` the project writes as a number (an amount of
 * `-1234`) is written as it is, so Excel still reads it as the number it is. Only strings are
 * escaped, whatever they hold: a string `-1234` (a clerk's text, a name) becomes `'-1234`.
 * Amounts the project formats itself for print (`△ 13`, `2,934,892`, `95.40`, `－`) never start
 * with a trigger character, so the seed's table is written to the character.
 */

export type DelimitedValue = string | number | bigint | boolean | null | undefined;

/** OWASP's formula triggers: `= + - @`, tab (0x09) and carriage return (0x0D). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet opening the text could take it for a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A text with `'` in front when it starts like a formula (the quote is what Excel shows as "text"). */
export function neutralizeFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** One field, escaped and quoted for a line separated by `delimiter`. */
export function delimitedField(value: DelimitedValue, delimiter: ',' | '\t'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = neutralizeFormula(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

interface DelimitedOptions {
  delimiter: ',' | '\t';
  /** Line end: `\r\n` for CSV as Excel saves it, `\n` for the seed's TSV. */
  newline: '\n' | '\r\n';
}

/** Rows to text, every line (the last too) ending in `newline`. */
function formatDelimited(rows: Iterable<readonly DelimitedValue[]>, o: DelimitedOptions): string {
  let out = '';
  for (const row of rows) out += row.map((v) => delimitedField(v, o.delimiter)).join(o.delimiter) + o.newline;
  return out;
}

export const formatCsv = (rows: Iterable<readonly DelimitedValue[]>, newline: '\n' | '\r\n' = '\r\n') =>
  formatDelimited(rows, { delimiter: ',', newline });

export const formatTsv = (rows: Iterable<readonly DelimitedValue[]>, newline: '\n' | '\r\n' = '\n') =>
  formatDelimited(rows, { delimiter: '\t', newline });
