/**
 * Builds valid submissions the way the task pane does: clear rows are read by the engine's row
 * reader, then turned into upserts by the domain's `buildUpserts` with a node:crypto SyncCrypto
 * under a test city key. `expectedCheck` runs the engine directly on the clear rows, for comparison.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { parseISODay } from '../../../domain/calendar/day.js';
import { ClaimTypeIndex } from '../../../domain/claims/claim-types.js';
import { checkSheet } from '../../../domain/engine/check.js';
import type { LedgerRow, ReadField } from '../../../domain/engine/ledger-row.js';
import { RowReader } from '../../../domain/engine/read-row.js';
import { RULESET_VERSION } from '../../../domain/rules/catalogue.js';
import { SYNC_FIELDS } from '../../../domain/sync/fields.js';
import type { FindingCounts, LedgerInfo, RowUpsert, SubmissionPart } from '../../../domain/sync/protocol.js';
import { syncedMapping } from '../../../domain/sync/server-grid.js';
import { buildUpserts, type SyncCrypto } from '../../../domain/sync/sync-row.js';
import type { Cell } from '../../../domain/values/parsed.js';

export const TEST_CITY_KEY = 'test-city-key-not-secret';
export const AS_OF = '2025-03-31';

export const testCrypto: SyncCrypto = {
  hmac: async (text) => createHmac('sha256', TEST_CITY_KEY).update(text, 'utf8').digest('hex'),
  sha256: async (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
};

/** A row as the sheet holds it, by canonical field (personal fields are never in it). */
export type RowSpec = Partial<Record<ReadField, Cell>>;

export const FIELDS: ReadField[] = [
  'debtorId', 'fiscalYear', 'period', 'assessmentNo', 'assessedAmount', 'dueDate', 'paidAmount',
  'demandDate', 'lastDunningDate', 'lastContactDate', 'dunningMethod',
]; // prettier-ignore

export const LEDGER: LedgerInfo = { name: '国民健康保険料 台帳', claimType: '国民健康保険料', fields: FIELDS };

export const newId = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `n` rows numbered from `start`, mixing fiscal years (現年度分 and arrears), paid and unpaid rows,
 * a missing 督促 now and then, and one unreadable amount in 500 (so every total is exercised).
 */
export function makeRows(n: number, start = 0, tag = 'D'): RowSpec[] {
  const rows: RowSpec[] = [];
  for (let i = start; i < start + n; i++) {
    const fy = 2020 + (i % 5);
    const month = (i % 6) + 4;
    const assessed = 1000 + (i % 97) * 100;
    rows.push({
      debtorId: `${tag}-${String(i).padStart(7, '0')}`,
      fiscalYear: fy,
      period: `${(i % 12) + 1}期`,
      assessmentNo: `A-${i}`,
      assessedAmount: assessed,
      dueDate: `${fy}-${pad(month)}-28`,
      paidAmount: i % 500 === 7 ? '千円くらい' : i % 3 === 0 ? assessed : i % 3 === 1 ? 0 : 500,
      demandDate: i % 4 === 0 ? null : `${fy}-${pad(month + 1)}-15`,
      lastDunningDate: i % 5 === 0 ? `${fy + 1}-01-10` : null,
      lastContactDate: i % 7 === 0 ? '2024-11-01' : null,
      dunningMethod: i % 5 === 0 ? '文書' : null,
    });
  }
  return rows;
}

/** The cells of a row in the service's grid order (SYNC_FIELDS), blank where not mapped. */
function cellsOf(spec: RowSpec, fields: readonly ReadField[]): Cell[] {
  const mapped = new Set(fields);
  return SYNC_FIELDS.map((f) => (mapped.has(f) ? (spec[f] ?? null) : null));
}

/** Upserts for rows that stand on worksheet rows `firstRow`, `firstRow + 1`, …. */
export async function upsertsFor(specs: readonly RowSpec[], firstRow = 2, fields = FIELDS): Promise<RowUpsert[]> {
  const reader = new RowReader(syncedMapping(fields), { claimTypes: new ClaimTypeIndex() });
  const cells = specs.map((s) => cellsOf(s, fields));
  const rows: LedgerRow[] = [];
  cells.forEach((c, i) => {
    const read = reader.read(firstRow + i, c);
    if (read.kind === 'data') rows.push(read.row);
  });
  return buildUpserts(rows, new Set(fields), testCrypto);
}

export interface SubmissionSpec {
  submissionId?: string;
  baseRevision?: number;
  asOf?: string;
  ledger?: LedgerInfo;
  upserts?: RowUpsert[];
  deletions?: string[];
  /** Number of parts; upserts and deletions are spread evenly. */
  parts?: number;
}

/** A submission as its parts. */
export function makeSubmission(s: SubmissionSpec): SubmissionPart[] {
  const count = s.parts ?? 1;
  const upserts = s.upserts ?? [];
  const deletions = s.deletions ?? [];
  const submissionId = s.submissionId ?? newId('sub');
  const slice = <T>(xs: T[], i: number) =>
    xs.slice(Math.floor((xs.length * i) / count), Math.floor((xs.length * (i + 1)) / count));
  return Array.from({ length: count }, (_, index) => ({
    submissionId,
    baseRevision: s.baseRevision ?? 0,
    asOf: s.asOf ?? AS_OF,
    rulesetVersion: RULESET_VERSION,
    ledger: s.ledger ?? LEDGER,
    part: { index, count },
    upserts: slice(upserts, index),
    deletions: slice(deletions, index),
  }));
}

export interface ExpectedCheck {
  totals: { rows: number; assessed: number; paid: number; outstanding: number };
  findings: FindingCounts;
}

/** The engine run directly on the clear rows (in sheet order), as the pane would check them. */
export function expectedCheck(specs: readonly RowSpec[], ledger = LEDGER, asOf = AS_OF): ExpectedCheck {
  const grid = [[], ...specs.map((s) => cellsOf(s, ledger.fields))];
  const outcome = checkSheet(grid, {
    asOf: parseISODay(asOf)!,
    claimType: ledger.claimType,
    mapping: syncedMapping(ledger.fields),
    ...(ledger.classification ? { classification: ledger.classification } : {}),
    ...(ledger.params ? { params: ledger.params } : {}),
  });
  if (!outcome.ok) throw new Error('rows could not be checked');
  const { summary, analysis } = outcome.result;
  return {
    totals: {
      rows: specs.length,
      assessed: analysis.total.assessed,
      paid: analysis.total.paid,
      outstanding: analysis.total.outstanding,
    },
    findings: { bySeverity: summary.bySeverity, byRule: summary.byRule as Record<string, number> },
  };
}
