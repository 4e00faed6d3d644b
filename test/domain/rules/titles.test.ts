/**
 * Every rule's title: what clerks see in place of the id, so each must be short, Japanese, and
 * tell one rule from another; the English one stands in for it on English Office.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../domain/rules/catalogue.js';
import { defineRule } from '../../../domain/rules/rule.js';

/** Kana, kanji, the middle dot and digits (執行停止後3年): no Latin letters, no spaces, no brackets. */
const JAPANESE_TITLE = /^[\u3040-\u30ff\u4e00-\u9fff・0-9]+$/u;
const KANA_OR_KANJI = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const length = (s: string) => [...s].length;

describe('rule titles', () => {
  it.each(RULES.map((r) => [r.id, r.title.ja] as const))('%s: 「%s」 is Japanese, 6 to 12 characters', (_, ja) => {
    expect(ja).toMatch(JAPANESE_TITLE);
    expect(ja).toMatch(KANA_OR_KANJI);
    expect(length(ja)).toBeGreaterThanOrEqual(6);
    expect(length(ja)).toBeLessThanOrEqual(12);
  });

  it.each(RULES.map((r) => [r.id, r.title.en] as const))('%s: "%s" is a short English phrase', (_, en) => {
    expect(en).toMatch(/^[A-Z][A-Za-z' -]+$/);
    expect(en.length).toBeLessThanOrEqual(32);
  });

  it('tells every rule apart, in both languages', () => {
    for (const lang of ['ja', 'en'] as const) {
      const titles = RULES.map((r) => r.title[lang]);
      const repeated = titles.filter((t, i) => titles.indexOf(t) !== i);
      expect(repeated, lang).toEqual([]);
    }
  });

  it('is required: an entry without one does not compile', () => {
    const text = { ja: '条件', en: 'condition' };
    // @ts-expect-error a rule must have a title
    const untitled = defineRule({ id: 'DATE_ORDER', severity: 'error', group: 'data', basis: null, condition: text, message: text, reads: [] }); // prettier-ignore
    expect(untitled.title).toBeUndefined();
  });
});
