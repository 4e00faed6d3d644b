import { describe, expect, it } from 'vitest';
import { applyUserMapping, detectHeader, type UserMappingResult } from '../../../domain/fields/header.js';
import type { FieldKey } from '../../../domain/fields/catalogue.js';
import type { HeaderDetection } from '../../../domain/fields/mapping.js';

// A 整理番号, B 氏名, C 個人番号, D 督促 発付日, E 金額（千円） 請求, F 備考, G 調定額
const detection = detectHeader([
  ['整理番号', '氏名', '個人番号', '督促', '金額（千円）', '備考', '調定額'],
  ['', '', '', '発付日', '請求', '', ''],
]) as HeaderDetection;

function ok(r: UserMappingResult): HeaderDetection {
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}`);
  return r.detection;
}

const fields = (d: HeaderDetection) => Object.fromEntries(d.columns.map((m) => [m.field, `${m.letter} ${m.reason}`]));
const unmatched = (d: HeaderDetection) => d.unmatched.map((u) => u.letter);

describe('applyUserMapping', () => {
  it('starts from the detected mapping', () => {
    expect(fields(detection)).toEqual({
      debtorId: 'A synonym',
      debtorName: 'B label',
      demandDate: 'D synonym',
      assessedAmount: 'G label',
    });
    expect(unmatched(detection)).toEqual(['E', 'F']);
    expect(detection.personalNumberColumns.map((p) => p.letter)).toEqual(['C']);
  });

  it.each<[string, Partial<Record<FieldKey, number | null>>, Record<string, string>, string[]]>([
    [
      'assigns a field to an unmatched column',
      { contactNote: 5 },
      {
        debtorId: 'A synonym',
        debtorName: 'B label',
        demandDate: 'D synonym',
        contactNote: 'F user',
        assessedAmount: 'G label',
      },
      ['E'],
    ],
    [
      'moves a field to another column, its old column returning to unmatched',
      { assessedAmount: 4 },
      { debtorId: 'A synonym', debtorName: 'B label', demandDate: 'D synonym', assessedAmount: 'E user' },
      ['F', 'G'],
    ],
    [
      'takes a column from the field that had it',
      { assessmentNo: 0 },
      { assessmentNo: 'A user', debtorName: 'B label', demandDate: 'D synonym', assessedAmount: 'G label' },
      ['E', 'F'],
    ],
    [
      'unmaps a field',
      { demandDate: null },
      { debtorId: 'A synonym', debtorName: 'B label', assessedAmount: 'G label' },
      ['D', 'E', 'F'],
    ],
    [
      'confirms a detected column as the user’s',
      { debtorName: 1 },
      { debtorId: 'A synonym', debtorName: 'B user', demandDate: 'D synonym', assessedAmount: 'G label' },
      ['E', 'F'],
    ],
    [
      'gives one column to the later of two fields',
      { address: 5, contactNote: 5 },
      {
        debtorId: 'A synonym',
        debtorName: 'B label',
        demandDate: 'D synonym',
        contactNote: 'F user',
        assessedAmount: 'G label',
      },
      ['E'],
    ],
    [
      'ignores an undefined entry and unmapping an unmapped field',
      { address: undefined, phone: null },
      { debtorId: 'A synonym', debtorName: 'B label', demandDate: 'D synonym', assessedAmount: 'G label' },
      ['E', 'F'],
    ],
  ])('%s', (_, overrides, expectedFields, expectedUnmatched) => {
    const d = ok(applyUserMapping(detection, overrides));
    expect(fields(d)).toEqual(expectedFields);
    expect(unmatched(d)).toEqual(expectedUnmatched);
    expect(d.personalNumberColumns).toEqual(detection.personalNumberColumns);
    expect(d.headerRows).toEqual([1, 2]);
  });

  it('keeps the header, letter and （千円） scale of a user-assigned column', () => {
    const d = ok(applyUserMapping(detection, { assessedAmount: 4 }));
    expect(d.columns.find((m) => m.field === 'assessedAmount')).toEqual({
      field: 'assessedAmount',
      column: 4,
      letter: 'E',
      header: '金額（千円） 請求',
      reason: 'user',
      matched: '金額請求',
      scale: 1000,
    });
  });

  it.each<[string, Partial<Record<FieldKey, number | null>>, string, number]>([
    ['a personal-number column', { phone: 2 }, 'personal-number-column', 2],
    ['a column past the header', { phone: 7 }, 'no-such-column', 7],
    ['a negative column', { phone: -1 }, 'no-such-column', -1],
    ['a fractional column', { phone: 1.5 }, 'no-such-column', 1.5],
    ['a personal-number column after a valid override', { address: 5, phone: 2 }, 'personal-number-column', 2],
  ])('refuses %s', (_, overrides, reason, column) => {
    expect(applyUserMapping(detection, overrides)).toEqual({ ok: false, reason, field: 'phone', column });
  });

  it('never changes the detection it is given', () => {
    const before = structuredClone(detection);
    ok(applyUserMapping(detection, { assessedAmount: 4, debtorId: null, contactNote: 5 }));
    expect(applyUserMapping(detection, { phone: 2 }).ok).toBe(false);
    expect(detection).toEqual(before);
  });
});
