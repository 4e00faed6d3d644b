/**
 * Which ledger fields leave the workbook, and in what form (`fields.md`, column `sync`):
 * `yes` fields as canonical values, `key` fields only as keyed hashes, `never` fields not at all.
 * All three lists derive from the field catalogue.
 */
import { FIELDS, type FieldDef, type FieldDefWith } from '../fields/catalogue.js';
import type { ReadField } from '../engine/ledger-row.js';

export { PERSONAL_FIELDS } from '../fields/catalogue.js';

const isSynced = (d: FieldDef): d is FieldDefWith<'key' | 'yes'> => d.sync !== 'never';
const isHashed = (d: FieldDef): d is FieldDefWith<'key'> => d.sync === 'key';

/** Every field a submission may carry, in a fixed order (also the server's column order). */
export const SYNC_FIELDS: readonly ReadField[] = FIELDS.filter(isSynced).map((d) => d.key);

/** Fields sent only as HMAC-SHA256 hex digests made with the city's key. */
export const HASHED_FIELDS: readonly ReadField[] = FIELDS.filter(isHashed).map((d) => d.key);

/**
 * Fields added to the catalogue after the protocol's first version. A blank one is left out of a
 * row's values (the service reads a missing value as a blank cell), so a row with nothing in them
 * has the canonical form and hash it had before they existed: an upgrade re-sends no row.
 */
export const SENT_ONLY_WHEN_FILLED: ReadonlySet<ReadField> = new Set<ReadField>([
  'lateCharge',
  'seizureDate',
  'seized',
  'propertySearchResult',
  'whereaboutsUnknown',
  'paymentMethod',
  'directDebit',
]);
