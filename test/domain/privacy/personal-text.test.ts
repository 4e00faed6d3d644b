/** What looks personal in a case note, and what does not: many everyday notes must pass. */
import { describe, expect, it } from 'vitest';
import {
  findPersonalText,
  isAlwaysRefused,
  scanFields,
  type PersonalKind,
} from '../../../domain/privacy/personal-text.js';

/** The spans as [kind, text] pairs, for readable expectations. */
const found = (text: string) => findPersonalText(text).map((s) => [s.kind, text.slice(s.start, s.end)]);

const POSITIVE: [string, PersonalKind, string][] = [
  ['山田太郎様', 'name', '山田太郎様'],
  ['債務者は山田さんの長男', 'name', '山田さん'],
  ['ヤマダ様から入電', 'name', 'ヤマダ様'],
  ['鈴木 一郎に電話', 'name', '鈴木 一郎'],
  ['田中花子が来庁', 'name', '田中花子'],
  ['佐々木由美子に文書', 'name', '佐々木由美子'],
  ['氏名：高橋次郎', 'name', '氏名：高橋次郎'],
  ['名前 なかむら', 'name', '名前 なかむら'],
  ['宛名は小川殿', 'name', '小川殿'],
  ['渡辺氏と面談', 'name', '渡辺氏'],
  ['名古屋市中区三の丸3丁目1番1号', 'address', '名古屋市中区三の丸3丁目1番1号'],
  ['愛知県名古屋市中区三の丸三丁目1番1号に居住', 'address', '愛知県名古屋市中区三の丸三丁目1番1号'],
  ['転居先は中区栄1-2-3', 'address', '中区栄1-2-3'],
  ['転居先は中区栄１－２－３', 'address', '中区栄１－２－３'],
  ['千種区今池5番地', 'address', '千種区今池5番地'],
  ['3丁目1番の集合住宅', 'address', '3丁目1番'],
  ['〒460-8508', 'address', '〒460-8508'],
  ['郵便番号：4608508', 'address', '郵便番号：4608508'],
  ['052-961-1111', 'phone', '052-961-1111'],
  ['(052)961-1111に折り返し', 'phone', '(052)961-1111'],
  ['0529611111', 'phone', '0529611111'],
  ['携帯 090-1234-5678', 'phone', '090-1234-5678'],
  ['０９０−１２３４−５６７８', 'phone', '０９０−１２３４−５６７８'],
  ['０９０ー１２３４ー５６７８', 'phone', '０９０ー１２３４ー５６７８'],
  ['08012345678', 'phone', '08012345678'],
  ['0120-123-456', 'phone', '0120-123-456'],
  ['+81-90-1234-5678', 'phone', '+81-90-1234-5678'],
  ['連絡先 yamada.taro@example.jp', 'email', 'yamada.taro@example.jp'],
  ['ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ', 'email', 'ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ'],
  ['番号123456789012を確認', 'my-number', '123456789012'],
  ['1234 5678 9012', 'my-number', '1234 5678 9012'],
  ['１２３４－５６７８－９０１２', 'my-number', '１２３４－５６７８－９０１２'],
];

const NEGATIVE = [
  '分納の相談あり',
  '令和6年4月1日に電話催告',
  '2024-05-31 納期限',
  '納期限2024-05-31',
  '市民税2024-05-31',
  '調定額 1,200,000円、収入済額 300,000円',
  '滞納繰越分 12件',
  '市税事務所に相談',
  '中村区役所で納付相談',
  '千葉県から転入',
  '上野駅前の店舗',
  '担当者様へ確認',
  'お客様',
  'ご本人様と面談',
  '皆様にお知らせ',
  '同様の事案が3件',
  '仕様の確認',
  '〇〇様',
  'Ａ様に文書催告',
  '債務者Ａの連帯保証人様',
  '第1号様式',
  '催告書を3回送付',
  '生活困窮者自立支援の窓口へ案内',
  '口座振替を勧奨',
  '債権区分1-2',
  '第3期分',
  '勤務先へ電話催告、次は臨戸',
  '執行停止3年経過',
  '電話番号は不明',
  '佐藤に電話（姓のみ）',
  'お父さんが対応',
  '彼氏が同居',
  '所得階層別に分析',
  '令和5年度決算 12,450,780千円',
  '12345678901（11桁）',
  '1234567890123（13桁）',
];

describe('findPersonalText', () => {
  it.each(POSITIVE)('%s → %s %s', (text, kind, span) => {
    expect(found(text)).toContainEqual([kind, span]);
  });

  it.each(NEGATIVE)('%s → nothing', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('gives UTF-16 offsets into the text as typed (full width included)', () => {
    const text = '電話は０９０ー１２３４ー５６７８、山田太郎様まで';
    const spans = findPersonalText(text);
    expect(spans).toEqual([
      { kind: 'phone', start: 3, end: 16 },
      { kind: 'name', start: 17, end: 22 },
    ]);
  });

  it('finds every kind in one note, in text order', () => {
    const text = '山田太郎様（名古屋市中区三の丸3丁目1番1号、052-961-1111、t@example.jp、123456789012）';
    expect(found(text)).toEqual([
      ['name', '山田太郎様'],
      ['address', '名古屋市中区三の丸3丁目1番1号'],
      ['phone', '052-961-1111'],
      ['email', 't@example.jp'],
      ['my-number', '123456789012'],
    ]);
  });

  it('lets the more certain kind win where two overlap, and merges one kind’s overlaps', () => {
    // A phone number after 市役所 could read as a block number: it is a phone number.
    expect(found('名古屋市役所052-961-1111')).toEqual([['phone', '052-961-1111']]);
    expect(found('山田太郎様')).toEqual([['name', '山田太郎様']]);
  });

  it('does not join digits across other digits (11 and 13 digits are no My Number)', () => {
    expect(findPersonalText('12345678901').some(isAlwaysRefused)).toBe(false);
    expect(findPersonalText('1234567890123').some(isAlwaysRefused)).toBe(false);
    expect(findPersonalText('123456789012').every(isAlwaysRefused)).toBe(true);
  });

  it('scans named fields and reports only those with findings', () => {
    expect(scanFields({ title: '分納不履行', tried: '山田様に電話', question: null })).toEqual([
      { field: 'tried', spans: [{ kind: 'name', start: 0, end: 3 }] },
    ]);
    expect(scanFields({ a: '', b: '分納の相談あり' })).toEqual([]);
  });
});
