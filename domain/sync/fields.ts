/**
 * Which ledger fields leave the workbook, and in what form (`fields.md`, column `sync`):
 * `yes` fields as canonical values, `key` fields only as keyed hashes, `never` fields not at all.
 */
import { FIELDS, type FieldKey } from '../fields/catalogue.js';
import type { ReadField } from '../engine/ledger-row.js';

/** Every field a submission may carry, in a fixed order (also the server's column order). */
export const SYNC_FIELDS: readonly ReadField[] = FIELDS.filter((f) => f.sync !== 'never').map(
  (f) => f.key as ReadField,
);

/** Fields sent only as HMAC-SHA256 hex digests made with the city's key. */
export const HASHED_FIELDS: readonly ReadField[] = FIELDS.filter((f) => f.sync === 'key').map(
  (f) => f.key as ReadField,
);

/** Fields that must never appear in a submission. */
export const PERSONAL_FIELDS: readonly FieldKey[] = FIELDS.filter((f) => f.sync === 'never').map((f) => f.key);
