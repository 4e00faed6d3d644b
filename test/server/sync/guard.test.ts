/** The raw-body guards and the canonical body form. */
import { describe, expect, it } from 'vitest';
import { personalFieldsIn, unhashedKeysIn } from '../../../server/sync/guard.js';
import { stableJson } from '../../../server/sync/canonical.js';

const digest = 'a'.repeat(64);

describe('personalFieldsIn', () => {
  it('finds personal field names as keys at any depth, and in the mapped fields', () => {
    expect(personalFieldsIn({ upserts: [{ values: { phone: 'x' } }], debtorName: 'y' })).toEqual([
      'debtorName',
      'phone',
    ]);
    expect(personalFieldsIn({ a: { b: [{ c: { contactNote: null } }] } })).toEqual(['contactNote']);
    expect(personalFieldsIn({ ledger: { fields: ['debtorId', 'address'] } })).toEqual(['address']);
    expect(personalFieldsIn({ upserts: [{ values: { writeOffReason: 'address' } }] })).toEqual([]);
    expect(personalFieldsIn(null)).toEqual([]);
  });

  it('survives a deeply nested body', () => {
    let deep: unknown = { address: 1 };
    for (let i = 0; i < 100_000; i++) deep = { x: deep };
    expect(personalFieldsIn(deep)).toEqual(['address']);
  });
});

describe('unhashedKeysIn', () => {
  it('accepts digests and blanks, refuses anything else in key fields', () => {
    expect(unhashedKeysIn({ upserts: [{ values: { debtorId: digest, assessmentNo: null } }] })).toEqual([]);
    expect(unhashedKeysIn({ upserts: [{ values: { debtorId: 'D-1' } }, { values: { assessmentNo: 12 } }] })).toEqual([
      'debtorId',
      'assessmentNo',
    ]);
    expect(unhashedKeysIn({ upserts: [{ values: { debtorId: digest.toUpperCase() } }] })).toEqual(['debtorId']);
  });
});

describe('stableJson', () => {
  it('does not depend on key order and drops undefined', () => {
    expect(stableJson({ b: 1, a: [{ y: 2, x: undefined, w: null }] })).toBe('{"a":[{"w":null,"y":2}],"b":1}');
    expect(stableJson({ a: 1, b: 2 })).toBe(stableJson({ b: 2, a: 1 }));
  });
});
