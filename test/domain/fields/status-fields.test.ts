/**
 * The fields of the receivables status report and the payment channels (差押日, 差押, 財産調査結果,
 * 所在不明, 納付方法, 口座振替の有無): their headers are found, their cells read, they are sent as
 * values (last, and only when filled, so rows without them keep their hash), the service's schema
 * takes them and its grid reads them back as the pane read them.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ClaimTypeIndex } from '../../../domain/claims/claim-types.js';
import type { LedgerRow, ReadField } from '../../../domain/engine/ledger-row.js';
import { RowReader } from '../../../domain/engine/read-row.js';
import { fieldDef, FIELD_KEYS, isPersonalField } from '../../../domain/fields/catalogue.js';
import { detectHeader } from '../../../domain/fields/header.js';
import { SENT_ONLY_WHEN_FILLED, SYNC_FIELDS } from '../../../domain/sync/fields.js';
import { RowUpsert } from '../../../domain/sync/protocol.js';
import { syncedCells, syncedMapping } from '../../../domain/sync/server-grid.js';
import { buildUpserts, type SyncCrypto } from '../../../domain/sync/sync-row.js';
import type { Cell } from '../../../domain/values/parsed.js';

const NEW_FIELDS = [
  'seizureDate',
  'seized',
  'propertySearchResult',
  'whereaboutsUnknown',
  'paymentMethod',
  'directDebit',
] as const satisfies readonly ReadField[];

const crypto: SyncCrypto = {
  hmac: async (text) => createHmac('sha256', 'status-fields-test').update(text, 'utf8').digest('hex'),
  sha256: async (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
};

function readSheet(grid: Cell[][]) {
  const mapping = detectHeader(grid);
  if (!mapping) throw new Error('no header');
  const reader = new RowReader(mapping, { claimTypes: new ClaimTypeIndex(), claimType: '市民税' });
  const rows: LedgerRow[] = [];
  grid.slice(1).forEach((cells, i) => {
    const r = reader.read(i + 2, cells);
    if (r.kind === 'data') rows.push(r.row);
  });
  return { mapping, rows, mapped: new Set(mapping.columns.map((c) => c.field as ReadField)) };
}

const BASE_HEADER = ['整理番号', '年度', '調定額', '納期限', '収入済額', '収入未済額'];
const BASE_ROW: Cell[] = ['1001', 'R5', 80_000, 'R5.5.31', 0, 80_000];

describe('the status and payment fields in the catalogue', () => {
  it('come last, after 延滞金, so the fields before keep their order', () => {
    expect(FIELD_KEYS.slice(FIELD_KEYS.indexOf('lateCharge') + 1)).toEqual(NEW_FIELDS);
    expect(SYNC_FIELDS.slice(-NEW_FIELDS.length)).toEqual(NEW_FIELDS);
  });

  it('are not personal, are sent as values, and only when filled', () => {
    for (const f of NEW_FIELDS) {
      expect(isPersonalField(f)).toBe(false);
      expect(fieldDef(f).sync).toBe('yes');
      expect(SENT_ONLY_WHEN_FILLED.has(f)).toBe(true);
    }
  });

  it.each([
    ['差押日', 'seizureDate'],
    ['差押年月日', 'seizureDate'],
    ['差押執行日', 'seizureDate'],
    ['差押', 'seized'],
    ['差押の有無', 'seized'],
    ['財産調査結果', 'propertySearchResult'],
    ['財産調査', 'propertySearchResult'],
    ['所在不明', 'whereaboutsUnknown'],
    ['居所不明', 'whereaboutsUnknown'],
    ['納付方法', 'paymentMethod'],
    ['支払方法', 'paymentMethod'],
    ['口座振替の有無', 'directDebit'],
    ['口座振替', 'directDebit'],
    ['口振', 'directDebit'],
  ])('the header 「%s」 maps to %s', (header, field) => {
    const { mapping } = readSheet([
      [...BASE_HEADER, header],
      [...BASE_ROW, null],
    ]);
    expect(mapping.columns.find((c) => c.header === header)?.field).toBe(field);
  });
});

describe('reading and sending them', () => {
  const HEADER = [...BASE_HEADER, '差押日', '差押', '財産調査結果', '所在不明', '納付方法', '口座振替'];

  it('reads the values real ledgers write, and aliases', () => {
    const { rows } = readSheet([
      HEADER,
      [...BASE_ROW, 'R6.2.1', '○', '無財産', '○', 'コンビニ納付', '×'],
      [...BASE_ROW, null, '2024-02-01', 'あり', null, '口振', '有'],
    ]);
    expect(rows[0]!.v).toMatchObject({
      seized: true,
      propertySearchResult: '財産なし',
      whereaboutsUnknown: true,
      paymentMethod: 'コンビニ',
      directDebit: false,
    });
    expect(rows[0]!.v.seizureDate).not.toBeNull();
    // A day written under 差押 is a yes, as under 弁護士委任.
    expect(rows[1]!.v).toMatchObject({ seized: true, propertySearchResult: '財産あり', paymentMethod: '口座振替' });
  });

  it('marks a value it cannot read, without its text', async () => {
    const { rows, mapped } = readSheet([HEADER, [...BASE_ROW, null, null, '山田', null, 'ビットコイン', null]]);
    expect(rows[0]!.invalid).toMatchObject({ propertySearchResult: 'unknown-option', paymentMethod: 'unknown-option' });
    const [u] = await buildUpserts(rows, mapped, crypto);
    expect(u!.values.propertySearchResult).toEqual({ unreadable: 'unknown-option' });
    expect(JSON.stringify(u)).not.toContain('山田');
  });

  it('blank new columns change no value and no hash', async () => {
    const without = readSheet([BASE_HEADER, BASE_ROW]);
    const blank = readSheet([HEADER, [...BASE_ROW, null, null, null, null, null, null]]);
    const [a] = await buildUpserts(without.rows, without.mapped, crypto);
    const [b] = await buildUpserts(blank.rows, blank.mapped, crypto);
    expect(b).toEqual(a);
  });

  it('filled ones are sent typed, accepted by the schema, and read back alike on the service’s grid', async () => {
    const { rows, mapped } = readSheet([
      HEADER,
      [...BASE_ROW, '令和6年2月1日', '○', '財産なし', '○', 'スマホ決済', '○'],
    ]);
    const [u] = await buildUpserts(rows, mapped, crypto);
    expect(u!.values).toMatchObject({
      seizureDate: '2024-02-01',
      seized: true,
      propertySearchResult: '財産なし',
      whereaboutsUnknown: true,
      paymentMethod: 'スマホ決済',
      directDebit: true,
    });
    expect(RowUpsert.safeParse(u).success).toBe(true);
    const grid = [[], syncedCells(u!.values)];
    const back = new RowReader(syncedMapping([...mapped]), { claimTypes: new ClaimTypeIndex(), claimType: '市民税' });
    const r = back.read(2, grid[1]!);
    if (r.kind !== 'data') throw new Error('no row');
    for (const f of NEW_FIELDS) expect(r.row.v[f]).toEqual(rows[0]!.v[f]);
  });

  it('the schema refuses a value outside a field’s options', () => {
    const ok = { key: 'b'.repeat(64), hash: 'a'.repeat(64), row: 2, values: { paymentMethod: '口座振替' } };
    expect(RowUpsert.safeParse(ok).success).toBe(true);
    expect(RowUpsert.safeParse({ ...ok, values: { paymentMethod: '現金書留' } }).success).toBe(false);
    expect(RowUpsert.safeParse({ ...ok, values: { whereaboutsUnknown: '○' } }).success).toBe(false);
  });
});
