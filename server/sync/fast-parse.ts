/**
 * A fast path for validating a submission part. The zod schema (`domain/sync/protocol.ts`) stays
 * the one definition of the shape: the rows (up to 20,000 upserts per part, where zod spends
 * almost all its time) are checked by predicates compiled from that schema's own definition, and
 * the envelope by zod itself. Whatever the fast path does not accept goes to zod, so a refusal and
 * its message are always zod's; what it accepts zod accepts too, with equal data
 * (`test/server/sync/fast-parse.test.ts` checks both directions against zod with fast-check).
 *
 * The compiler knows only what the row schemas use: strict objects, strings with regex and length
 * checks, numbers with integer and range checks, refinements (`.refine(fn)`: the same `fn` is
 * called), string enums, booleans, null, unions, nullable, optional and arrays with a length limit. Anything else throws when this module loads, so a schema change it
 * cannot mirror fails every test at once instead of being checked loosely.
 */
import type { z } from 'zod';
import { RowUpsert, SubmissionPart, SyncRowValues } from '../../domain/sync/protocol.js';

type Check = (v: unknown) => boolean;

interface CheckDef {
  check: string;
  type?: string;
  fn?: unknown;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
  maximum?: number;
  minimum?: number;
  length?: number;
}

interface SchemaDef extends Partial<CheckDef> {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  entries?: Record<string, unknown>;
}

const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as SchemaDef;

function unsupported(what: string): never {
  throw new Error(`fast-parse: the row schema uses ${what}, which the fast path does not mirror`);
}

/** All of `checks` after `base`; specialised for the usual zero or one check. */
function allOf(base: Check, checks: Check[]): Check {
  if (checks.length === 0) return base;
  if (checks.length === 1) {
    const [c] = checks as [Check];
    return (v) => base(v) && c(v);
  }
  return (v) => {
    if (!base(v)) return false;
    for (const c of checks) if (!c(v)) return false;
    return true;
  };
}

function lengthCheck(d: CheckDef): (v: { length: number }) => boolean {
  switch (d.check) {
    case 'max_length':
      return (v) => v.length <= d.maximum!;
    case 'min_length':
      return (v) => v.length >= d.minimum!;
    case 'length_equals':
      return (v) => v.length === d.length!;
    default:
      return unsupported(`the ${d.check} check`);
  }
}

/**
 * A `.refine(fn)`: zod calls `fn` with the value and refuses a falsy result; so does this, with the
 * same function. (`superRefine` and `.check` keep no `fn` in their definition: not mirrored.)
 */
function refinement(d: CheckDef): Check | undefined {
  if (d.check !== 'custom') return undefined;
  const fn = d.fn;
  if (d.type !== 'custom' || typeof fn !== 'function') return unsupported('a refinement without its function');
  return (v) => !!(fn as (x: unknown) => unknown)(v);
}

function stringCheck(d: CheckDef): Check {
  const refined = refinement(d);
  if (refined) return refined;
  if (d.check === 'string_format') {
    const re = d.pattern;
    if (d.format !== 'regex' || !(re instanceof RegExp) || d.fn) unsupported(`the ${d.format} string format`);
    // A global or sticky pattern keeps state between tests.
    if (re.global || re.sticky) unsupported('a global or sticky pattern');
    return (v) => re.test(v as string);
  }
  const len = lengthCheck(d);
  return (v) => len(v as string);
}

function numberCheck(d: CheckDef): Check {
  const refined = refinement(d);
  if (refined) return refined;
  switch (d.check) {
    case 'number_format':
      if (d.format !== 'safeint') unsupported(`the ${d.format} number format`);
      return (v) => Number.isSafeInteger(v);
    case 'greater_than': {
      const min = d.value!;
      return d.inclusive ? (v) => (v as number) >= min : (v) => (v as number) > min;
    }
    case 'less_than': {
      const max = d.value!;
      return d.inclusive ? (v) => (v as number) <= max : (v) => (v as number) < max;
    }
    default:
      return unsupported(`the ${d.check} number check`);
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** A predicate true exactly when zod accepts `v` and would return data equal to it. */
export function compileCheck(schema: z.core.$ZodType): Check {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  // A format schema (z.email(), z.int(), …) is its own first check.
  if (def.check !== undefined) checks.unshift(def as CheckDef);
  const noChecks = () => {
    if (checks.length > 0) unsupported(`checks on ${def.type}`);
  };
  switch (def.type) {
    case 'string':
      return allOf((v) => typeof v === 'string', checks.map(stringCheck));
    case 'number':
      // z.number() refuses NaN and ±Infinity by itself.
      return allOf((v) => typeof v === 'number' && Number.isFinite(v), checks.map(numberCheck));
    case 'boolean':
      noChecks();
      return (v) => typeof v === 'boolean';
    case 'null':
      noChecks();
      return (v) => v === null;
    case 'enum': {
      noChecks();
      const values = Object.values(def.entries!);
      if (!values.every((x) => typeof x === 'string')) unsupported('an enum of non-strings');
      const set = new Set(values);
      return (v) => typeof v === 'string' && set.has(v);
    }
    case 'nullable': {
      noChecks();
      const inner = compileCheck(def.innerType!);
      return (v) => v === null || inner(v);
    }
    case 'union': {
      noChecks();
      const options = def.options!.map(compileCheck);
      return (v) => {
        for (const o of options) if (o(v)) return true;
        return false;
      };
    }
    case 'array': {
      const element = compileCheck(def.element!);
      const lengths = checks.map(lengthCheck);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (const l of lengths) if (!l(v)) return false;
        // Index access, as zod reads it: a hole is undefined and fails the element.
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'object':
      noChecks();
      return compileObject(def);
    default:
      return unsupported(`a ${def.type} schema`);
  }
}

/**
 * A strict object: only plain objects (as JSON.parse makes them), every own key declared, every
 * required key present, no value undefined (zod would keep an explicit undefined; the fast path
 * leaves that case to zod).
 */
function compileObject(def: SchemaDef): Check {
  if (defOf(def.catchall ?? unsupported('a non-strict object')).type !== 'never') unsupported('a catchall');
  const fields = new Map<string, { check: Check; optional: boolean }>();
  let required = 0;
  for (const [key, schema] of Object.entries(def.shape!)) {
    // zod reads declared keys with `in`, which would also find them on Object.prototype.
    if (key === '__proto__' || key in Object.prototype) unsupported(`the key ${key}`);
    const d = defOf(schema);
    const optional = d.type === 'optional';
    if (optional && (d.checks ?? []).length > 0) unsupported('checks on optional');
    fields.set(key, { check: compileCheck(optional ? d.innerType! : schema), optional });
    if (!optional) required++;
  }
  return (v) => {
    if (!isPlainObject(v)) return false;
    let present = 0;
    // `for…in` also meets inherited enumerable keys: none is declared, so such an object goes to
    // zod (whose own `for…in` refuses it too).
    for (const key in v) {
      const f = fields.get(key);
      if (f === undefined) return false;
      const x = v[key];
      if (x === undefined || !f.check(x)) return false;
      if (!f.optional) present++;
    }
    return present === required;
  };
}

const shape = SubmissionPart.shape;
const upsertsOk = compileCheck(shape.upserts);
const deletionsOk = compileCheck(shape.deletions);
/** Exported for the property test. */
export const rowUpsertOk = compileCheck(RowUpsert);

/** One check per synced field's value (for saying which row and field a refused part got wrong). */
export const valueOk: ReadonlyMap<string, Check> = new Map(
  Object.entries(SyncRowValues.shape).map(([f, schema]) => [f, compileCheck(defOf(schema).innerType!)]),
);

/**
 * The part when the fast path accepts it (zod would accept it with equal data), else undefined:
 * then the caller runs zod for the refusal. The envelope goes through zod with the row arrays
 * emptied (they are all that differs, and nothing in the envelope depends on them).
 */
export function fastParsePart(raw: unknown): SubmissionPart | undefined {
  if (!isPlainObject(raw)) return undefined;
  const { upserts, deletions } = raw;
  if (!upsertsOk(upserts) || !deletionsOk(deletions)) return undefined;
  const envelope = SubmissionPart.safeParse({ ...raw, upserts: [], deletions: [] });
  if (!envelope.success) return undefined;
  return { ...envelope.data, upserts, deletions } as SubmissionPart;
}
