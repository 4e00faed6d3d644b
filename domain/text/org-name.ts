/**
 * Names of bureaus, divisions, claims, ledgers and plan lines as the service stores them: NFKC
 * (so 「子ども青少年局」 typed with half-width kana or full-width spaces is one bureau), spaces
 * collapsed and trimmed, and refused when they hold characters that make two names look alike or
 * a line misbehave: control characters (NUL, tab, newline), zero-width and invisible characters,
 * bidirectional overrides and lone surrogates.
 */

export type NameProblem = 'empty' | 'too-long' | 'control' | 'invisible' | 'bidi' | 'surrogate';

export type NameCheck = { ok: true; value: string } | { ok: false; problem: NameProblem };

/** C0/C1 controls and DEL. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
/** Zero-width and other invisible format characters (soft hyphen, word joiner, BOM, tag characters…). */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2064\u206a-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e0fff}]/u;
/** Explicit direction marks, embeddings, overrides and isolates. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function checkName(raw: string, maxLength = 100): NameCheck {
  if (LONE_SURROGATE.test(raw)) return { ok: false, problem: 'surrogate' };
  const value = raw.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (CONTROL.test(raw)) return { ok: false, problem: 'control' };
  if (BIDI.test(value)) return { ok: false, problem: 'bidi' };
  if (INVISIBLE.test(value)) return { ok: false, problem: 'invisible' };
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
