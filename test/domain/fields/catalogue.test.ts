/** The field catalogue is the one definition of which fields are personal; everything else derives from it. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  FIELD_KEYS,
  FIELDS,
  PERSONAL_FIELDS,
  fieldDef,
  isPersonalField,
  type FieldDefWith,
  type PersonalField,
} from '../../../domain/fields/catalogue.js';
import type { ReadField } from '../../../domain/engine/ledger-row.js';
import { HASHED_FIELDS, SYNC_FIELDS } from '../../../domain/sync/fields.js';

describe('field catalogue', () => {
  it('has one entry per field key, in the same order', () => {
    expect(FIELDS.map((d) => d.key)).toEqual(FIELD_KEYS);
  });

  it('derives the personal fields from `sync: never`, as value and as type', () => {
    expect(PERSONAL_FIELDS).toEqual(['debtorName', 'address', 'phone', 'contactNote']);
    expectTypeOf<PersonalField>().toEqualTypeOf<'debtorName' | 'address' | 'phone' | 'contactNote'>();
    for (const key of FIELD_KEYS) expect(isPersonalField(key), key).toBe(fieldDef(key).sync === 'never');
  });

  it('splits every field into personal ones and ones the engine reads and sync may send', () => {
    expectTypeOf<FieldDefWith<'key' | 'yes'>['key']>().toEqualTypeOf<ReadField>();
    expect([...SYNC_FIELDS, ...PERSONAL_FIELDS].sort()).toEqual([...FIELD_KEYS].sort());
    expect(HASHED_FIELDS).toEqual(['debtorId', 'assessmentNo']);
  });
});
