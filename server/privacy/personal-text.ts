/**
 * The one gate for free text that leaves a workbook (plans, reviews, proposals, hard cases, names
 * of ledgers and plan lines): text that looks personal is refused 422 `looks-personal` with its
 * spans until the sender edits it or confirms it is not personal; a My Number-like number is
 * refused whatever the confirmation. Nothing is stripped or changed silently.
 */
import { isAlwaysRefused, scanFields, type FieldFindings } from '../../domain/privacy/personal-text.js';
import { ApiFailure } from '../../domain/api/errors.js';

export const MY_NUMBER_MESSAGE =
  'マイナンバー（個人番号）と思われる12桁の数字があります。個人番号は送れません。該当箇所を削除してください。';
export const LOOKS_PERSONAL_MESSAGE =
  '氏名・住所・電話番号など、個人を特定できる情報のように見える記載があります。該当箇所を修正するか、個人情報ではないことを確認のうえ送ってください。';

/** The 422 for findings (`confirmable` false when one of them can never be sent). */
function looksPersonal(findings: FieldFindings[]): ApiFailure {
  const refused = findings.some((f) => f.spans.some(isAlwaysRefused));
  return new ApiFailure(422, 'looks-personal', refused ? MY_NUMBER_MESSAGE : LOOKS_PERSONAL_MESSAGE, {
    fields: findings,
    confirmable: !refused,
  });
}

/**
 * Refuses personal-looking text unless confirmed (never a My Number). Returns the kinds the sender
 * confirmed, counted, for the audit log (never the text).
 */
export function guardPersonalText(
  fields: Readonly<Record<string, string | null | undefined>>,
  confirmed: boolean,
): Record<string, number> {
  const findings = scanFields(fields);
  const refused = findings.some((f) => f.spans.some(isAlwaysRefused));
  if (findings.length && (refused || !confirmed)) throw looksPersonal(findings);
  const counts: Record<string, number> = {};
  for (const f of findings) for (const s of f.spans) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  return counts;
}
