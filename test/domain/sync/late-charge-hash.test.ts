/**
 * Adding 延滞金 (lateCharge) to the synced fields must not change what existing rows send: a row
 * whose 延滞金 is blank, or whose sheet has no such column, has the same canonical values and the
 * same hash as before the field existed (else every ledger would re-send every row after an
 * upgrade). The expected strings and hashes below were computed before the field was added.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ClaimTypeIndex } from '../../../domain/claims/claim-types.js';
import type { LedgerRow, ReadField } from '../../../domain/engine/ledger-row.js';
import { RowReader } from '../../../domain/engine/read-row.js';
import { detectHeader } from '../../../domain/fields/header.js';
import { SYNC_FIELDS } from '../../../domain/sync/fields.js';
import { buildUpserts, canonicalJson, type SyncCrypto } from '../../../domain/sync/sync-row.js';
import type { Cell } from '../../../domain/values/parsed.js';

const crypto: SyncCrypto = {
  hmac: async (text) => createHmac('sha256', 'late-charge-hash-test').update(text, 'utf8').digest('hex'),
  sha256: async (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
};

const HEADER = ['整理番号', '年度', '調定額', '納期限', '収入済額', '最終収入日', '収入未済額', '督促状発付日'];
const ROWS: Cell[][] = [
  ['1001', '令和6年度', 123_456, '2024-04-30', 123_456, '2024-08-15', 0, '2024-05-20'],
  ['1002', 'R5', '50,000', 'R5.5.31', null, null, '50,000', null],
];

/** Reads a sheet as the pane does (header detection, row reader) and builds its upserts. */
async function upserts(grid: Cell[][]) {
  const mapping = detectHeader(grid);
  if (!mapping) throw new Error('no header');
  const reader = new RowReader(mapping, { claimTypes: new ClaimTypeIndex(), claimType: '保育料' });
  const rows: LedgerRow[] = [];
  grid.slice(1).forEach((cells, i) => {
    const r = reader.read(i + 2, cells);
    if (r.kind === 'data') rows.push(r.row);
  });
  const mapped = new Set(mapping.columns.map((c) => c.field as ReadField));
  return { mapped, upserts: await buildUpserts(rows, mapped, crypto) };
}

const BEFORE = [
  {
    json: '{"debtorId":"7bf96e8a37bc4844e2d5075914ea8f35be859627c632b3c4567b1ad48a94887d","fiscalYear":2024,"assessedAmount":123456,"dueDate":"2024-04-30","paidAmount":123456,"lastPaymentDate":"2024-08-15","outstanding":0,"demandDate":"2024-05-20"}',
    hash: 'a267b0e7ccc353570fc12e43396ce05e25e368f38370462ac526e2c0ff686fba',
  },
  {
    json: '{"debtorId":"91d06e6dda824e8d32abfe87a5e33c10b046986aea01bbbe5009afd81d9b1d1d","fiscalYear":2023,"assessedAmount":50000,"dueDate":"2023-05-31","paidAmount":null,"lastPaymentDate":null,"outstanding":50000,"demandDate":null}',
    hash: '9398c7d276803ffd67e8990013f10c9619f9270ee30823af8cec168f0e1ca504',
  },
];

describe('a blank 延滞金 leaves rows as they were', () => {
  it('a sheet without a 延滞金 column: the same values and hashes as before the field existed', async () => {
    const { upserts: u } = await upserts([HEADER, ...ROWS]);
    expect(u.map((x) => ({ json: canonicalJson(x.values), hash: x.hash }))).toEqual(BEFORE);
  });

  it('a sheet with a 延滞金 column left blank: mapped, yet the same values and hashes (a blank is sent as absent)', async () => {
    const { mapped, upserts: u } = await upserts([[...HEADER, '延滞金'], ...ROWS.map((r) => [...r, null])]);
    expect(mapped.has('lateCharge')).toBe(true);
    expect(u.map((x) => ({ json: canonicalJson(x.values), hash: x.hash }))).toEqual(BEFORE);
    expect(u.every((x) => !('lateCharge' in x.values))).toBe(true);
  });

  it('a filled 延滞金 is sent, last, and changes the hash', async () => {
    const { upserts: u } = await upserts([
      [...HEADER, '延滞金（確定額）'],
      ...ROWS.map((r, i) => [...r, i === 0 ? '2,400円' : '－']),
    ]);
    expect(canonicalJson(u[0]!.values)).toBe(`${BEFORE[0]!.json.slice(0, -1)},"lateCharge":2400}`);
    expect(u[0]!.hash).not.toBe(BEFORE[0]!.hash);
    expect(u[1]!.hash).toBe(BEFORE[1]!.hash);
  });

  it('an unreadable 延滞金 is sent as its marker, like any other field', async () => {
    const { upserts: u } = await upserts([
      [...HEADER, '延滞金'],
      [...ROWS[0]!, '二千四百円'],
    ]);
    expect(u[0]!.values.lateCharge).toEqual({ unreadable: 'unreadable' });
  });

  it('the existing fields keep their order, so the service grid’s columns and stored strings stay as they were', () => {
    expect(SYNC_FIELDS.slice(0, OLD_SYNC_FIELDS.length)).toEqual(OLD_SYNC_FIELDS);
    expect(SYNC_FIELDS[OLD_SYNC_FIELDS.length]).toBe('lateCharge');
  });
});

/** SYNC_FIELDS before 延滞金 was added. */
const OLD_SYNC_FIELDS = [
  'debtorId', 'claimType', 'classification', 'fiscalYear', 'period', 'assessmentNo', 'assessedDate', 'assessedAmount',
  'dueDate', 'paidAmount', 'lastPaymentDate', 'writtenOffAmount', 'writeOffDate', 'writeOffReason', 'outstanding',
  'demandDate', 'demandDeadline', 'lastDunningDate', 'dunningMethod', 'dunningCount', 'lastContactDate',
  'deferralType', 'deferralStart', 'deferralEnd', 'installmentAmount', 'nextInstallmentDate', 'acknowledgementDate',
  'suspensionDate', 'suspensionType', 'collectionStopDate', 'prescriptionDate', 'hardship', 'referralDate',
  'incomeBracket', 'lawyerDelegated',
]; // prettier-ignore
