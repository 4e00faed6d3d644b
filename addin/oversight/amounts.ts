/** Yen as staff type them (`1,234,567`, `１２３４円`) and as the pane shows them. */
import { formatNumber, type Translate } from '../i18n/messages.js';

export type YenInput = { ok: true; value: number | null } | { ok: false };

/** Blank → null; whole yen ≥ 0 with optional separators and 円; anything else is not ok. */
export function parseYen(text: string): YenInput {
  const s = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
    .replace(/円$/, '');
  if (s === '') return { ok: true, value: null };
  if (!/^\d+$/.test(s)) return { ok: false };
  const n = Number(s);
  return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false };
}

export const yenText = (n: number | null | undefined): string =>
  n === null || n === undefined ? '－' : formatNumber(n);

/** `2024-09` → `2024年9月` (or `Sep 2024`-like in English, through the catalogue). */
export function monthLabel(t: Translate, month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? t('ov.monthLabel', { year: m[1]!, month: Number(m[2]) }) : month;
}
