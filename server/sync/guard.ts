/**
 * Checks on the raw body before anything else reads it: a personal field anywhere, or a key field
 * in clear text, is refused before validation, storage or logging can see the values.
 */
import { HASHED_FIELDS, PERSONAL_FIELDS } from '../../domain/sync/fields.js';
import { HEX_DIGEST, isUnreadable } from '../../domain/sync/values.js';
import { keyNotHashed, personalField } from './failures.js';

const PERSONAL = new Set<string>(PERSONAL_FIELDS);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Personal field names used as a key at any depth, or listed as a mapped field of the ledger. */
export function personalFieldsIn(body: unknown): string[] {
  const found = new Set<string>();
  // Iterative: a deeply nested body must not overflow the stack.
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (PERSONAL.has(k)) found.add(k);
        if (isObject(x)) stack.push(x);
      }
    }
  }
  const fields = isObject(body) && isObject(body.ledger) ? body.ledger.fields : undefined;
  if (Array.isArray(fields)) for (const f of fields) if (typeof f === 'string' && PERSONAL.has(f)) found.add(f);
  return PERSONAL_FIELDS.filter((f) => found.has(f));
}

/** Key fields (debtorId, assessmentNo) whose value is neither an HMAC digest nor the unreadable marker. */
export function unhashedKeysIn(body: unknown): string[] {
  const found = new Set<string>();
  const upserts = isObject(body) ? body.upserts : undefined;
  if (!Array.isArray(upserts)) return [];
  for (const u of upserts) {
    const values = isObject(u) ? u.values : undefined;
    if (!isObject(values)) continue;
    for (const f of HASHED_FIELDS) {
      const v = values[f];
      if (v === undefined || v === null || isUnreadable(v)) continue;
      if (!(typeof v === 'string' && HEX_DIGEST.test(v))) found.add(f);
    }
  }
  return HASHED_FIELDS.filter((f) => found.has(f));
}

export function assertNoPersonalData(body: unknown): void {
  const personal = personalFieldsIn(body);
  if (personal.length > 0) throw personalField(personal);
  const clear = unhashedKeysIn(body);
  if (clear.length > 0) throw keyNotHashed(clear);
}
