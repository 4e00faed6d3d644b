/**
 * Phone numbers and My Number-like numbers, found on folded text (fold.ts) as chains of digit
 * groups: digits joined by one separator each (a dash, dot, slash, 「・」, underscore or spaces,
 * with or without parentheses), so 「03 (1234) 5678」 and 「1234・5678・9012」 read the same.
 * Within a chain, the groups that make a phone number or a My Number are picked out:
 * - phone: 10 or 11 digits starting 0 and a non-zero digit (or +81), the first group short;
 * - my-number: exactly 12 digits, as one group, as groups of three digits or more (4-4-4, 6-6),
 *   or one digit at a time. Never part of a longer run of digits (13 digits or more), never with
 *   two-digit groups (dates and times: 2024-05-31 09:30), never all zeros (a placeholder); where
 *   equal groups continue past 12 digits (a 16-digit card number), only whole multiples of 12 count.
 * Commas are no separator: 123,456,789,012 is an amount.
 */

export type NumberKind = 'phone' | 'my-number';

export interface NumberSpan {
  start: number;
  end: number;
  kind: NumberKind;
}

interface Group {
  start: number;
  end: number;
  digits: string;
  /** The separator before this group, spaces trimmed (" " when it is spaces only). */
  sep: string;
}

// After a group: spaces, at most one parenthesis on either side, at most one separator character.
const SEPARATOR = / {0,3}(?:\) {0,2}(?:[-./・_] {0,2})?\(? {0,2}|[-./・_] {0,2}\(? {0,2}|\( {0,2})?/y;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function readChain(text: string, at: number): { groups: Group[]; end: number } {
  const groups: Group[] = [];
  let i = at;
  let sep = '';
  for (;;) {
    let j = i;
    while (isDigit(text[j])) j++;
    groups.push({ start: i, end: j, digits: text.slice(i, j), sep });
    SEPARATOR.lastIndex = j;
    const m = SEPARATOR.exec(text);
    const next = j + (m ? m[0].length : 0);
    if (next === j || !isDigit(text[next])) return { groups, end: j };
    sep = m![0].replace(/ /g, '') || ' ';
    i = next;
  }
}

function isMyNumber(groups: Group[], a: number, b: number): boolean {
  const digits = groups.slice(a, b + 1).map((g) => g.digits);
  if (/^0+$/.test(digits.join(''))) return false;
  if (a === b) return true;
  const sizes = digits.map((d) => d.length);
  if (!sizes.every((s) => s >= 3) && !sizes.every((s) => s === 1)) return false;
  // Equal groups going on with the same separator: a card or account number, unless they come
  // to a whole number of 12-digit numbers (two My Numbers in a row).
  const size = sizes[0]!;
  if (sizes.some((s) => s !== size)) return true;
  const sep = groups[a + 1]!.sep;
  const fits = (k: number) => groups[k]?.digits.length === size;
  let first = a;
  while (first > 0 && fits(first - 1) && groups[first]!.sep === sep) first--;
  let last = b;
  while (fits(last + 1) && groups[last + 1]!.sep === sep) last++;
  return ((last - first + 1) * size) % 12 === 0;
}

function isPhone(groups: Group[], a: number, b: number, plus: boolean): boolean {
  let digits = groups
    .slice(a, b + 1)
    .map((g) => g.digits)
    .join('');
  if (plus && a === 0) {
    if (!digits.startsWith('81')) return false;
    digits = digits[2] === '0' ? digits.slice(2) : `0${digits.slice(2)}`;
  } else if (!groups[a]!.digits.startsWith('0')) return false;
  if (digits.length !== 10 && digits.length !== 11) return false;
  if (!/^0[1-9]/.test(digits)) return false;
  // The area code or the mobile prefix is one group of 2–5 digits, unless all is written together.
  return a === b || groups[a]!.digits.length <= (plus && a === 0 ? 4 : 5);
}

export function findNumbers(text: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text[i])) continue;
    const { groups, end } = readChain(text, i);
    const plus = /\+ ?$/.test(text.slice(Math.max(0, i - 2), i));
    for (let a = 0; a < groups.length; a++) {
      let found: { b: number; kind: NumberKind } | null = null;
      let total = 0;
      for (let b = a; b < groups.length; b++) {
        total += groups[b]!.digits.length;
        if (total > 13) break;
        if (total === 12 && isMyNumber(groups, a, b)) found = { b, kind: 'my-number' };
        else if (!found && total >= 10 && isPhone(groups, a, b, plus)) {
          found = { b, kind: 'phone' };
        }
      }
      if (!found) continue;
      let start = groups[a]!.start;
      const last = groups[found.b]!;
      let stop = last.end;
      if (found.kind === 'phone') {
        // Take in 「+81」 and a parenthesised area code: (052)961-1111.
        if (plus && a === 0) start = text.lastIndexOf('+', start);
        else if (/\( ?$/.test(text.slice(Math.max(0, start - 2), start))) start = text.lastIndexOf('(', start);
        const inside = text.slice(start, stop);
        if (text[stop] === ')' && inside.split('(').length > inside.split(')').length) stop++;
      }
      out.push({ start, end: stop, kind: found.kind });
      a = found.b;
    }
    i = end;
  }
  return out;
}
