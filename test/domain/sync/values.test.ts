/**
 * The synced value per field type and the unreadable marker: what the schema takes, that the
 * pane's own bounds check agrees with it, that a row never carries a cell's text, that the
 * service's grid turns each marker into a cell its engine refuses for the same reason, and the
 * personal-text scan by distinct text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimTypeIndex } from '../../../domain/claims/claim-types.js';
import type { ReadField } from '../../../domain/engine/ledger-row.js';
import { RowReader } from '../../../domain/engine/read-row.js';
import { fieldDef } from '../../../domain/fields/catalogue.js';
import { SYNC_FIELDS } from '../../../domain/sync/fields.js';
import { DetectorCache, MAX_ROWS_LISTED, scanSyncText } from '../../../domain/sync/personal-scan.js';
import { LedgerInfo, SyncRowValues } from '../../../domain/sync/protocol.js';
import { syncedCell, syncedMapping } from '../../../domain/sync/server-grid.js';
import { syncValues, type SyncCrypto } from '../../../domain/sync/sync-row.js';
import {
  isCanonicalDay,
  MAX_TEXT_VALUE,
  outOfBounds,
  UNREADABLE_CODES,
  valueSchema,
} from '../../../domain/sync/values.js';
import { MAX_FISCAL_YEAR, MAX_YEN, MIN_FISCAL_YEAR } from '../../../domain/values/limits.js';
import { parseFieldOf } from '../../../domain/values/index.js';

const ok = (field: ReadField, v: unknown) => valueSchema(field).safeParse(v).success;

describe('valueSchema', () => {
  it('takes canonical values of each type, null and the marker', () => {
    expect(ok('dueDate', '2024-04-01')).toBe(true);
    expect(ok('dueDate', '2024-02-29')).toBe(true);
    expect(ok('lawyerDelegated', true)).toBe(true);
    expect(ok('lawyerDelegated', '2024-04-01')).toBe(true);
    expect(ok('assessedAmount', MAX_YEN)).toBe(true);
    expect(ok('assessedAmount', -MAX_YEN)).toBe(true);
    expect(ok('fiscalYear', MIN_FISCAL_YEAR)).toBe(true);
    expect(ok('fiscalYear', MAX_FISCAL_YEAR)).toBe(true);
    expect(ok('dunningCount', 0)).toBe(true);
    expect(ok('hardship', false)).toBe(true);
    expect(ok('dunningMethod', '臨戸')).toBe(true);
    expect(ok('writeOffReason', 'x'.repeat(MAX_TEXT_VALUE))).toBe(true);
    for (const f of SYNC_FIELDS) {
      expect(ok(f, null), f).toBe(true);
      for (const code of UNREADABLE_CODES) expect(ok(f, { unreadable: code }), `${f} ${code}`).toBe(true);
    }
  });

  it('refuses free text and anything outside the type', () => {
    expect(ok('lastContactDate', '3/1 山田様と電話')).toBe(false);
    expect(ok('dueDate', '2024/4/1')).toBe(false);
    expect(ok('dueDate', '2023-02-29')).toBe(false);
    expect(ok('dueDate', '1867-12-31')).toBe(false);
    expect(ok('dueDate', 45383)).toBe(false);
    expect(ok('lawyerDelegated', '委任済')).toBe(false);
    expect(ok('assessedAmount', '1,000')).toBe(false);
    expect(ok('assessedAmount', MAX_YEN + 1)).toBe(false);
    expect(ok('assessedAmount', 0.5)).toBe(false);
    expect(ok('fiscalYear', MAX_FISCAL_YEAR + 1)).toBe(false);
    expect(ok('fiscalYear', '令和6年度')).toBe(false);
    expect(ok('dunningCount', -1)).toBe(false);
    expect(ok('hardship', '○')).toBe(false);
    expect(ok('dunningMethod', '山田様に電話')).toBe(false);
    expect(ok('writeOffReason', 'x'.repeat(MAX_TEXT_VALUE + 1))).toBe(false);
    expect(ok('writeOffReason', 12)).toBe(false);
    expect(ok('debtorId', 'D-0001')).toBe(false);
    // The marker carries a reason from the code set and nothing else.
    expect(ok('dueDate', { unreadable: '3/1 山田様と電話' })).toBe(false);
    expect(ok('dueDate', { unreadable: 'unreadable', text: '3/1' })).toBe(false);
    expect(ok('dueDate', {})).toBe(false);
  });

  it('says a day is canonical exactly when it is a real YYYY-MM-DD the engine reads as itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1800, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const p = parseFieldOf(fieldDef('dueDate'), s);
          expect(isCanonicalDay(s), s).toBe(p.ok && p.value !== null);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('outOfBounds agrees with the schema on values of the field’s type', () => {
    const cases: [ReadField, unknown][] = [
      ['assessedAmount', MAX_YEN + 1],
      ['assessedAmount', -MAX_YEN - 1],
      ['assessedAmount', MAX_YEN],
      ['assessedAmount', 1e15],
      ['fiscalYear', 1946],
      ['fiscalYear', 2101],
      ['fiscalYear', 2024],
      ['dunningCount', 2 ** 53],
      ['dunningCount', 3],
      ['period', 'x'.repeat(101)],
      ['period', 'x'.repeat(100)],
    ];
    for (const [f, v] of cases) expect(outOfBounds(f, v) === null, `${f} ${String(v)}`).toBe(ok(f, v));
  });
});

describe('LedgerInfo.name', () => {
  const info = (name: string) => LedgerInfo.safeParse({ name, claimType: '保育料', fields: [] });
  it('refuses control and invisible characters, and names past 100 characters', () => {
    expect(info('保育料 台帳').success).toBe(true);
    expect(info('台帳\n一').success).toBe(false);
    expect(info('台帳\u200b').success).toBe(false);
    expect(info('台帳\u202e').success).toBe(false);
    expect(info('').success).toBe(false);
    expect(info('x'.repeat(101)).success).toBe(false);
  });
});

const crypto: SyncCrypto = { hmac: async (t) => `h:${t}`.padEnd(64, '0'), sha256: async (t) => t };

describe('a row as sent', () => {
  const fields: ReadField[] = SYNC_FIELDS.filter((f) => f !== 'debtorId' && f !== 'assessmentNo');
  const reader = new RowReader(syncedMapping(fields), { claimTypes: new ClaimTypeIndex() });
  const TEXTS = ['3/1 山田様と電話', '令和6年2月30日', '1,234.5', '山田様に電話', '来年度', '△500', 'なし?'];

  it('carries markers for unreadable cells, never their text', async () => {
    for (const text of TEXTS) {
      const cells = SYNC_FIELDS.map((f) => (fields.includes(f) && fieldDef(f).type !== 'text' ? text : null));
      const read = reader.read(2, cells);
      if (read.kind !== 'data') throw new Error('not a data row');
      const values = await syncValues(read.row, new Set(fields), crypto);
      expect(SyncRowValues.safeParse(values).success, text).toBe(true);
      expect(JSON.stringify(values)).not.toContain(text);
      for (const [f, reason] of Object.entries(read.row.invalid ?? {})) {
        expect(values[f as ReadField], `${text} ${f}`).toEqual({ unreadable: reason });
      }
    }
  });

  it('reads back on the service as a cell its engine refuses for the same reason', () => {
    for (const f of fields) {
      const t = fieldDef(f).type;
      for (const code of UNREADABLE_CODES) {
        const cell = syncedCell(f, { unreadable: code });
        const reread = reader.read(
          2,
          SYNC_FIELDS.map((g) => (g === f ? cell : null)),
        );
        const got = reread.kind === 'data' ? reread.row.invalid?.[f] : undefined;
        // Every marker is unreadable on the service; with the same reason wherever the type can give it.
        expect(got, `${f} ${code}`).toBeDefined();
        const possible =
          code === 'unreadable' ||
          (code === 'negative' && t === 'yen') ||
          (code === 'fraction' && t === 'yen') ||
          (code === 'no-such-day' && (t === 'date' || t === 'booleanOrDate')) ||
          (code === 'out-of-range' && ['date', 'booleanOrDate', 'yen', 'integer', 'fiscalYear'].includes(t)) ||
          (code === 'unknown-option' && t === 'enum');
        if (possible && !(code === 'unreadable' && t === 'enum')) expect(got, `${f} ${code}`).toBe(code);
      }
    }
  });
});

describe('scanSyncText', () => {
  it('reports each personal-looking text once per field, with its rows, and never the text', () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      row: i + 2,
      values: { writeOffReason: i % 2 ? '債務者 山田太郎 死亡のため' : '時効完成', period: '1期' },
    }));
    const calls: string[] = [];
    const cache = new DetectorCache();
    const find = cache.find.bind(cache);
    cache.find = (t) => (calls.push(t), find(t));
    const report = scanSyncText(rows, { name: '保育料 台帳', claimType: '保育料' }, cache);
    expect(report.confirmable).toBe(true);
    expect(report.findings).toHaveLength(1);
    const f = report.findings[0]!;
    expect(f).toMatchObject({ field: 'writeOffReason', rowCount: 60 });
    expect(f.rows).toHaveLength(MAX_ROWS_LISTED);
    expect(f.rows![0]).toBe(3);
    expect(JSON.stringify(report)).not.toMatch(/山田/);
    // The detector ran once per distinct text (and once each for the ledger's name and claim type).
    expect(calls.filter((t) => t === '債務者 山田太郎 死亡のため')).toHaveLength(1);
  });

  it('puts a My Number first and makes the report unconfirmable', () => {
    const report = scanSyncText(
      [
        { row: 2, values: { writeOffReason: 'TEL 090-1234-5678' } },
        { row: 3, values: { period: '1234 5678 9012' } },
      ],
      { name: '山田太郎の台帳' },
    );
    expect(report.confirmable).toBe(false);
    expect(report.findings[0]!.field).toBe('period');
    expect(report.findings.map((f) => f.field).sort()).toEqual(['ledger.name', 'period', 'writeOffReason']);
  });
});
