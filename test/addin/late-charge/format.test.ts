// The calculator's reading of the form and the wording of its result: pure, no pane.
import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../../../domain/calendar/day.js';
import { LateChargeProfiles } from '../../../domain/late-charge/index.js';
import {
  calculateFromForm,
  readDay,
  readPrincipal,
  type LateChargeComputed,
  type LateChargeFormValues,
} from '../../../addin/late-charge/calculator.js';
import {
  baseLine,
  formatYen,
  noteTexts,
  pieceRows,
  profileLabel,
  sumLine,
  totalLine,
} from '../../../addin/late-charge/format.js';
import { translator } from '../../../addin/i18n/messages.js';

const ja = translator('ja');
const en = translator('en');

const form = (f: Partial<LateChargeFormValues>): LateChargeFormValues => ({
  principal: '',
  due: '',
  paid: '',
  claimType: '',
  ...f,
});

/** A city's table: the defaults, with `patch` over them. */
const cityTable = (
  byClassification: Partial<
    Record<
      '強制徴収公債権' | '非強制徴収公債権' | '私債権',
      { kind: 'tax-like' | 'civil' | 'none'; firstPeriodAfterDemandDays?: number }
    >
  >,
  claimTypes: { names: string[]; profile: { kind: 'tax-like' | 'civil' | 'none' } }[] = [],
) =>
  new LateChargeProfiles({
    byClassification: {
      強制徴収公債権: { kind: 'tax-like' },
      非強制徴収公債権: { kind: 'tax-like' },
      私債権: { kind: 'civil' },
      ...byClassification,
    },
    claimTypes,
  });

const computed = (f: Partial<LateChargeFormValues>): LateChargeComputed => calculateFromForm(form(f)).computed!;

describe('reading the form', () => {
  it('reads yen as the ledgers write it', () => {
    expect(readPrincipal('1,234,567')).toBe(1234567);
    expect(readPrincipal('１２３，４５６円')).toBe(123456);
    expect(readPrincipal('')).toBeNull();
    expect(readPrincipal('abc')).toBeUndefined();
    expect(readPrincipal('-1')).toBeUndefined();
    expect(readPrincipal('12.5')).toBeUndefined();
    expect(readPrincipal('1000000000000')).toBeUndefined();
  });

  it('reads ISO and 和暦 dates, and refuses a day that does not exist', () => {
    expect(readDay('2025-04-30')).toBe(dayFromYMD(2025, 4, 30));
    expect(readDay('令和7年4月30日')).toBe(dayFromYMD(2025, 4, 30));
    expect(readDay('R7.4.30')).toBe(dayFromYMD(2025, 4, 30));
    expect(readDay(' ')).toBeNull();
    expect(readDay('2025-02-30')).toBeUndefined();
  });

  it('blank fields are "not yet", unreadable ones get a message', () => {
    expect(calculateFromForm(form({}))).toEqual({
      errors: {},
      due: null,
      paid: null,
      computed: null,
      uncountable: false,
    });
    const bad = calculateFromForm(form({ principal: 'x', due: '2025-13-01', paid: '2025-04-30', claimType: '?' }));
    expect(bad.errors).toEqual({
      principal: 'lc.error.principal',
      due: 'lc.error.date',
      claimType: 'lc.error.claimType',
    });
    expect(bad.paid).toBe(dayFromYMD(2025, 4, 30));
    expect(bad.computed).toBeNull();
  });

  it('says when the first period needs a 督促 day', () => {
    const city = cityTable({ 強制徴収公債権: { kind: 'tax-like', firstPeriodAfterDemandDays: 10 } });
    const o = calculateFromForm(form({ principal: '50000', due: '2025-04-30', paid: '2025-08-15' }), city);
    expect(o.uncountable).toBe(true);
    expect(o.computed).toBeNull();
  });
});

describe('wording the result', () => {
  const taxLike = computed({ principal: '123,456', due: '2025-04-30', paid: '2025-08-15' });

  it('formats yen with separators', () => {
    expect(formatYen(ja, 1234567)).toBe('1,234,567円');
    expect(formatYen(en, 1234567)).toBe('¥1,234,567');
    expect(formatYen(ja, 0)).toBe('0円');
  });

  it('words the pieces (late-charge.md, first worked example)', () => {
    expect(pieceRows(ja, taxLike.result).map(({ key: _, ...r }) => r)).toEqual([
      { period: '第1期', span: '2025-05-01〜2025-05-31', days: '31日', rate: '2.4%', amount: '250円' },
      { period: '第2期', span: '2025-06-01〜2025-08-15', days: '76日', rate: '8.7%', amount: '2,228円' },
    ]);
    expect(pieceRows(en, taxLike.result)[1]).toMatchObject({ period: 'Period 2', days: '76 days', amount: '¥2,228' });
  });

  it('words the base, the sum and the total with their roundings', () => {
    expect(baseLine(ja, taxLike)).toBe('計算の基礎: 123,000円（1,000円未満切捨て）');
    expect(sumLine(ja, taxLike.result)).toBe('各期間の合計: 2,478円（各期間の1円未満切捨て）');
    expect(totalLine(ja, taxLike)).toBe('延滞金: 2,400円（100円未満切捨て）');
    expect(totalLine(en, taxLike)).toBe('Late charge: ¥2,400 (rounded down to ¥100)');
    const round = computed({ principal: '123000', due: '2025-04-30', paid: '2025-05-20' });
    expect(baseLine(ja, round)).toBeNull();
    expect(sumLine(ja, round.result)).toBeNull();
  });

  it('a civil charge: one period, no roundings', () => {
    const c = computed({ principal: '300000', due: '2019-03-31', paid: '2021-03-31', claimType: '私債権' });
    expect(pieceRows(ja, c.result)[0]).toMatchObject({ period: '－', days: '731日', rate: '5.0%', amount: '30,041円' });
    expect(baseLine(ja, c)).toBeNull();
    expect(totalLine(ja, c)).toBe('遅延損害金: 30,041円');
  });

  it('names the profile', () => {
    expect(profileLabel(ja, 'tax-like')).toMatch(/^税の例による/);
    expect(profileLabel(ja, 'civil')).toMatch(/^民法/);
    expect(profileLabel(ja, 'none')).toBe('延滞金なし');
    expect(profileLabel(en, 'none')).toBe('no late charge');
  });

  it('words the notes, with the profile’s minimums', () => {
    expect(noteTexts(ja, computed({ principal: '1999', due: '2024-05-31', paid: '2026-05-31' }))).toEqual([
      '本税・本料が基準額（2,000円）未満のため、延滞金はかかりません。',
    ]);
    expect(noteTexts(ja, computed({ principal: '30000', due: '2025-04-30', paid: '2025-06-30' }))).toEqual([
      '合計が最低額（1,000円）未満のため、0円です。',
    ]);
    expect(noteTexts(ja, computed({ principal: '30000', due: '2025-04-30', paid: '2025-04-30' }))).toEqual([
      '納期限までに納付されているため、かかりません。',
    ]);
    expect(noteTexts(ja, computed({ principal: '80000', due: '2009-11-30', paid: '2010-03-01' }))[0]).toMatch(
      /本則の割合/,
    );
    const none = calculateFromForm(
      form({ principal: '30000', due: '2025-04-30', paid: '2025-06-30' }),
      cityTable({ 強制徴収公債権: { kind: 'none' } }),
    ).computed!;
    expect(noteTexts(ja, none)).toEqual(['この債権には延滞金がかかりません（設定: 対象外）。']);
    expect(totalLine(ja, none)).toBe('延滞金: 0円');
  });
});
