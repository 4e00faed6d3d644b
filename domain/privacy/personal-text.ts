/**
 * Finds text that looks like personal data in what a division writes to accounting or finance
 * (処理困難事案) and in other free text that leaves a workbook: names, addresses, phone numbers,
 * e-mail addresses, birth dates and My Number-like numbers. It only points at spans; the form
 * shows them and the user edits or confirms. Nothing is removed.
 *
 * Everything is matched on folded text (fold.ts: NFKC, digits of any script and kanji digits among
 * digits → 0–9, invisible characters dropped, spaces and dashes unified), so 「〇九〇ー一二三四ー五六七八」
 * and 「0\u200b90-1234-5678」 are the phone number they look like. Spans are UTF-16 offsets into
 * the text as given.
 * - address: a municipality (…市/区/町/村/郡, optionally after a prefecture) followed by a block
 *   number (3丁目1番1号, 1番地, 1-2-3); a town followed by 3-1-1; a bare 「3丁目1番」, 「三丁目一番一号」
 *   or 「5番地」; 〒 or 郵便番号 with a postal code.
 * - phone, my-number: see numbers.ts. A My Number-like number is refused even when the user
 *   confirms, because a 12-digit number in a case note is far more likely a My Number than
 *   anything the case needs.
 * - email: plain or spelt out (yamada at example dot jp, yamada[at]example.jp, アット).
 * - birth-date: a date after 生年月日・誕生日・DOB, or a date followed by 生/生まれ.
 */
import { foldText, toOriginal } from './fold.js';
import { findNames } from './names.js';
import { findNumbers } from './numbers.js';

export type PersonalKind = 'name' | 'address' | 'phone' | 'email' | 'birth-date' | 'my-number';

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
  'birth-date': '生年月日',
  'my-number': '個人番号（マイナンバー）',
};

/** Which kind wins where two overlap: the more certain and the more sensitive. */
const PRIORITY: Record<PersonalKind, number> = {
  'my-number': 6,
  email: 5,
  phone: 4,
  'birth-date': 3,
  address: 2,
  name: 1,
};

const AT = String.raw`(?: ?[@★☆*◎●■] ?|[_-]at[_-]| ?[\[(<{] ?(?:at|@|アット|あっと) ?[\])>}] ?| +at +| ?(?:アットマーク|アット|あっと) ?)`;
const DOT = String.raw`(?:[.。]| [.。] |[_-]dot[_-]| ?[\[(<{] ?(?:dot|\.|ドット|どっと) ?[\])>}] ?| +dot +| ?(?:ドット|どっと) ?)`;
// The lookbehind starts the local part only where a run begins: no quadratic retries on long text.
// The last label is letters (jp, com): 5*3.5 and 1@2.5 are arithmetic, not addresses.
const EMAIL = new RegExp(
  String.raw`(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+${AT}[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)*${DOT}[A-Za-z]{2,}(?![A-Za-z0-9-])`,
  'giu',
);
const POSTAL = /(?:〒|郵便番号 ?[:=]?) ?[0-9]{3} ?-? ?[0-9]{4}(?![0-9])/gu;

const HAN = '\\p{Script=Han}々ヶケ';
const TOWN = '\\p{Script=Han}\\p{Script=Katakana}ー々ヶケの';
/** Digits in block numbers: folded digits, or kanji numerals standing alone (三丁目一番一号). */
const D = '[0-9〇一二三四五六七八九十]';
const BLOCK = `(?:${D}+丁目(?:${D}+(?:番地?|-)(?:${D}+号?)?)?|${D}+番地?(?:の?${D}+号?)?|[0-9]{1,4}-[0-9]{1,4}(?:-[0-9]{1,4})?)`;
// 市税, 区分, 町内会, 市役所 …: a municipality character starting an everyday word is no address.
const NOT_PLACE_WORD = '(?![分域長民税役場立営内外議会政費債画])';
const ADDRESS = new RegExp(
  `(?:北海道|東京都|京都府|大阪府|[${HAN}]{2,3}県)?[${HAN}]{1,6}[市区町村郡]${NOT_PLACE_WORD}[${TOWN}]{0,12}? ?(${BLOCK})`,
  'gu',
);
/** A town name and 3-1-1 (栄3-1-1, 三の丸3-1-1): three groups, the word before not a heading. */
const TOWN_BLOCK = new RegExp(
  `(?<![${HAN}のノ])([${HAN}][${HAN}のノ]{0,5}) ?([0-9]{1,4}-[0-9]{1,4}-[0-9]{1,4}(?:-[0-9]{1,4})?)(?![0-9]|-[0-9])`,
  'gu',
);
const NOT_TOWN =
  /(?:[層分号条項第表番級階式目期類型款節章編欄頁行列枠段回件年月日度版費料税額率室棟図例案点位法令則書等順序録照考題問答票覧定準針策種巻課係局別程]|令和|平成|昭和|大正|明治)$/u;
const BARE_BLOCK = new RegExp(
  `(?<!${D})${D}+丁目${D}+(?:番地?|-)(?:の?${D}+号?)?|(?<!${D})${D}+番地(?:の?${D}+号?)?`,
  'gu',
);
const DATE_LIKE = /^(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}$/;

/** Numbers in dates: folded digits or kanji numerals (昭和五十五年一月二日), 元 for the first year. */
const N = '[0-9〇一二三四五六七八九十元]';
const ERA = '(?:明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHRmtshr]\\.? ?)';
const DATE = `(?:${ERA}?${N}{1,4}(?: ?\\(${N}{4}\\))? ?(?:年 ?${N}{1,2} ?月 ?${N}{1,3} ?日?|[./-] ?${N}{1,2} ?[./-] ?${N}{1,4}(?![0-9]))|(?:19|20)[0-9]{6}(?![0-9]))`;
// Latin labels only as words of their own: 「Adobe」 holds no DOB.
const BIRTH_LABEL = '(?:生年月日|誕生日|生まれ|(?<![A-Za-z])(?:D\\.?O\\.?B\\.?|date of birth|birth ?date|birthday))';
const BIRTH_DATE = new RegExp(
  `${BIRTH_LABEL}(?: ?[(（]?(?:西暦|和暦)[)）]?)?[ :=は()、,]{0,3}(?:${DATE}|${N}{1,2} ?(?:月 ?${N}{1,2} ?日|[./] ?${N}{1,2}(?![0-9./])))|${DATE} ?(?:生まれ|生)(?![活産計徒命涯存])`,
  'giu',
);

type Match = RegExpMatchArray & { index: number };
const matches = (re: RegExp, text: string) => text.matchAll(re) as IterableIterator<Match>;

function candidates(text: string): PersonalSpan[] {
  const f = foldText(text);
  const t = f.text;
  const out: PersonalSpan[] = [];
  const add = (start: number, end: number, kind: PersonalKind) => {
    if (end > start) out.push({ ...toOriginal(f, start, end), kind });
  };
  const addMatch = (m: Match, kind: PersonalKind) => add(m.index, m.index + m[0].length, kind);
  for (const s of findNumbers(t)) add(s.start, s.end, s.kind);
  if (/[@at★☆*◎●■アあ]/iu.test(t)) for (const m of matches(EMAIL, t)) addMatch(m, 'email');
  if (/[生誕bB]/u.test(t)) for (const m of matches(BIRTH_DATE, t)) addMatch(m, 'birth-date');
  for (const m of matches(POSTAL, t)) addMatch(m, 'address');
  if (/[市区町村郡]/u.test(t)) for (const m of matches(ADDRESS, t)) if (!DATE_LIKE.test(m[1]!)) addMatch(m, 'address');
  if (t.includes('-')) {
    for (const m of matches(TOWN_BLOCK, t)) {
      if (!NOT_TOWN.test(m[1]!) && !DATE_LIKE.test(m[2]!)) addMatch(m, 'address');
    }
  }
  if (/[丁番]/u.test(t)) for (const m of matches(BARE_BLOCK, t)) addMatch(m, 'address');
  for (const s of findNames(t)) add(s.start, s.end, 'name');
  return out;
}

/**
 * The spans of `text` that look personal, in text order, without overlaps: spans of one kind that
 * overlap are merged; where kinds overlap, the higher-priority kind keeps its span.
 */
export function findPersonalText(text: string): PersonalSpan[] {
  const found = candidates(text);
  if (found.length < 2) return found;
  const byKind = new Map<PersonalKind, PersonalSpan[]>();
  for (const s of found) {
    const list = byKind.get(s.kind);
    if (list) list.push(s);
    else byKind.set(s.kind, [s]);
  }
  const kinds = [...byKind.keys()].sort((a, b) => PRIORITY[b] - PRIORITY[a]);
  // Kept spans never overlap one another: sorted by start, a binary search finds a clash.
  let kept: PersonalSpan[] = [];
  for (const kind of kinds) {
    const mine: PersonalSpan[] = [];
    for (const s of byKind.get(kind)!.sort((a, b) => a.start - b.start)) {
      if (clashes(kept, s)) continue;
      const cur = mine.at(-1);
      if (cur && s.start < cur.end) cur.end = Math.max(cur.end, s.end);
      else mine.push({ start: s.start, end: s.end, kind });
    }
    kept = mergeSorted(kept, mine);
  }
  return kept;
}

function clashes(kept: readonly PersonalSpan[], s: PersonalSpan): boolean {
  // The first kept span ending after s starts is the only one that can overlap it.
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kept[mid]!.end <= s.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < kept.length && kept[lo]!.start < s.end;
}

function mergeSorted(a: PersonalSpan[], b: PersonalSpan[]): PersonalSpan[] {
  const out: PersonalSpan[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
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
