/**
 * What a cell shows for the few number formats the add-in writes: General, Text ('@'), `0`, `0.0`,
 * `0.00`, `#,##0`, `#,##0.00`, and sections with quoted text (`#,##0;"△ "#,##0`). Excel rounds
 * half away from zero on display; so does this. Any other format fails loudly, so a test never
 * passes on a guess.
 */
import { roundHalfAwayFromZero } from '../../../../domain/targets/index.js';
import type { CellValue } from './model.js';

function sections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  return [...out, cur];
}

function number(abs: number, pattern: string): string {
  const m = /^(#,##0|0)(?:\.(0+))?$/.exec(pattern);
  if (!m) throw new Error(`the stand-in cannot show the format ${pattern}`);
  const decimals = m[2]?.length ?? 0;
  const fixed = roundHalfAwayFromZero(abs, decimals).toFixed(decimals);
  if (m[1] !== '#,##0') return fixed;
  const [int, frac] = fixed.split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+$)/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** One section: quoted literals around one numeric pattern. */
function section(abs: number, fmt: string): string {
  let out = '';
  let pattern = '';
  for (const part of fmt.match(/"[^"]*"|[^"]+/g) ?? []) {
    if (part.startsWith('"')) out += part.slice(1, -1);
    else {
      pattern = part;
      out += '\u0000';
    }
  }
  return out.replace('\u0000', number(abs, pattern));
}

export function shownText(value: CellValue, format: string): string {
  if (typeof value !== 'number' || format === 'General' || format === '@') return String(value);
  const [pos = '', neg] = sections(format);
  if (value < 0) return neg === undefined ? '-' + section(-value, pos) : section(-value, neg);
  return section(value, pos);
}

const DATE_FORMAT = /[ymdge]/i;

/** The date of a 1900-system serial, as year, month and day. */
function ymd(serial: number): [number, number, number] {
  const d = new Date(Math.round((serial - 25569) * 86_400_000));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/**
 * `Range.text` as each Excel shows a cell: a date-formatted serial reads `R6.4.1` on the desktop (the
 * 和暦 format as written) and `2024/4/1` on the web, where an East Asian date format falls back to the
 * Gregorian calendar. Other cells as `shownText`, or their value where the stand-in cannot format them.
 */
export function displayedText(value: CellValue, format: string, platform: 'desktop' | 'web'): string {
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  if (typeof value === 'number' && format !== 'General' && DATE_FORMAT.test(bare)) {
    const [y, m, d] = ymd(value);
    return platform === 'web' ? `${y}/${m}/${d}` : `R${y - 2018}.${m}.${d}`;
  }
  try {
    return shownText(value, format);
  } catch {
    return String(value);
  }
}
