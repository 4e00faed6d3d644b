/**
 * A length-preserving fold for pattern matching: full-width digits, letters, @ and hyphen-like
 * dashes become their ASCII forms one code unit for one, so a span found in the folded text is
 * the same span in what the user typed (NFKC would move offsets: ㈱ → (株)).
 */

const DASHES = new Set(['－', '−', '‐', '‑', '‒', '–', '—', '―', 'ｰ', '─', '━', '﹣']);

function foldChar(ch: string, katakanaBar: boolean): string {
  const c = ch.charCodeAt(0);
  // Full-width ASCII block (！..～) → ASCII.
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000) return ' ';
  if (DASHES.has(ch)) return '-';
  // 「ー」 is how many type a dash in ０９０ー１２３４ー５６７８; only between digits is it one.
  if (katakanaBar && ch === 'ー') return '-';
  return ch;
}

/** Folds `text`; 「ー」 becomes "-" only where a digit stands on both sides. */
export function foldForPatterns(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const between = ch === 'ー' && isDigitAt(text, i - 1) && isDigitAt(text, i + 1);
    out += foldChar(ch, between);
  }
  return out;
}

function isDigitAt(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined) return false;
  return /[0-9０-９]/.test(ch);
}
