/**
 * Finds text that looks like personal data in what a division writes to accounting or finance
 * (処理困難事案): names, addresses, phone numbers, e-mail addresses and My Number-like numbers. It
 * only points at spans; the form shows them and the user edits or confirms. Nothing is removed.
 *
 * - address: a municipality (…市/区/町/村/郡, optionally after a prefecture) followed by a block
 *   number (3丁目1番1号, 1番地, 1-2-3); a bare 「3丁目1番」 or 「5番地」; 〒 or 郵便番号 with a postal code.
 * - phone: 0 followed by 9–10 digits in the usual groupings (052-961-1111, 090-1234-5678,
 *   (052)961-1111, 0529611111), or +81; full-width digits and dashes count the same.
 * - my-number: twelve digits in a row (or 4-4-4): refused even when the user confirms, because a
 *   12-digit number in a case note is far more likely a My Number than anything the case needs.
 * Spans are UTF-16 offsets into the text as given.
 */
import { foldForPatterns } from './fold.js';
import { findNames } from './names.js';

export type PersonalKind = 'name' | 'address' | 'phone' | 'email' | 'my-number';

export interface PersonalSpan {
  start: number;
  end: number;
  kind: PersonalKind;
}

export const PERSONAL_KIND_LABELS: Record<PersonalKind, string> = {
  name: '氏名',
  address: '住所',
  phone: '電話番号',
  email: 'メールアドレス',
  'my-number': '個人番号（マイナンバー）',
};

/** Which kind wins where two overlap: the more certain and the more sensitive. */
const PRIORITY: Record<PersonalKind, number> = { 'my-number': 5, email: 4, phone: 3, address: 2, name: 1 };

const MY_NUMBER = /(?<![0-9])[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const PHONE = /(?<![0-9])(?:\+81[- ]?\(?[1-9]|\(?0)[0-9]{0,4}\)?[- ]?[0-9]{1,4}[- )]?[0-9]{3,4}(?![0-9])/g;
const POSTAL = /(?:〒|郵便番号[ :：]*)[ ]?[0-9]{3}-?[0-9]{4}(?![0-9])/gu;

const HAN = '\\p{Script=Han}々ヶケ';
const TOWN = '\\p{Script=Han}\\p{Script=Katakana}ー々ヶケの';
const KANJI_DIGITS = '一二三四五六七八九十〇';
const BLOCK = `(?:[0-9${KANJI_DIGITS}]+丁目(?:[0-9]+(?:番地?|-)(?:[0-9]+号?)?)?|[0-9]+番地?(?:の?[0-9]+号?)?|[0-9]{1,4}-[0-9]{1,4}(?:-[0-9]{1,4})?)`;
// 市税, 区分, 町内会, 市役所 …: a municipality character starting an everyday word is no address.
const NOT_PLACE_WORD = '(?![分域長民税役場立営内外議会政費債])';
const ADDRESS = new RegExp(
  `(?:北海道|東京都|京都府|大阪府|[${HAN}]{2,3}県)?[${HAN}]{1,6}[市区町村郡]${NOT_PLACE_WORD}[${TOWN}]{0,12}?(${BLOCK})`,
  'gu',
);
const BARE_BLOCK = new RegExp(`[0-9${KANJI_DIGITS}]+丁目[0-9]+番地?(?:[0-9]+号?)?|[0-9]+番地(?:の?[0-9]+)?`, 'gu');
const DATE_LIKE = /^(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}$/;

const digitsIn = (s: string) => s.replace(/[^0-9]/g, '').length;

function* matches(re: RegExp, text: string): Generator<RegExpMatchArray & { index: number }> {
  for (const m of text.matchAll(re)) yield m as RegExpMatchArray & { index: number };
}

function candidates(text: string): PersonalSpan[] {
  const folded = foldForPatterns(text);
  const out: PersonalSpan[] = [];
  const add = (m: { index: number; 0: string }, kind: PersonalKind) =>
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  for (const m of matches(MY_NUMBER, folded)) add(m, 'my-number');
  for (const m of matches(EMAIL, folded)) add(m, 'email');
  for (const m of matches(PHONE, folded)) {
    const n = m[0].startsWith('+81') ? digitsIn(m[0]) - 2 + 1 : digitsIn(m[0]);
    // Parentheses must pair: 「(052)961-1111」, not 「052)961」.
    const balanced = m[0].includes('(') === m[0].includes(')');
    if ((n === 10 || n === 11) && balanced) add(m, 'phone');
  }
  for (const m of matches(POSTAL, folded)) add(m, 'address');
  for (const m of matches(ADDRESS, folded)) if (!DATE_LIKE.test(m[1]!)) add(m, 'address');
  for (const m of matches(BARE_BLOCK, folded)) add(m, 'address');
  for (const s of findNames(text)) out.push({ ...s, kind: 'name' });
  return out;
}

/**
 * The spans of `text` that look personal, in text order, without overlaps: spans of one kind that
 * touch are merged; where kinds overlap, the higher-priority kind keeps its span.
 */
export function findPersonalText(text: string): PersonalSpan[] {
  const sorted = candidates(text).sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || a.start - b.start);
  const kept: PersonalSpan[] = [];
  for (const s of sorted) {
    const overlapping = kept.filter((k) => k.start < s.end && s.start < k.end);
    if (overlapping.some((k) => k.kind !== s.kind)) continue;
    for (const k of overlapping) kept.splice(kept.indexOf(k), 1);
    kept.push({
      kind: s.kind,
      start: Math.min(s.start, ...overlapping.map((k) => k.start)),
      end: Math.max(s.end, ...overlapping.map((k) => k.end)),
    });
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** True when a span can never be sent, whatever the user confirms. */
export const isAlwaysRefused = (s: PersonalSpan): boolean => s.kind === 'my-number';

export interface FieldFindings {
  field: string;
  spans: PersonalSpan[];
}

/** Scans named text fields; only fields with findings are returned, in the order given. */
export function scanFields(fields: Readonly<Record<string, string | null | undefined>>): FieldFindings[] {
  return Object.entries(fields).flatMap(([field, text]) => {
    const spans = text ? findPersonalText(text) : [];
    return spans.length ? [{ field, spans }] : [];
  });
}
