/** Fills a rule's message template (`{name}` → param), in the user's language. */
import type { Locale, ParamValue } from './types.js';
import type { RuleDef } from '../rules/rule.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/** The message names the rule's legal basis where it has one (`rules.md`). */
export function renderMessage(rule: RuleDef, params: Record<string, ParamValue>, locale: Locale = 'ja'): string {
  const template = locale === 'en' ? rule.message.en : rule.message.ja;
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? v.toLocaleString('ja-JP') : v;
  });
  if (!rule.basis) return text;
  return locale === 'en' ? `${text} (Basis: ${rule.basis.en})` : `${text}（根拠: ${rule.basis.ja}）`;
}
