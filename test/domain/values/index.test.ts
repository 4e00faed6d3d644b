import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../../../domain/calendar/day.js';
import { DUNNING_METHODS, fieldDef } from '../../../domain/fields/catalogue.js';
import {
  BLANK,
  parseBooleanOrDate,
  parseField,
  parseFieldOf,
  parseText,
  type Parsed,
} from '../../../domain/values/index.js';

describe('parseField dispatches by field type', () => {
  it('reads each type', () => {
    expect(parseField('text', '  ＡＢＣ１ ')).toEqual({ ok: true, value: 'ABC1' });
    expect(parseField('enum', '架電', { options: DUNNING_METHODS, aliases: { 架電: '電話' } })).toEqual({
      ok: true,
      value: '電話',
    });
    expect(parseField('enum', '電話')).toEqual({ ok: false, reason: 'unknown-option' });
    expect(parseField('fiscalYear', 'R6')).toEqual({ ok: true, value: 2024 });
    expect(parseField('date', 'R6.4.1')).toEqual({ ok: true, value: dayFromYMD(2024, 4, 1) });
    expect(parseField('yen', '△1,234')).toEqual({ ok: true, value: -1234 });
    expect(parseField('yen', '1.5', { scale: 1000 })).toEqual({ ok: true, value: 1500 });
    expect(parseField('integer', '3回')).toEqual({ ok: true, value: 3 });
    expect(parseField('boolean', '○')).toEqual({ ok: true, value: true });
    expect(parseField('booleanOrDate', '令和6年4月1日')).toEqual({ ok: true, value: true });
  });

  it('is typed by field type', () => {
    const d: Parsed<number> = parseField('date', 45383);
    const b: Parsed<boolean> = parseField('booleanOrDate', 45383);
    const s: Parsed<string> = parseField('text', 'x');
    expect([d.ok, b.ok, s.ok]).toEqual([true, true, true]);
  });

  it('reads a catalogue field with its options and aliases', () => {
    expect(parseFieldOf(fieldDef('dunningMethod'), 'ショートメール')).toEqual({ ok: true, value: 'SMS' });
    expect(parseFieldOf(fieldDef('suspensionType'), '第1号')).toEqual({ ok: true, value: '1号' });
    expect(parseFieldOf(fieldDef('assessedAmount'), '2', 1000)).toEqual({ ok: true, value: 2000 });
    expect(parseFieldOf(fieldDef('dueDate'), '2024/4/1')).toEqual({ ok: true, value: dayFromYMD(2024, 4, 1) });
  });
});

describe('parseText', () => {
  it.each([
    ['  abc  ', 'abc'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['ｶﾅ', 'カナ'],
    [1002, '1002'],
    [true, 'TRUE'],
    [new Date(Date.UTC(2024, 3, 1)), '2024-04-01'],
  ] as const)('%j → %j', (cell, expected) => {
    expect(parseText(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([null, undefined, '', '  ', '－', '-', '―'])('%j is blank', (cell) => {
    expect(parseText(cell)).toEqual(BLANK);
  });

  it('rejects numbers that are not numbers', () => {
    expect(parseText(NaN)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('parseBooleanOrDate (弁護士委任)', () => {
  it.each([
    ['○', true],
    [true, true],
    [1, true],
    ['×', false],
    [0, false],
    [false, false],
    ['2024/4/1', true],
    ['令和6年4月1日', true],
    [45383, true],
    [new Date(Date.UTC(2024, 3, 1)), true],
    ['', null],
    [null, null],
    ['－', null],
  ] as const)('%j → %j', (cell, expected) => {
    expect(parseBooleanOrDate(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['令和6年2月30日', 'no-such-day'],
    ['令和元年4月30日', 'no-such-day'],
    ['未定', 'unreadable'],
    [-3, 'out-of-range'],
    [NaN, 'unreadable'],
  ] as const)('%j is invalid: %s', (cell, reason) => {
    expect(parseBooleanOrDate(cell)).toEqual({ ok: false, reason });
  });
});
