/**
 * Phone numbers and My Number-like numbers, found on folded text (fold.ts) as chains of digit
 * groups: digits joined by one separator each (a dash, dot, slash, 「・」, underscore, 〜, の or spaces,
 * with or without parentheses), so 「03 (1234) 5678」 and 「1234・5678・9012」 read the same.
 * Within a chain, the groups that make a phone number or a My Number are picked out:
 * - phone: 10 or 11 digits starting 0 and a non-zero digit (or +81, 0081, 81 as a group of its
 *   own), written together, one digit at a time, or as an area code of 2–5 digits … a last group
 *   of 3–4 digits;
 * - my-number: exactly 12 digits, as one group, as groups of three digits or more (4-4-4, 6-6),
 *   or one digit at a time. Never part of a longer run of digits (13 digits or more), never with
 *   two-digit groups (dates and times: 2024-05-31 09:30), never all zeros (a placeholder), never
 *   the fraction of 0.123456789012; where equal groups continue past 12 digits (a 16-digit card
 *   number), only whole multiples of 12 count.
 * Commas join groups only as 4-4-4 (1234,5678,9012): 123,456,789,012 is an amount.
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

// After a group: spaces, at most one parenthesis on either side, one or two separator characters
// (〜 too: a range has two ends, 1234〜5678〜9012 is no range; の as read aloud: 090の1234の5678).
// Commas are read too, but only 4-4-4 with commas counts (1234,5678,9012): 123,456 is an amount.
const SEPARATOR =
  / {0,3}(?:\) {0,2}(?:[-./・_~〜の]{1,2} {0,2})?\(? {0,2}|[-./・_~〜の]{1,2} {0,2}\(? {0,2}|\( {0,2}|[,、] {0,2})?/y;

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

/**
 * For each group, the first and last group of the run of equal-sized groups with one separator
 * around it: 1234 5678 9012 3456 is one run of four (a card number, not a My Number and a bit).
 */
function runsOf(groups: Group[]): { first: number[]; last: number[] } {
  const first: number[] = [];
  const last: number[] = [];
  for (let k = 0; k < groups.length; k++) {
    const prev = k - 1;
    const continues =
      k > 0 &&
      groups[k]!.digits.length === groups[prev]!.digits.length &&
      (first[prev] === prev || groups[k]!.sep === groups[prev]!.sep);
    first.push(continues ? first[prev]! : k);
  }
  for (let k = groups.length - 1; k >= 0; k--) {
    last[k] = k + 1 < groups.length && first[k + 1] === first[k] ? last[k + 1]! : k;
  }
  return { first, last };
}

function isMyNumber(groups: Group[], a: number, b: number, runs: { first: number[]; last: number[] }): boolean {
  const digits = groups.slice(a, b + 1).map((g) => g.digits);
  if (/^0+$/.test(digits.join(''))) return false;
  // Twelve digits after 「0.」 are a fraction, not a number of their own.
  if (a === b) return a === 0 || groups[a]!.sep !== '.' || groups[a]!.start - groups[a - 1]!.end > 1;
  const sizes = digits.map((d) => d.length);
  if (groups.slice(a + 1, b + 1).some((g) => /[,、]/.test(g.sep))) return sizes.join() === '4,4,4';
  if (!sizes.every((s) => s >= 3) && !sizes.every((s) => s === 1)) return false;
  // Equal groups going on with the same separator: a card or account number, unless they come
  // to a whole number of 12-digit numbers (two My Numbers in a row).
  if (runs.first[b]! > a) return true;
  return ((runs.last[a]! - runs.first[a]! + 1) * sizes[0]!) % 12 === 0;
}

function isPhone(groups: Group[], a: number, b: number, plus: boolean): boolean {
  if (groups.slice(a + 1, b + 1).some((g) => /[,、]/.test(g.sep))) return false;
  let digits = groups
    .slice(a, b + 1)
    .map((g) => g.digits)
    .join('');
  // 0081 and a bare 81 as their own group are the country code too: 0081-90-…, 81-90-….
  const international = (plus && a === 0) || (b > a && (groups[a]!.digits === '0081' || groups[a]!.digits === '81'));
  if (digits.startsWith('0081') && international) digits = digits.slice(2);
  if (international) {
    if (!digits.startsWith('81')) return false;
    digits = digits[2] === '0' ? digits.slice(2) : `0${digits.slice(2)}`;
  } else if (!groups[a]!.digits.startsWith('0')) return false;
  if (digits.length !== 10 && digits.length !== 11) return false;
  if (!/^0[1-9]/.test(digits)) return false;
  if (a === b) return true;
  const sizes = groups.slice(a, b + 1).map((g) => g.digits.length);
  if (sizes.every((s) => s === 1)) return true;
  // Area code (or mobile prefix) of 2–5 digits, local part, and a subscriber number of 4 digits
  // (3 in 0120-123-456): a date range such as 04/01-2024/05 ends in two digits and is no phone.
  const [first, last] = [sizes[0]!, sizes.at(-1)!];
  return first <= (international ? 4 : 5) && last >= 3 && sizes.slice(1, -1).every((s) => s <= 4);
}

export function findNumbers(text: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text[i])) continue;
    const { groups, end } = readChain(text, i);
    const plus = /\+ ?$/.test(text.slice(Math.max(0, i - 2), i));
    const runs = runsOf(groups);
    for (let a = 0; a < groups.length; a++) {
      let found: { b: number; kind: NumberKind } | null = null;
      let total = 0;
      for (let b = a; b < groups.length; b++) {
        total += groups[b]!.digits.length;
        if (total > 14) break;
        // After 「+」 the digits are a phone number (+819012345678), even 12 of them.
        const international = plus && a === 0;
        if (total === 12 && !international && isMyNumber(groups, a, b, runs)) found = { b, kind: 'my-number' };
        else if ((!found || international) && total >= 10 && isPhone(groups, a, b, plus)) {
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
