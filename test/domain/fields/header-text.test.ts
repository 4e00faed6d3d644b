import { describe, expect, it } from 'vitest';
import {
  headerCellText,
  headerScale,
  isPersonalNumberHeader,
  matchHeader,
  normalizeHeader,
} from '../../../domain/fields/header-text.js';
import { FIELDS } from '../../../domain/fields/catalogue.js';

describe('normalizeHeader', () => {
  it.each([
    ['督促状\n発付日', '督促状発付日'],
    ['督促状\r\n発付日', '督促状発付日'],
    ['収入 未済額', '収入未済額'],
    ['収入\u3000未済額', '収入未済額'],
    ['  氏名\t', '氏名'],
    ['債務者ＩＤ', '債務者ID'],
    ['ﾏｲﾅﾝﾊﾞｰ', 'マイナンバー'],
    ['調定額(円)', '調定額'],
    ['調定額（円）', '調定額'],
    ['調定額（千円）', '調定額'],
    ['調定額 ( 千円 )', '調定額'],
    ['調定額[円]', '調定額'],
    ['調定額［千円］', '調定額'],
    ['調定額【円】', '調定額'],
    ['調定額（単位：千円）', '調定額'],
    ['催告件数（件）', '催告件数'],
    ['催告回数(回)', '催告回数'],
    ['経過（日）', '経過'],
    ['（千円）調定額', '調定額'],
    ['氏名（カナ）', '氏名(カナ)'],
    ['個人番号（マイナンバー）', '個人番号(マイナンバー)'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });
});

describe('headerScale', () => {
  it.each([
    ['調定額（千円）', 1000],
    ['調定額(千円)', 1000],
    ['調定額【千円】', 1000],
    ['金額（単位：千円）', 1000],
    ['調定額 （ 千円 ）', 1000],
    ['調定額（円）', 1],
    ['調定額', 1],
    ['千円', 1],
    ['', 1],
  ] as const)('%j → %d', (raw, expected) => {
    expect(headerScale(raw)).toBe(expected);
  });
});

describe('headerCellText', () => {
  it.each([
    ['  氏名 ', '氏名'],
    [12, '12'],
    [Number.NaN, ''],
    [true, ''],
    [new Date(2024, 3, 1), ''],
    [null, ''],
    [undefined, ''],
  ] as const)('%j → %j', (cell, expected) => {
    expect(headerCellText(cell)).toBe(expected);
  });
});

describe('matchHeader', () => {
  it.each(FIELDS.map((d) => [d.key, d.label] as const))('%s: its label %s', (key, label) => {
    expect(matchHeader(normalizeHeader(label))).toEqual({ field: key, reason: 'label' });
  });

  it.each(FIELDS.flatMap((d) => d.synonyms.map((s) => [d.key, s] as const)))('%s: synonym %s', (key, synonym) => {
    expect(matchHeader(normalizeHeader(synonym))).toEqual({ field: key, reason: 'synonym' });
  });

  it('matches nothing else', () => {
    expect(matchHeader('備考')).toBeUndefined();
    expect(matchHeader('')).toBeUndefined();
  });
});

describe('isPersonalNumberHeader', () => {
  it.each([
    ['個人番号', true],
    ['マイナンバー', true],
    ['個人番号(マイナンバー)', true],
    ['マイナンバー(個人番号)', true],
    ['債務者番号', false],
    ['法人番号', false],
  ] as const)('%s → %s', (norm, expected) => {
    expect(isPersonalNumberHeader(norm)).toBe(expected);
  });
});
