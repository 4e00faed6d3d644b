/**
 * The fast path for parts against zod, the one definition of the shape: what the fast path
 * accepts, zod accepts with equal data (and for JSON input the two agree exactly, both ways);
 * valid parts take the fast path; the raw-body guard could refuse nothing the schema accepts;
 * `canonicalData` is `canonicalJson`.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERSONAL_FIELDS, SYNC_FIELDS, HASHED_FIELDS } from '../../../domain/sync/fields.js';
import { RowUpsert, SubmissionPart, SyncRowValues } from '../../../domain/sync/protocol.js';
import { canonicalJson } from '../../../domain/sync/sync-row.js';
import { UNREADABLE_CODES } from '../../../domain/sync/values.js';
import type { ReadField } from '../../../domain/engine/ledger-row.js';
import { fieldDef } from '../../../domain/fields/catalogue.js';
import { MAX_YEN } from '../../../domain/values/limits.js';
import { canonicalData } from '../../../server/sync/canonical.js';
import { compileCheck, fastParsePart, rowUpsertOk, valueOk } from '../../../server/sync/fast-parse.js';
import { personalFieldsIn, unhashedKeysIn } from '../../../server/sync/guard.js';
import { makeRows, makeSubmission, upsertsFor } from '../helpers/submissions.js';

const HEX = [...'0123456789abcdef'];
const hex64 = fc.string({ unit: fc.constantFrom(...HEX), minLength: 64, maxLength: 64 });
/** Strings near the edges: JSON escapes, non-ASCII, lone surrogates, the 1000-character limit. */
const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '"', '\\', '\n\t\u0000', '\ud800', 'x'.repeat(1000), 'x'.repeat(1001), '期', 'A'.repeat(64)),
  hex64,
  hex64.map((h) => h.toUpperCase()),
  hex64.map((h) => `${h}#12`),
);
const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1, 1.5, 2 ** 53, 2 ** 53 + 2, 1e21, 5e-324, 1_048_576, 1_048_577, -1, NaN, Infinity),
);
/** Any value, JSON-like or not. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  oddNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(Object.create(null) as object),
  fc.constant(new Date(0)),
);
/** Values JSON can carry (what the service is sent). */
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  oddNumber.filter(Number.isFinite),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

const FIELD_NAMES = [...SYNC_FIELDS, ...PERSONAL_FIELDS, 'other', '__proto__', 'constructor'];

/** A values object: real and odd fields, in any order. */
const valuesArb = (value: fc.Arbitrary<unknown>) =>
  fc
    .array(fc.tuple(fc.constantFrom(...FIELD_NAMES), value), { maxLength: 12 })
    .map((entries) => Object.fromEntries(entries.filter(([k]) => k !== '__proto__')) as Record<string, unknown>);

/** Mostly `usual`, now and then `odd`. */
const mostly = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 12, arbitrary: usual }, { weight: 1, arbitrary: odd });
const rarely = <T>(odd: fc.Arbitrary<T>) => mostly(fc.constant(null), odd);

/** A row upsert, valid most of the time, with a property mutated, added or dropped now and then. */
const upsertArb = (value: fc.Arbitrary<unknown>) =>
  fc
    .record({
      key: mostly(
        fc.oneof(
          hex64,
          hex64.map((h) => `${h}#3`),
        ),
        value,
      ),
      hash: mostly(hex64, value),
      row: mostly(fc.integer({ min: 1, max: 1_048_576 }), value),
      values: mostly(validValuesArb, fc.oneof(valuesArb(value), value)),
      extra: rarely(fc.tuple(fc.constantFrom('extra', 'phone', 'values2'), value)),
      drop: rarely(fc.constantFrom('key', 'hash', 'row', 'values')),
    })
    .map(({ extra, drop, ...u }) => {
      const o: Record<string, unknown> = { ...u };
      if (extra) o[extra[0]] = extra[1];
      if (drop) delete o[drop];
      return o;
    });

/** A value of the field's type, near its edges, or one of another type (free text in a date…). */
function typedArb(f: ReadField): fc.Arbitrary<unknown> {
  if (HASHED_FIELDS.includes(f)) return fc.option(hex64, { nil: null });
  const def = fieldDef(f);
  const day = fc
    .date({ min: new Date('1860-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const oddDay = fc.constantFrom('2023-02-29', '2024-02-29', '2024-13-01', '2024-4-1', '2024/04/01', '1867-12-31');
  switch (def.type) {
    case 'date':
      return fc.oneof(day, oddDay);
    case 'booleanOrDate':
      return fc.oneof(fc.boolean(), day, oddDay);
    case 'yen':
      return fc.oneof(
        fc.integer({ min: -MAX_YEN - 2, max: MAX_YEN + 2 }),
        fc.constantFrom(MAX_YEN, MAX_YEN + 1, -MAX_YEN, -MAX_YEN - 1, 0.5, 1e15),
      );
    case 'fiscalYear':
      return fc.integer({ min: 1940, max: 2110 });
    case 'integer':
      return fc.oneof(fc.integer({ min: -2, max: 1000 }), fc.constantFrom(2 ** 53, 1.5));
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof(fc.constantFrom(...def.options!), fc.constantFrom('その他', ''));
    case 'text':
      return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('x'.repeat(100), 'x'.repeat(101), ''));
  }
}

const unreadableArb = fc.oneof(
  fc.constantFrom(...UNREADABLE_CODES).map((c) => ({ unreadable: c })),
  fc.constantFrom({ unreadable: '3/1 山田様と電話' }, { unreadable: 'date', text: 'x' }, { unreadable: null }, {}),
);

/** Values that pass the schema (a random subset of fields with values of their kind) or nearly. */
const validValuesArb = fc
  .shuffledSubarray([...SYNC_FIELDS], { maxLength: 12 })
  .chain((fields) =>
    fc
      .tuple(
        ...fields.map((f) =>
          mostly(fc.oneof({ weight: 6, arbitrary: typedArb(f) }, fc.constant(null), unreadableArb), jsonValue),
        ),
      )
      .map((vs) => Object.fromEntries(fields.map((f, i) => [f, vs[i]]))),
  );

let base: ReturnType<typeof makeSubmission>[number];
beforeAll(async () => {
  base = makeSubmission({ upserts: await upsertsFor(makeRows(30)), deletions: ['a'.repeat(64)] })[0]!;
});

/** JSON through and back, as the service receives a body (`__proto__` becomes an own key). */
const viaJson = (x: unknown): unknown => JSON.parse(JSON.stringify(x) ?? 'null');

describe('compileCheck(RowUpsert) against zod', () => {
  it('agrees with zod exactly on JSON input', () => {
    let accepted = 0;
    fc.assert(
      fc.property(upsertArb(jsonValue), (u) => {
        const x = viaJson(u);
        const ok = rowUpsertOk(x);
        expect(ok).toBe(RowUpsert.safeParse(x).success);
        if (ok) accepted++;
      }),
      { numRuns: 3000 },
    );
    // Both outcomes are well represented.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(2700);
  });

  it('accepts nothing zod refuses, whatever the input', () => {
    fc.assert(
      fc.property(upsertArb(anyValue), (u) => {
        if (rowUpsertOk(u)) expect(RowUpsert.safeParse(u).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses an own __proto__ key, a null prototype and an explicit undefined', () => {
    const ok = base.upserts[0]!;
    expect(rowUpsertOk(viaJson(ok))).toBe(true);
    const proto = JSON.parse(`{"__proto__":1,${JSON.stringify(ok).slice(1)}`) as unknown;
    expect(rowUpsertOk(proto)).toBe(false);
    expect(RowUpsert.safeParse(proto).success).toBe(false);
    expect(rowUpsertOk(Object.assign(Object.create(null) as object, ok))).toBe(false);
    expect(rowUpsertOk({ ...ok, values: { ...ok.values, period: undefined } })).toBe(false);
  });
});

/** Parts: the generated valid one, or one with its envelope or rows mutated. */
const partArb = (value: fc.Arbitrary<unknown>) =>
  fc
    .record({
      upserts: fc.array(upsertArb(value), { maxLength: 3 }),
      deletions: fc.option(fc.array(mostly(hex64, value), { maxLength: 3 })),
      field: rarely(
        fc.tuple(
          fc.constantFrom('submissionId', 'baseRevision', 'asOf', 'rulesetVersion', 'ledger', 'part', 'extra', 'phone'),
          value,
        ),
      ),
      part: rarely(fc.record({ index: fc.integer({ min: -1, max: 3 }), count: fc.integer({ min: 0, max: 3 }) })),
    })
    .map(({ upserts, deletions, field, part }) => {
      const p: Record<string, unknown> = { ...base };
      p.upserts = [...base.upserts.slice(0, 2), ...upserts];
      if (deletions) p.deletions = deletions;
      if (field) p[field[0]] = field[1];
      if (part) p.part = part;
      return p;
    });

describe('fastParsePart against zod', () => {
  it('takes a valid part, with the data zod gives', () => {
    const x = viaJson(base);
    const fast = fastParsePart(x);
    expect(fast).toBeDefined();
    expect(fast).toEqual(SubmissionPart.parse(x));
  });

  it('what it accepts, zod accepts with equal data; on JSON input they agree', () => {
    let accepted = 0;
    fc.assert(
      fc.property(partArb(jsonValue), (p) => {
        const x = viaJson(p);
        const fast = fastParsePart(x);
        const zod = SubmissionPart.safeParse(x);
        expect(fast !== undefined).toBe(zod.success);
        if (fast) {
          accepted++;
          expect(fast).toEqual(zod.data);
        }
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(100);
    fc.assert(
      fc.property(partArb(anyValue), (p) => {
        const fast = fastParsePart(p);
        if (fast) expect(fast).toEqual(SubmissionPart.parse(p));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the length limits on rows', () => {
    const row = base.upserts[0]!;
    const many = { ...base, upserts: Array.from({ length: 20_001 }, () => row) };
    expect(fastParsePart(many)).toBeUndefined();
    expect(
      fastParsePart({ ...base, deletions: Array.from({ length: 100_001 }, () => 'a'.repeat(64)) }),
    ).toBeUndefined();
  });
});

describe('the guard is implied by the schema', () => {
  /** Every object key the schema declares, and every value an enum allows, at any depth. */
  function declared(schema: z.core.$ZodType, out = new Set<string>()): Set<string> {
    const def = schema._zod.def as unknown as {
      type: string;
      shape?: Record<string, z.core.$ZodType>;
      innerType?: z.core.$ZodType;
      element?: z.core.$ZodType;
      options?: z.core.$ZodType[];
      entries?: Record<string, string>;
      catchall?: z.core.$ZodType;
    };
    if (def.type === 'object') {
      expect((def.catchall?._zod.def as { type: string } | undefined)?.type).toBe('never');
      for (const [k, v] of Object.entries(def.shape!)) {
        out.add(k);
        declared(v, out);
      }
    } else if (def.type === 'enum') for (const v of Object.values(def.entries!)) out.add(v);
    else if (def.innerType) declared(def.innerType, out);
    else if (def.element) declared(def.element, out);
    else if (def.options) for (const o of def.options) declared(o, out);
    else expect(['string', 'number', 'boolean', 'null']).toContain(def.type);
    return out;
  }

  it('declares no personal field, anywhere, as a key or a mapped field', () => {
    const names = declared(SubmissionPart);
    expect(names.has('debtorId')).toBe(true);
    for (const f of PERSONAL_FIELDS) expect(names.has(f), f).toBe(false);
  });

  it('allows key fields only as digests', () => {
    for (const f of HASHED_FIELDS) {
      const s = SyncRowValues.shape[f]!;
      expect(s.safeParse('D-0001').success).toBe(false);
      expect(s.safeParse('a'.repeat(64)).success).toBe(true);
    }
  });

  it('so a part the fast path accepts passes the guard', () => {
    fc.assert(
      fc.property(partArb(jsonValue), (p) => {
        const x = viaJson(p);
        if (fastParsePart(x)) {
          expect(personalFieldsIn(x)).toEqual([]);
          expect(unhashedKeysIn(x)).toEqual([]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('each field’s value check against zod', () => {
  it('agrees with the field’s schema on typed values, markers and anything else', () => {
    for (const f of SYNC_FIELDS) {
      const schema = SyncRowValues.shape[f]!;
      const ok = valueOk.get(f)!;
      fc.assert(
        fc.property(fc.oneof(typedArb(f), unreadableArb, jsonValue), (v) => {
          const x = viaJson(v);
          expect(ok(x), `${f} ${JSON.stringify(x)}`).toBe(schema.safeParse(x).success);
        }),
        { numRuns: 300 },
      );
    }
  });
});

describe('compileCheck', () => {
  it('mirrors refinements by calling the same function, and string enums', () => {
    const even = z.number().refine((n) => n % 2 === 0);
    const e = z.enum(['文書', '電話']);
    for (const v of [0, 1, 2, -4, 1.5, '2']) expect(compileCheck(even)(v), String(v)).toBe(even.safeParse(v).success);
    for (const v of ['文書', '電話', 'SMS', '', 1, null])
      expect(compileCheck(e)(v), String(v)).toBe(e.safeParse(v).success);
    expect(() => compileCheck(z.string().superRefine(() => undefined))).toThrow(/fast path/);
  });

  it('refuses to mirror what it does not know', () => {
    expect(() => compileCheck(z.email())).toThrow(/fast path/);
    expect(() => compileCheck(z.object({ a: z.string() }))).toThrow(/fast path/);
    expect(() => compileCheck(z.string().transform((s) => s.length))).toThrow(/fast path/);
    expect(() => compileCheck(z.number().multipleOf(2))).toThrow(/fast path/);
    expect(() => compileCheck(z.string().regex(/a/g))).toThrow(/fast path/);
    expect(() => compileCheck(z.hex())).toThrow(/fast path/);
  });

  it('mirrors a format schema that is its own check', () => {
    const int = compileCheck(z.int().min(1));
    for (const v of [1, 2 ** 53, 1.5, 0, -1, NaN, '1'])
      expect(int(v), String(v)).toBe(z.int().min(1).safeParse(v).success);
  });
});

describe('canonicalData', () => {
  it('is canonicalJson, whatever the key order', () => {
    fc.assert(
      fc.property(valuesArb(fc.oneof(jsonValue, fc.constant(undefined))), (v) => {
        expect(canonicalData(v)).toBe(canonicalJson(v));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(validValuesArb, (v) => {
        expect(canonicalData(v)).toBe(canonicalJson(v));
      }),
      { numRuns: 1000 },
    );
  });
});
