/** Yen as staff type them (`1,234,567`, `１２３４円`) and as the pane shows them. */
import { MAX_YEN, MAX_YEN_LABEL } from '../../domain/values/limits.js';
import { formatNumber, type Translate } from '../i18n/messages.js';

export type YenInput = { ok: true; value: number | null } | { ok: false; tooLarge?: boolean };

/** Blank → null; whole yen 0..MAX_YEN with optional separators and 円; anything else is not ok. */
export function parseYen(text: string): YenInput {
  const s = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
    .replace(/円$/, '');
  if (s === '') return { ok: true, value: null };
  if (!/^\d+$/.test(s)) return { ok: false };
  const n = Number(s);
  if (n > MAX_YEN) return { ok: false, tooLarge: true };
  return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false };
}

/** Why an amount cannot be sent, in the user's language; null when it can. */
export function yenProblem(t: Translate, y: YenInput, what: string): string | null {
  if (y.ok) return null;
  return y.tooLarge ? t('ov.plan.tooLarge', { what, max: MAX_YEN_LABEL }) : t('ov.plan.badYen', { what });
}

export const yenText = (n: number | null | undefined): string =>
  n === null || n === undefined ? '－' : formatNumber(n);

/** `2024-09` → `2024年9月` (or `Sep 2024`-like in English, through the catalogue). */
export function monthLabel(t: Translate, month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? t('ov.monthLabel', { year: m[1]!, month: Number(m[2]) }) : month;
}
