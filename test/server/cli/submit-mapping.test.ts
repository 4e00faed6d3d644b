import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyUserMapping, detectHeader } from '../../../domain/fields/header.js';
import type { StoredSheetConfig } from '../../../domain/sync/sheet-config.js';
import type { Cell } from '../../../domain/values/parsed.js';
import { writeCsv } from '../../../server/sample/write-csv.js';
import { runSaiken } from '../../fixtures/cli-harness.js';
import { api, startTestService, type TestService } from '../helpers/service.js';
import { AS_OF, recordRequests } from './submit-fixtures.js';

let svc: TestService;
let division: string;
let dir: string;

beforeAll(async () => {
  svc = await startTestService();
  division = await svc.makeToken('division', '健康福祉局', '保険年金課');
  dir = mkdtempSync(join(tmpdir(), 'saiken-submit-mapping-'));
});
afterAll(async () => {
  await svc.close();
  rmSync(dir, { recursive: true, force: true });
});

const LEDGER = 'kokuho_export_01';
/** A standard system's export: its id column is named nothing the catalogue knows. */
const HEADER = ['宛名コード', '氏名', '年度', '期別', '調定額', '納期限', '収入済額', '督促状発付日'];
const row = (i: number, paid: number): Cell[] => [
  `A${1000 + i}`, `国保 一郎${i}`, 2024, '1期', 50_000, '2024/7/31', paid, paid === 0 ? '2024/8/20' : null,
]; // prettier-ignore
const ROWS = [row(1, 50_000), row(2, 0), row(3, 0)];

async function exportOf(name: string, grid: Cell[][]): Promise<string> {
  const path = join(dir, `${name}.csv`);
  await writeCsv(path, grid, 'utf-8-bom');
  return path;
}

/** The mapping as the pane stores it once the clerk confirmed 宛名コード as the debtor id. */
function storedMapping(): StoredSheetConfig {
  const detected = detectHeader([HEADER])!;
  const confirmed = applyUserMapping(detected, { debtorId: 0 });
  if (!confirmed.ok) throw new Error('not mapped');
  return { v: 1, ledgerId: LEDGER, claimType: '国民健康保険料', mapping: confirmed.detection };
}

function mappingFile(config: unknown = storedMapping()): string {
  const path = join(dir, 'mapping.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

const submit = (file: string, ...more: string[]) =>
  runSaiken([
    'submit', file, '--server', svc.url, '--token', division, '--as-of', AS_OF, '--state-dir', join(dir, 'state'),
    '--name', '国保', ...more,
  ]); // prettier-ignore

describe('saiken submit --mapping', () => {
  it('pins the columns the clerk confirmed (ledger id and claim type from the file too)', async () => {
    const r = await submit(await exportOf('kokuho', [HEADER, ...ROWS]), '--mapping', mappingFile());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`台帳 ${LEDGER} を送信しました（リビジョン 1）`);
    expect(r.stdout).toContain('追加: 3 行');
    const ledger = (await api(svc.url, division).get(`/api/v1/ledgers/${LEDGER}`)).body;
    expect(ledger).toMatchObject({ claim: { name: '国民健康保険料' }, totals: { rows: 3, paid: 50_000 } });
  });

  it('a header that changed since the mapping was made: an error naming the column, nothing sent', async () => {
    const renamed = HEADER.map((h) => (h === '調定額' ? '調定金額' : h));
    const rec = recordRequests();
    try {
      const r = await submit(await exportOf('renamed', [renamed, ...ROWS]), '--mapping', mappingFile());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('E列「調定額」→「調定金額」');
      expect(rec.requests).toHaveLength(0);
    } finally {
      rec.restore();
    }
  });

  it('amounts now in thousands of yen, a header row that moved: errors, not guesses', async () => {
    const thousands = HEADER.map((h) => (h === '調定額' ? '調定額（千円）' : h));
    const r1 = await submit(await exportOf('thousands', [thousands, ...ROWS]), '--mapping', mappingFile());
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('E列「調定額」→「調定額（千円）」');
    const titled = [['国民健康保険料 滞納一覧'], HEADER, ...ROWS];
    const r2 = await submit(await exportOf('titled', titled), '--mapping', mappingFile());
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('マッピングでは 1 行目、ファイルでは 2 行目');
  });

  it('a mapping of another ledger, or not a mapping at all', async () => {
    const file = await exportOf('kokuho', [HEADER, ...ROWS]);
    const other = await submit(file, '--mapping', mappingFile(), '--ledger', 'another_ledger');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`マッピングファイルの台帳ID（${LEDGER}）と --ledger（another_ledger）が違います`);
    const junk = await submit(file, '--mapping', mappingFile({ columns: 'A' }));
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('形式が正しくありません');
  });

  it('exits 1 when the file has an error finding, as check does, after sending', async () => {
    const late = [HEADER, row(4, 0).map((c, i) => (i === 7 ? null : c))]; // no 督促 after the due date
    const r = await submit(await exportOf('kokuho', late), '--mapping', mappingFile());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('指摘: エラー 1 件');
    expect(r.stdout).toContain('削除: 3 行');
  });
});
