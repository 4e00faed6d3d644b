import { describe, expect, it } from 'vitest';
import {
  CLASSIFICATIONS,
  DEFERRAL_TYPES,
  DUNNING_METHODS,
  FIELDS,
  SUSPENSION_TYPES,
} from '../../../domain/fields/catalogue.js';
import { ENUM_ALIASES, parseEnum, parseEnumField, type EnumFieldKey } from '../../../domain/values/enum.js';
import type { Cell } from '../../../domain/values/parsed.js';

function read(key: EnumFieldKey, cell: Cell): string | null {
  const p = parseEnumField(key, cell);
  return p.ok ? p.value : `!${p.reason}`;
}

describe('parseEnum', () => {
  it('reads every option of every enum field as itself', () => {
    for (const [key, options] of [
      ['classification', CLASSIFICATIONS],
      ['dunningMethod', DUNNING_METHODS],
      ['deferralType', DEFERRAL_TYPES],
      ['suspensionType', SUSPENSION_TYPES],
    ] as const) {
      for (const o of options) expect(read(key, o)).toBe(o);
    }
  });

  it('ignores width, spaces and Latin case', () => {
    expect(read('dunningMethod', 'ＳＭＳ')).toBe('SMS');
    expect(read('dunningMethod', 'sms')).toBe('SMS');
    expect(read('dunningMethod', ' 臨 戸 ')).toBe('臨戸');
    expect(read('dunningMethod', 'ｵｰﾄｺｰﾙ')).toBe('オートコール');
    expect(read('suspensionType', '１号')).toBe('1号');
    expect(read('classification', '強制徴収 公債権')).toBe('強制徴収公債権');
  });

  it.each<[EnumFieldKey, Cell, string]>([
    ['dunningMethod', 'ショートメール', 'SMS'],
    ['dunningMethod', '架電', '電話'],
    ['dunningMethod', '訪問', '臨戸'],
    ['dunningMethod', '文書催告', '文書'],
    ['deferralType', '分納', '分納誓約'],
    ['deferralType', '履行延期の特約', '履行延期特約'],
    ['deferralType', '徴収の猶予', '徴収猶予'],
    ['deferralType', '換価の猶予', '換価猶予'],
    ['suspensionType', '1', '1号'],
    ['suspensionType', 1, '1号'],
    ['suspensionType', '第1号', '1号'],
    ['suspensionType', '第２号', '2号'],
    ['suspensionType', '①', '1号'],
    ['suspensionType', 3, '3号'],
    ['suspensionType', '即時', '即時消滅'],
    ['classification', '公債権（強制徴収）', '強制徴収公債権'],
    ['classification', '非強制徴収債権', '非強制徴収公債権'],
  ])('%s: alias %j → %s', (key, cell, expected) => {
    expect(read(key, cell)).toBe(expected);
  });

  it.each<Cell>([null, undefined, '', ' ', '－', '-', '―'])('%j is blank', (cell) => {
    expect(read('dunningMethod', cell)).toBeNull();
  });

  it.each<Cell>(['メール', '4号', 4, true, new Date(0), 'x'.repeat(1000)])('%j is an unknown option', (cell) => {
    expect(read('suspensionType', cell)).toBe('!unknown-option');
  });

  it('reads a value outside Cell as unreadable', () => {
    expect(read('suspensionType', {} as unknown as Cell)).toBe('!unreadable');
  });

  it('takes options and aliases from the caller', () => {
    const options = ['甲', '乙'] as const;
    expect(parseEnum('甲', options)).toEqual({ ok: true, value: '甲' });
    expect(parseEnum('A', options)).toEqual({ ok: false, reason: 'unknown-option' });
    expect(parseEnum('a', options, { A: '甲' })).toEqual({ ok: true, value: '甲' });
    // An alias to something that is not an option never leaks out.
    expect(parseEnum('b', options, { B: '丙' as '甲' })).toEqual({ ok: false, reason: 'unknown-option' });
  });

  it('has alias tables only for enum fields, each mapping to an option', () => {
    for (const [key, table] of Object.entries(ENUM_ALIASES)) {
      const def = FIELDS.find((f) => f.key === key);
      expect(def?.type).toBe('enum');
      for (const target of Object.values(table ?? {})) expect(def?.options).toContain(target);
    }
  });
});
