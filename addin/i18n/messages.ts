/** One small message catalogue: Japanese first, English when Office's UI language is not Japanese. */
import { ja } from './ja.js';
import { en } from './en.js';

export type Locale = 'ja' | 'en';
export type MessageKey = keyof typeof ja;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function localeOf(displayLanguage: string): Locale {
  return /^ja(-|$)/i.test(displayLanguage) ? 'ja' : 'en';
}

export function translator(locale: Locale): Translate {
  const table: Record<MessageKey, string> = locale === 'ja' ? ja : en;
  return (key, params) => {
    const text = table[key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };
}

/** Yen and counts with thousands separators, as ledgers print them. */
export function formatNumber(n: number): string {
  return n.toLocaleString('ja-JP');
}
