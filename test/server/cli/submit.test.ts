import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseISODay } from '../../../domain/calendar/day.js';
import { checkSheet } from '../../../domain/engine/check.js';
import { syncedFields } from '../../../domain/sync/outgoing.js';
import { buildUpserts } from '../../../domain/sync/sync-row.js';
import { webSyncCrypto } from '../../../addin/sync/web-crypto.js';
import { readSheetFile } from '../../../server/io/read-sheet.js';
import { runSaiken } from '../../fixtures/cli-harness.js';
import { api, startTestService, type TestService } from '../helpers/service.js';
import {
  addressOf,
  AS_OF,
  debtorOf,
  exportRows,
  nameOf,
  phoneOf,
  recordRequests,
  stateTexts,
  writeExport,
  type ExportRow,
} from './submit-fixtures.js';

let svc: TestService;
let division: string;
let dir: string;
let stateDir: string;
let recorder: ReturnType<typeof recordRequests> | null = null;

beforeAll(async () => {
  svc = await startTestService();
  division = await svc.makeToken('division', '子ども未来局', '保育課');
  dir = mkdtempSync(join(tmpdir(), 'saiken-submit-'));
  stateDir = join(dir, 'state');
});
afterAll(async () => {
  await svc.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  recorder?.restore();
  recorder = null;
});

const record = (interfere?: Parameters<typeof recordRequests>[0]) => (recorder = recordRequests(interfere));

const submit = (file: string, ledger: string, ...more: string[]) =>
  runSaiken([
    'submit', file, '--ledger', ledger, '--server', svc.url, '--token', division, '--claim-type', '保育料',
    '--as-of', AS_OF, '--state-dir', stateDir, ...more,
  ]); // prettier-ignore

/** The export, written where the system writes it each time (the ledger's name is the file's). */
const exportFile = (rows: readonly ExportRow[], header?: readonly string[], name = '保育料台帳') =>
  writeExport(join(dir, `${name}.csv`), rows, header);

async function ledgerOf(id: string) {
  const res = await api(svc.url, division).get(`/api/v1/ledgers/${id}`);
  return res.body as { revision: number; totals: { rows: number; assessed: number; paid: number } };
}
async function storedRows(id: string) {
  const res = await api(svc.url, division).get(`/api/v1/ledgers/${id}/rows?since=0`);
  return res.body as { revision: number; rows: { key: string; hash: string }[] };
}
const sum = (rows: readonly ExportRow[], f: (r: ExportRow) => number) => rows.reduce((s, r) => s + f(r), 0);

/** Nothing personal in what was sent or kept: no name, address, phone or clear debtor id, no cell text kept. */
function expectNothingPersonal(texts: readonly string[], rows: readonly ExportRow[]) {
  const all = texts.join('\n');
  for (const r of rows) {
    for (const personal of [nameOf(r.i), addressOf(r.i), phoneOf(r.i), debtorOf(r.i)]) {
      expect(all).not.toContain(personal);
    }
  }
  expect(all).not.toMatch(/山田|札幌|011-555|K88/);
}

describe('saiken submit', () => {
  const ledger = 'hoiku_submit_01';
  const rows = exportRows(20);

  it('first send: applies every row, sends no personal data, keeps hashes and ids only', async () => {
    const file = await exportFile(rows);
    const rec = record();
    const r = await submit(file, ledger);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('指摘: エラー 0 件');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`台帳 ${ledger} を送信しました（リビジョン 1）`);
    expect(r.stdout).toContain('追加: 20 行、変更: 0 行、削除: 0 行、変更なし: 0 行');
    expect(rec.posts()).toHaveLength(1);
    expect(rec.requests.map((q) => new URL(q.url).pathname)).toEqual([
      '/api/v1/city-key',
      `/api/v1/ledgers/${ledger}/submissions`,
    ]);
    const l = await ledgerOf(ledger);
    expect(l.revision).toBe(1);
    expect(l.totals).toMatchObject({
      rows: 20,
      assessed: sum(rows, (x) => x.assessed),
      paid: sum(rows, (x) => x.paid),
    });
    expectNothingPersonal([...rec.requests.map((q) => q.body), ...stateTexts(stateDir)], rows);
    const state = JSON.parse(stateTexts(stateDir)[0]!);
    expect(Object.keys(state)).toEqual(['v', 'server', 'revision', 'rows', 'basis', 'pending']);
    expect(state).toMatchObject({ revision: 1, pending: null });
    expect(stateTexts(stateDir).join()).not.toMatch(/期|保育料/);
  });

  it('the same file again sends nothing', async () => {
    const rec = record();
    const r = await submit(await exportFile(rows), ledger);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`台帳 ${ledger} に送る変更はありません（リビジョン 1）`);
    expect(r.stdout).toContain('変更なし: 20 行');
    expect(rec.posts()).toHaveLength(0);
    expect((await ledgerOf(ledger)).revision).toBe(1);
  });

  it('an edited file sends only the changed rows: two changed, one gone, one new', async () => {
    const edited = rows.filter((x) => x.i !== 5).map((x) => (x.i === 2 || x.i === 7 ? { ...x, paid: x.assessed } : x));
    edited.push(...exportRows(1, 100));
    const rec = record();
    const r = await submit(await exportFile(edited), ledger);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('追加: 1 行、変更: 2 行、削除: 1 行、変更なし: 17 行');
    const bodies = rec.posts().map((q) => JSON.parse(q.body) as { upserts: { row: number }[]; deletions: string[] });
    expect(bodies.flatMap((b) => b.upserts)).toHaveLength(3);
    expect(bodies.flatMap((b) => b.deletions)).toHaveLength(1);
    const l = await ledgerOf(ledger);
    expect(l.revision).toBe(2);
    expect(l.totals).toMatchObject({ rows: 20, paid: sum(edited, (x) => x.paid) });
    expectNothingPersonal(
      rec.requests.map((q) => q.body),
      edited,
    );
  });

  it('the pane’s builder and saiken submit give the service the same row keys and hashes', async () => {
    const edited = rows.filter((x) => x.i !== 5).map((x) => (x.i === 2 || x.i === 7 ? { ...x, paid: x.assessed } : x));
    edited.push(...exportRows(1, 100));
    const read = await readSheetFile(await exportFile(edited));
    if (!read.ok) throw new Error(read.message);
    const checked = checkSheet(read.grid, { asOf: parseISODay(AS_OF)!, claimType: '保育料' });
    if (!checked.ok) throw new Error('not checked');
    const key = (await api(svc.url, division).get('/api/v1/city-key')).body.key as string;
    const pane = await buildUpserts(
      checked.checker.dataRows(),
      new Set(syncedFields(checked.result.mapping)),
      await webSyncCrypto(key),
    );
    const stored = await storedRows(ledger);
    const byKey = (xs: { key: string; hash: string }[]) => new Map(xs.map((x) => [x.key, x.hash]));
    expect(byKey(stored.rows)).toEqual(byKey(pane));
  });

  it('catches up when another sender moved the ledger on (409 stale-revision), as the pane does', async () => {
    // Another sender (the pane, say) sends the ledger as it was first: revision 3.
    const other = rows.slice(0, 10);
    const otherState = join(dir, 'other-state');
    const r0 = await runSaiken([
      'submit', await exportFile(other, undefined, '別の送信元'), '--ledger', ledger, '--server', svc.url, '--token', division,
      '--claim-type', '保育料', '--as-of', AS_OF, '--state-dir', otherState,
    ]); // prettier-ignore
    expect(r0.stderr).toContain('差分を送り直しました');
    expect((await ledgerOf(ledger)).revision).toBe(3); // its first try was stale (base 0): caught up, sent at 2
    const final = exportRows(20);
    const rec = record();
    const r = await submit(await exportFile(final), ledger);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('差分を送り直しました');
    expect(rec.posts().map((q) => (JSON.parse(q.body) as { baseRevision: number }).baseRevision)).toEqual([2, 3]);
    const l = await ledgerOf(ledger);
    expect(l.revision).toBe(4);
    expect(l.totals).toMatchObject({
      rows: 20,
      assessed: sum(final, (x) => x.assessed),
      paid: sum(final, (x) => x.paid),
    });
  });
});

describe('saiken submit: a send cut short is resumed, and counted once', () => {
  const rows = exportRows(23);
  const expectTotals = async (ledger: string) =>
    expect((await ledgerOf(ledger)).totals).toMatchObject({
      rows: 23,
      assessed: sum(rows, (x) => x.assessed),
      paid: sum(rows, (x) => x.paid),
    });

  it('the connection drops after two of five parts: the next run sends the same submission, once', async () => {
    const ledger = 'hoiku_resume_01';
    const file = await exportFile(rows);
    const cut = record(async (post, send) => {
      if (post === 2) throw new TypeError('fetch failed');
      return send();
    });
    const r1 = await submit(file, ledger, '--part-rows', '5');
    cut.restore();
    expect(r1.code).toBe(2);
    expect(r1.stdout).toBe('');
    expect(r1.stderr).toContain('サービスに接続できません');
    expect(r1.stderr).toContain('続きから送ります');
    expect(r1.stderr).not.toMatch(/\bat\s+\S+\s*\(|TypeError/);
    const first = cut.posts().map((q) => JSON.parse(q.body) as { submissionId: string; part: { index: number } });
    expect(first.map((p) => p.part.index)).toEqual([0, 1, 2]);
    expect(JSON.parse(stateTexts(stateDir).find((t) => t.includes('"pending":{'))!).pending.submissionId).toBe(
      first[0]!.submissionId,
    );

    const rec = record();
    const r2 = await submit(file, ledger, '--part-rows', '5');
    expect(r2.code).toBe(0);
    expect(r2.stderr).toContain('続きから送ります');
    const again = rec.posts().map((q) => JSON.parse(q.body) as { submissionId: string });
    expect(again).toHaveLength(5);
    expect(new Set(again.map((p) => p.submissionId))).toEqual(new Set([first[0]!.submissionId]));
    expect((await ledgerOf(ledger)).revision).toBe(1);
    await expectTotals(ledger);
  });

  it('the service applies the last part but its answer is lost: the rerun is answered as applied, nothing doubles', async () => {
    const ledger = 'hoiku_resume_02';
    const file = await exportFile(rows);
    const lost = record(async (post, send) => {
      const res = await send();
      if (post === 4) throw new TypeError('fetch failed');
      return res;
    });
    expect((await submit(file, ledger, '--part-rows', '5')).code).toBe(2);
    lost.restore();
    expect((await ledgerOf(ledger)).revision).toBe(1);
    const r = await submit(file, ledger, '--part-rows', '5');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('リビジョン 1');
    expect((await ledgerOf(ledger)).revision).toBe(1);
    await expectTotals(ledger);
  });

  it('the service refuses mid-way (503): kept, resumed, counted once', async () => {
    const ledger = 'hoiku_resume_03';
    const file = await exportFile(rows);
    const busy = record(async (post, send) => (post === 1 ? new Response('', { status: 503 }) : send()));
    const r1 = await submit(file, ledger, '--part-rows', '5');
    busy.restore();
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('HTTP 503');
    expect(r1.stderr).toContain('続きから送ります');
    const r2 = await submit(file, ledger, '--part-rows', '5');
    expect(r2.code).toBe(0);
    await expectTotals(ledger);
    expect((await ledgerOf(ledger)).revision).toBe(1);
  });
});

describe('saiken submit refuses, saying why in Japanese, and sends nothing', () => {
  it('a My Number column: refused before anything leaves, even the city key request', async () => {
    const header = [
      '債務者番号',
      '氏名',
      '個人番号',
      '電話番号',
      '年度',
      '期別',
      '調定額',
      '納期限',
      '収入済額',
      '督促状発付日',
    ];
    const rec = record();
    const r = await submit(await exportFile(exportRows(3), header), 'hoiku_mynumber');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('マイナンバー（個人番号）の列（C「個人番号」）');
    expect(rec.requests).toHaveLength(0);
  });

  it('a bad token, a token of the wrong role, an unreachable service', async () => {
    const file = await exportFile(exportRows(3));
    const bad = await runSaiken(['submit', file, '--ledger', 'hoiku_tokens', '--server', svc.url, '--token', 'nope',
      '--claim-type', '保育料', '--state-dir', stateDir]); // prettier-ignore
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('トークンが無効か、取り消されています');
    const accounting = await svc.makeToken('accounting', '会計室');
    const wrong = await runSaiken(['submit', file, '--ledger', 'hoiku_tokens', '--server', svc.url, '--token',
      accounting, '--claim-type', '保育料', '--state-dir', stateDir]); // prettier-ignore
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('課（division）のトークン');
    const down = await runSaiken(['submit', file, '--ledger', 'hoiku_tokens', '--server', 'http://127.0.0.1:9',
      '--token', division, '--claim-type', '保育料', '--state-dir', stateDir]); // prettier-ignore
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('サービスに接続できません');
    for (const r of [bad, wrong, down]) expect(r.stderr).not.toMatch(/\bat\s+\S+\s*\(|Error:/);
  });

  it('text that looks personal in a text field that leaves (期別): refused with its row and field, never its text', async () => {
    const path = join(dir, '期別.csv');
    const header = ['債務者番号', '期別', '調定額', '納期限', '収入済額'];
    writeFileSync(
      path,
      `${header.join(',')}\r\nK1,1期,1000,2024/5/31,0\r\nK2,090-1234-5678 に連絡,1000,2024/5/31,0\r\n`,
    );
    const rec = record();
    const r = await submit(path, 'hoiku_personal');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('3 行目の期別');
    expect(r.stderr).not.toContain('090-1234-5678');
    expect(rec.posts()).toHaveLength(0);
  });

  it('missing token or claim type; in English with --lang en', async () => {
    const file = await exportFile(exportRows(2));
    const saved = process.env.SAIKEN_TOKEN;
    delete process.env.SAIKEN_TOKEN;
    try {
      const r = await runSaiken(['submit', file, '--ledger', 'hoiku_options', '--server', svc.url]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('SAIKEN_TOKEN');
      const en = await runSaiken(['submit', file, '--ledger', 'hoiku_options', '--server', svc.url, '--lang', 'en']);
      expect(en.stderr).toMatch(/^Give an access token/);
    } finally {
      if (saved !== undefined) process.env.SAIKEN_TOKEN = saved;
    }
    const noClaim = await runSaiken([
      'submit',
      file,
      '--ledger',
      'hoiku_options',
      '--server',
      svc.url,
      '--token',
      division,
    ]);
    expect(noClaim.stderr).toContain('--claim-type');
  });
});

describe('saiken submit: the token from a file or the environment', () => {
  it('reads --token-file (warning when others can read it) and SAIKEN_TOKEN', async () => {
    const file = await exportFile(exportRows(4));
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, `${division}\n`);
    chmodSync(tokenFile, 0o600);
    const args = ['submit', file, '--ledger', 'hoiku_token_file', '--server', svc.url, '--claim-type', '保育料',
      '--as-of', AS_OF, '--state-dir', stateDir]; // prettier-ignore
    const r = await runSaiken([...args, '--token-file', tokenFile]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    if (process.platform !== 'win32') {
      chmodSync(tokenFile, 0o644);
      const open = await runSaiken([...args, '--token-file', tokenFile]);
      expect(open.stderr).toContain('ほかのユーザーも読めます');
    }
    process.env.SAIKEN_TOKEN = division;
    try {
      const env = await runSaiken(args);
      expect(env.code).toBe(0);
      expect(env.stdout).toContain('送る変更はありません');
    } finally {
      delete process.env.SAIKEN_TOKEN;
    }
  });
});
