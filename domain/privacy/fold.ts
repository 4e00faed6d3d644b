/**
 * Folding for pattern matching. People (and copy-paste) spell the same phone number many ways:
 * full-width, kanji or Arabic-Indic digits, odd dashes and spaces, zero-width characters between
 * the digits. `foldText` turns those into one plain spelling so a handful of patterns can match,
 * and keeps, for every folded code unit, where it came from: spans are reported on the text as
 * given, because the pane highlights them there.
 */

export interface Folded {
  /** The text as given. */
  source: string;
  /** The folded text the patterns run on. */
  text: string;
  /** For each code unit of `text`, the offset in the original of the character it came from… */
  from: number[];
  /** …and the end of that character (NFKC can make several code units out of one: ㈱ → (株)). */
  to: number[];
}

const ATTACHED = /[\p{M}\ufe00-\ufe0f]/u;

/** The original span behind the folded span [start, end), with the marks its last character carries. */
export function toOriginal(f: Folded, start: number, end: number): { start: number; end: number } {
  let stop = f.to[end - 1]!;
  // A dropped keycap or variation selector after the last digit belongs to it: 8️⃣ is highlighted whole.
  while (stop < f.source.length && ATTACHED.test(f.source[stop]!)) stop++;
  return { start: f.from[start]!, end: stop };
}

/** Digits written in kanji, read as digits only next to other digits (see foldText). */
export const KANJI_DIGITS: Readonly<Record<string, string>> = {
  '〇': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
  壱: '1', 弐: '2', 参: '3',
}; // prettier-ignore

// Separators between digit groups, after folding.
const GROUP_SEPARATORS = '-./・_ ';

const DASHES = new Set([...'‐‑‒–—―−⁃˗─━⎯➖﹘﹣－﹣']);
const DOTS = new Set([...'·‧∙•⋅']);
const SLASHES = new Set([...'∕⁄']);
// Invisible or decoration only: format characters (zero-width space/joiners, word joiner, BOM,
// soft hyphen, bidi controls) and combining marks (variation selectors, an underline, the keycap
// of 0️⃣). Kana sound marks stay: they are composed back below (ﾀﾞ → ダ).
const INVISIBLE = /^(?:\p{Cf}|(?![\u3099\u309a])\p{M})$/u;
const SPACE = /^[\p{Zs}\t]$/u;
const DECIMAL = /^\p{Nd}$/u;
const COMBINING_SOUND_MARK = /^[\u3099\u309a]$/;

/** Circled and negative-circled numbers: a lone one is a list marker (①分納), a run of them a number. */
function isCircled(cp: number): boolean {
  return (cp >= 0x2460 && cp <= 0x24ff) || (cp >= 0x2776 && cp <= 0x2793) || (cp >= 0x3251 && cp <= 0x32bf);
}

function circledValue(ch: string, cp: number): string {
  if (cp >= 0x2776 && cp <= 0x2793) return String(((cp - 0x2776) % 10) + 1);
  return ch.normalize('NFKC');
}

const cache = new Map<string, string>();

/** One code point, folded on its own: NFKC, then digits of any script, spaces, dashes, dots. */
function foldCodePoint(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = '';
  if (INVISIBLE.test(ch)) out = '';
  else if (ch === '\u309b' || ch === '\u309c') out = ch === '\u309b' ? '\u3099' : '\u309a';
  else {
    for (const c of ch.normalize('NFKC')) {
      if (SPACE.test(c)) out += ' ';
      else if (DASHES.has(c)) out += '-';
      else if (DOTS.has(c)) out += '・';
      else if (SLASHES.has(c)) out += '/';
      else if (c > '\u007f' && DECIMAL.test(c)) out += digitValue(c);
      else out += c;
    }
  }
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

/** The value of a decimal digit of any script: its distance from the start of its run of ten. */
function digitValue(c: string): string {
  const cp = c.codePointAt(0)!;
  let zero = cp;
  while (cp - zero < 9 && DECIMAL.test(String.fromCodePoint(zero - 1))) zero--;
  return String(cp - zero);
}

/** Code points that fold to themselves: ASCII (but tab), kana and the common kanji block. */
function isPlain(cp: number): boolean {
  return (
    (cp >= 0x20 && cp < 0x7f) ||
    cp === 0x0a ||
    (cp >= 0x3041 && cp <= 0x3096) ||
    (cp >= 0x30a1 && cp <= 0x30fa) ||
    (cp >= 0x4e00 && cp <= 0x9fff)
  );
}

/**
 * Folds `text` for the detectors: NFKC (full-width → ASCII, ㈱ → (株), superscripts, 𝟘 → 0),
 * decimal digits of every script → 0–9, invisible characters dropped, every space → " ", dash
 * look-alikes → "-", middle dots → "・". Two readings depend on the neighbours: 「ー」 is a dash
 * only between digits (０９０ー１２３４), and a kanji digit is a digit only beside another digit or
 * a separator and a digit (〇九〇一二三四五六七八, 三-一-一), so 一括, 三浦 and 四日市 stay words.
 */
export function foldText(text: string): Folded {
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = len === 1 ? text[i]! : text.slice(i, i + len);
    let folded: string;
    if (isPlain(cp)) folded = ch;
    else if (isCircled(cp)) folded = circledRun(text, i, len) ? circledValue(ch, cp) : ch;
    else folded = foldCodePoint(ch);
    if (COMBINING_SOUND_MARK.test(folded) && chars.length) {
      // Half-width ﾀﾞ folds to タ + a combining mark: compose them back into ダ.
      const composed = (chars[chars.length - 1]! + folded).normalize('NFC');
      if (composed.length === 1) {
        chars[chars.length - 1] = composed;
        to[to.length - 1] = i + len;
        i += len;
        continue;
      }
    }
    for (let k = 0; k < folded.length; k++) {
      chars.push(folded[k]!);
      from.push(i);
      to.push(i + len);
    }
    i += len;
  }
  readDigitsInContext(chars);
  return { source: text, text: chars.join(''), from, to };
}

function circledRun(text: string, i: number, len: number): boolean {
  const before = i > 0 ? text.codePointAt(i - 1 - (/[\udc00-\udfff]/.test(text[i - 1]!) ? 1 : 0)) : undefined;
  const after = text.codePointAt(i + len);
  return (before !== undefined && isCircled(before)) || (after !== undefined && isCircled(after));
}

const isAsciiDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isKanjiDigit = (c: string | undefined) => c !== undefined && Object.hasOwn(KANJI_DIGITS, c);
const isDigitLike = (c: string | undefined) => isAsciiDigit(c) || isKanjiDigit(c);
const isSeparator = (c: string | undefined) => c !== undefined && (GROUP_SEPARATORS.includes(c) || c === 'ー');

/** Second pass, on the folded characters: 「ー」 between digits and kanji digits among digits. */
function readDigitsInContext(chars: string[]): void {
  const n = chars.length;
  const kanji: number[] = [];
  for (let i = 0; i < n; i++) if (isKanjiDigit(chars[i])) kanji.push(i);
  const near = (i: number, d: number) =>
    isDigitLike(chars[i + d]) || (isSeparator(chars[i + d]) && isDigitLike(chars[i + 2 * d]));
  const toDigit = kanji.filter((i) => near(i, -1) || near(i, 1));
  // 「ー」 as a dash may have a space on either side: １２３４ ー ５６７８.
  const digitBeside = (i: number, d: number) =>
    isDigitLike(chars[i + d]) || (chars[i + d] === ' ' && isDigitLike(chars[i + 2 * d]));
  for (let i = 0; i < n; i++) {
    if (chars[i] === 'ー' && digitBeside(i, -1) && digitBeside(i, 1)) chars[i] = '-';
  }
  for (const i of toDigit) chars[i] = KANJI_DIGITS[chars[i]!]!;
}
