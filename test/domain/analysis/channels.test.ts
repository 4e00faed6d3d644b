/**
 * Payment channels: 収納率 and 収入未済額 by 納付方法, 催告方法 and 口座振替の有無. Each row in the totals
 * is in exactly one entry of each breakdown; a breakdown is there only where its column is mapped.
 */
import { describe, expect, it } from 'vitest';
import { channelEntryName, channelTitle } from '../../../domain/analysis/channel-labels.js';
import {
  CHANNEL_KEYS,
  CHANNELS,
  NOT_ENTERED,
  UNREADABLE,
  type ChannelSplit,
} from '../../../domain/analysis/channels.js';
import { check, type Opts, type RowSpec } from '../rules/helpers.js';

const OPTS: Opts = { asOf: '2025-03-31', claimType: '保育料' };

let seq = 0;
const row = (r: RowSpec): RowSpec => ({
  debtorId: `P-${++seq}`,
  period: `${seq}`,
  fiscalYear: 'R6',
  dueDate: '2024-05-31',
  ...r,
});
const owing = (assessed: number, paid: number, r: RowSpec = {}) =>
  row({ assessedAmount: assessed, paidAmount: paid, outstanding: assessed - paid, ...r });

const ROWS: RowSpec[] = [
  owing(10000, 10000, { paymentMethod: '口座振替', directDebit: '有', dunningMethod: null }),
  owing(10000, 6000, { paymentMethod: '口振', directDebit: '○', dunningMethod: '文書' }),
  owing(8000, 0, { paymentMethod: '納付書', directDebit: '無', dunningMethod: '架電' }),
  owing(5000, 1000, { paymentMethod: 'コンビニ納付', directDebit: null, dunningMethod: '臨戸' }),
  owing(4000, 0, { paymentMethod: null, directDebit: null, dunningMethod: '文書' }),
  owing(3000, 3000, { paymentMethod: 'スマホ', directDebit: '×', dunningMethod: null }),
  owing(2000, 500, { paymentMethod: '現金書留', directDebit: 'たぶん', dunningMethod: 'FAX' }),
  // Unreadable amounts: in no total, so in no breakdown.
  row({ assessedAmount: 'abc', paidAmount: 0, outstanding: 1000, paymentMethod: '納付書', dunningMethod: '文書' }),
];

const get = (splits: ChannelSplit[] | null, key: string) => splits?.find((s) => s.key === key);
const sum = (splits: ChannelSplit[], f: 'count' | 'assessed' | 'paid' | 'outstanding') =>
  splits.reduce((n, s) => n + s[f], 0);

describe('by 納付方法', () => {
  const a = check(ROWS, OPTS).analysis;
  const by = a.channels.paymentMethod!;

  it('lists every option, then 未記入, then unreadable values only where there are some', () => {
    expect(by.map((s) => s.key)).toEqual([...CHANNEL_KEYS.paymentMethod, UNREADABLE]);
  });

  it('reads other names as the option (口振 → 口座振替) and gives each entry its 収納率', () => {
    expect(get(by, '口座振替')).toEqual({
      key: '口座振替',
      count: 2,
      assessed: 20000,
      paid: 16000,
      outstanding: 4000,
      collectionRate: 80,
    });
    expect(get(by, '納付書')).toMatchObject({ count: 1, outstanding: 8000, collectionRate: 0 });
    expect(get(by, 'コンビニ')).toMatchObject({ count: 1, outstanding: 4000, collectionRate: 20 });
    expect(get(by, 'スマホ決済')).toMatchObject({ count: 1, outstanding: 0, collectionRate: 100 });
    expect(get(by, 'クレジットカード')).toEqual({
      key: 'クレジットカード',
      count: 0,
      assessed: 0,
      paid: 0,
      outstanding: 0,
      collectionRate: null,
    });
    expect(get(by, NOT_ENTERED)).toMatchObject({ count: 1, outstanding: 4000 });
    expect(get(by, UNREADABLE)).toMatchObject({ count: 1, assessed: 2000, outstanding: 1500 });
  });

  it('counts each row once: the entries sum to the analysis total', () => {
    expect(sum(by, 'count')).toBe(a.total.count);
    expect(sum(by, 'assessed')).toBe(a.total.assessed);
    expect(sum(by, 'paid')).toBe(a.total.paid);
    expect(sum(by, 'outstanding')).toBe(a.total.outstanding);
    expect(a.total.count).toBe(7);
  });
});

describe('by 催告方法 and by 口座振替の有無', () => {
  const a = check(ROWS, OPTS).analysis;

  it('splits by the dunning method read (架電 → 電話), blanks in 未記入', () => {
    const by = a.channels.dunningMethod!;
    expect(by.map((s) => s.key)).toEqual([...CHANNEL_KEYS.dunningMethod, UNREADABLE]);
    expect(get(by, '文書')).toMatchObject({ count: 2, assessed: 14000, paid: 6000, outstanding: 8000 });
    expect(get(by, '電話')).toMatchObject({ count: 1, outstanding: 8000 });
    expect(get(by, '臨戸')).toMatchObject({ count: 1, outstanding: 4000 });
    expect(get(by, NOT_ENTERED)).toMatchObject({ count: 2, outstanding: 0, collectionRate: 100 });
    expect(get(by, UNREADABLE)).toMatchObject({ count: 1 });
    expect(sum(by, 'count')).toBe(a.total.count);
    expect(sum(by, 'outstanding')).toBe(a.total.outstanding);
  });

  it('splits by enrolled, not enrolled, blank', () => {
    const by = a.channels.directDebit!;
    expect(by.map((s) => s.key)).toEqual(['enrolled', 'notEnrolled', NOT_ENTERED, UNREADABLE]);
    expect(get(by, 'enrolled')).toMatchObject({ count: 2, assessed: 20000, paid: 16000, collectionRate: 80 });
    expect(get(by, 'notEnrolled')).toMatchObject({ count: 2, assessed: 11000, paid: 3000, outstanding: 8000 });
    expect(get(by, NOT_ENTERED)).toMatchObject({ count: 2, outstanding: 8000 });
    expect(get(by, UNREADABLE)).toMatchObject({ count: 1, outstanding: 1500 });
    for (const f of ['count', 'assessed', 'paid', 'outstanding'] as const) expect(sum(by, f)).toBe(a.total[f]);
  });

  it('has no unreadable entry when every cell read', () => {
    const b = check([owing(1000, 0, { paymentMethod: '納付書', directDebit: '無', dunningMethod: '文書' })], OPTS);
    for (const c of CHANNELS) expect(b.analysis.channels[c]!.map((s) => s.key)).toEqual(CHANNEL_KEYS[c]);
  });
});

describe('unmapped columns', () => {
  it('give no breakdown, each on its own', () => {
    const none = check([owing(1000, 0)], OPTS).analysis.channels;
    expect(none).toEqual({ paymentMethod: null, dunningMethod: null, directDebit: null });
    const one = check([owing(1000, 0, { directDebit: '有' })], OPTS).analysis.channels;
    expect(one.paymentMethod).toBeNull();
    expect(one.dunningMethod).toBeNull();
    expect(get(one.directDebit, 'enrolled')).toMatchObject({ count: 1, outstanding: 1000 });
  });

  it('a mapped column that no row fills puts every row in 未記入', () => {
    const a = check([owing(1000, 0), owing(500, 100)], { ...OPTS, columns: ['paymentMethod'] }).analysis;
    expect(get(a.channels.paymentMethod, NOT_ENTERED)).toMatchObject({ count: 2, outstanding: 1400 });
  });
});

describe('names', () => {
  it('are Japanese first, English beside', () => {
    expect(channelEntryName('口座振替', 'ja')).toBe('口座振替');
    expect(channelEntryName('口座振替', 'en')).toBe('Direct debit');
    expect(channelEntryName('臨戸', 'en')).toBe('Home visit');
    expect(channelEntryName(NOT_ENTERED, 'ja')).toBe('未記入');
    expect(channelEntryName('enrolled', 'ja')).toBe('口座振替あり');
    expect(channelTitle('paymentMethod', 'ja')).toBe('納付方法別');
  });

  it('exist in both languages for every entry', () => {
    for (const c of CHANNELS)
      for (const k of [...CHANNEL_KEYS[c], UNREADABLE]) {
        expect(channelEntryName(k, 'ja')).toMatch(/[^\x20-\x7e]|SMS/);
        expect(channelEntryName(k, 'en')).toMatch(/^[\x20-\x7e]+$/);
      }
  });
});
