/**
 * Names of bureaus, divisions, claims, ledgers and plan lines as the service stores them: NFKC
 * (so 「子ども青少年局」 typed with half-width kana or full-width spaces is one bureau), spaces
 * collapsed and trimmed, and refused when they hold characters that make two names look alike or
 * a line misbehave: control characters (NUL, tab, newline), zero-width and invisible characters,
 * bidirectional overrides and lone surrogates.
 */

export type NameProblem = 'empty' | 'too-long' | 'control' | 'invisible' | 'bidi' | 'surrogate';

export type NameCheck = { ok: true; value: string } | { ok: false; problem: NameProblem };

type Ranges = readonly (readonly [number, number])[];

/** C0/C1 controls and DEL. */
const CONTROL: Ranges = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
];
/** Zero-width and other invisible format characters (soft hyphen, word joiner, BOM, tag characters…). */
const INVISIBLE: Ranges = [
  [0xad, 0xad], [0x34f, 0x34f], [0x61c, 0x61c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f],
  [0x200b, 0x200d], [0x2060, 0x2064], [0x206a, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
  [0xffa0, 0xffa0], [0xe0000, 0xe0fff],
]; // prettier-ignore
/** Explicit direction marks, embeddings, overrides and isolates. */
const BIDI: Ranges = [
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];

const hasAny = (text: string, ranges: Ranges) => {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ranges.some(([lo, hi]) => c >= lo && c <= hi)) return true;
  }
  return false;
};
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function checkName(raw: string, maxLength = 100): NameCheck {
  if (LONE_SURROGATE.test(raw)) return { ok: false, problem: 'surrogate' };
  // Checked before spaces are folded: \s would turn a tab, a newline or a BOM into a plain space.
  if (hasAny(raw, CONTROL)) return { ok: false, problem: 'control' };
  if (hasAny(raw, BIDI)) return { ok: false, problem: 'bidi' };
  if (hasAny(raw, INVISIBLE)) return { ok: false, problem: 'invisible' };
  const value = raw.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (value === '') return { ok: false, problem: 'empty' };
  if ([...value].length > maxLength) return { ok: false, problem: 'too-long' };
  return { ok: true, value };
}

/** Why a name was refused, in Japanese (`what` names the field: 局名, 課名, 台帳名 …). */
export function nameProblemMessage(what: string, problem: NameProblem, maxLength = 100): string {
  switch (problem) {
    case 'empty':
      return `${what}を入力してください。`;
    case 'too-long':
      return `${what}は ${maxLength} 文字以内で入力してください。`;
    case 'control':
      return `${what}に制御文字（改行・タブ・NUL など）は使えません。`;
    case 'invisible':
      return `${what}に見えない文字（ゼロ幅スペースなど）が含まれています。削除してから入力してください。`;
    case 'bidi':
      return `${what}に文字の向きを変える制御文字が含まれています。削除してから入力してください。`;
    case 'surrogate':
      return `${what}に壊れた文字（対になっていないサロゲート）が含まれています。`;
  }
}
