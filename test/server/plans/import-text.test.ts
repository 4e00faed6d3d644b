/**
 * Text in a plan import: names through checkName (NFKC; control, invisible, bidi and broken
 * characters refused), 取組み through the personal-text gate with a confirm flag on the route and
 * the command line; a My Number always refused. Refusals name the row and column, never the text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../../../server/cli/commands/plans.js';
import { runCommand } from '../helpers/cli-run.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { CSV, seedRows, toCsv, toXlsx, XLSX, type Row } from './fixtures.js';

let h: Harness;
let dir: string;
const TABLES = ['plans', 'bureaus', 'divisions', 'claims', 'plan_history'];
const counts = () => Promise.all(TABLES.map((t) => h.count(t)));
const importCsv = (rows: Row[], query = '') =>
  h.call('POST', `/api/v1/plans/import${query}`, { token: h.finance, body: toCsv(rows), type: CSV });
const good = () => seedRows().slice(0, 3);
const withCell = (row: number, column: number, value: string | number): Row[] => {
  const rows = good().map((r) => [...r]);
  rows[row]![column] = value;
  return rows;
};

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'saiken-plan-text-'));
  expect((await importCsv(seedRows().slice(5, 8))).status).toBe(200);
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('names through checkName', () => {
  const cases: [string, number, string, RegExp][] = [
    ['a zero-width space in a bureau', 0, '総務\u200b局', /局名に見えない文字/],
    ['a bidi override in a division', 1, '人事\u202e課', /課名に文字の向きを変える制御文字/],
    ['a tab in a claim', 2, '職員\t給与返還金', /債権名に制御文字/],
    ['a newline in a bureau', 0, '総務\n局', /局名に制御文字/],
    ['a name too long', 2, 'あ'.repeat(101), /100 文字以内/],
  ];
  it.each(cases)('%s is refused with its row and column, not echoed', async (_name, column, value, message) => {
    const before = await counts();
    const r = await importCsv(withCell(2, column, value));
    expect([r.status, r.json.code]).toEqual([422, 'invalid-value']);
    expect(r.json.details).toEqual({ row: 4, column: ['局名', '課名', '債権名'][column] });
    expect(r.json.message).toMatch(message);
    expect(r.json.message).toMatch(/^計画を取り込めませんでした。4行目「.+」: /);
    expect(r.text).not.toContain(value.slice(0, 3));
    expect(await counts()).toEqual(before);
  });

  it('stores names NFKC-normalised: half-width kana and full-width spaces name the same bureau', async () => {
    const rows = good().map((r) => [...r]);
    rows[0]![0] = 'ｿｳﾑ局';
    rows[1]![0] = 'ソウム局';
    rows[2]![1] = '\u3000人事課\u3000';
    const r = await importCsv(rows);
    expect(r.status, r.text).toBe(200);
    const names = await h.svc.db.all<{ name: string }>("SELECT name FROM bureaus WHERE name LIKE '%ソウム%'");
    expect(names).toEqual([{ name: 'ソウム局' }]);
  });
});

describe('取組み through the personal-text gate', () => {
  it('refuses a phone number unless confirmed, naming rows, never the text', async () => {
    const before = await counts();
    const rows = withCell(1, 7, '担当者（052-961-1111）へ電話で連絡する');
    rows[2]![7] = '山田太郎さんに催告する';
    const r = await importCsv(rows);
    expect([r.status, r.json.code]).toEqual([422, 'looks-personal']);
    expect(r.json.details).toMatchObject({ row: 3, column: '取組み', confirmable: true });
    expect(r.json.details.rows).toEqual([3, 4]);
    expect(r.json.details.kinds).toEqual(expect.arrayContaining(['phone']));
    expect(r.json.message).toContain('3行目「取組み」');
    expect(r.json.message).toContain('ほか 1 行');
    expect(r.text).not.toMatch(/052|961|山田/);
    expect(await counts()).toEqual(before);

    const confirmed = await importCsv(rows, '?confirmedNoPersonalData=true');
    expect(confirmed.status, confirmed.text).toBe(200);
    const audit = await h.svc.db.get<{ details: string }>(
      "SELECT details FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1",
    );
    expect(JSON.parse(audit!.details).personalTextConfirmed).toMatchObject({ phone: 1 });
    expect(audit!.details).not.toMatch(/052|山田/);
  });

  it('refuses a My Number even when confirmed', async () => {
    const before = await counts();
    for (const query of ['', '?confirmedNoPersonalData=true']) {
      const r = await importCsv(withCell(0, 7, '番号 1234 5678 9012 の方に催告'), query);
      expect([r.status, r.json.code]).toEqual([422, 'looks-personal']);
      expect(r.json.details).toMatchObject({ row: 2, column: '取組み', confirmable: false });
      expect(r.json.message).toMatch(/マイナンバー/);
      expect(r.text).not.toContain('5678');
    }
    expect(await counts()).toEqual(before);
  });

  it('reads the flag from an .xlsx import too, and refuses a bad flag', async () => {
    const rows = withCell(0, 7, '連絡先 090-1234-5678');
    const xlsx = await toXlsx(rows);
    const refused = await h.call('POST', '/api/v1/plans/import', { token: h.finance, body: xlsx, type: XLSX });
    expect([refused.status, refused.json.code, refused.json.details.row]).toEqual([422, 'looks-personal', 4]);
    const ok = await h.call('POST', '/api/v1/plans/import?confirmedNoPersonalData=1', {
      token: h.finance,
      body: xlsx,
      type: XLSX,
    });
    expect(ok.status, ok.text).toBe(200);
    const bad = await importCsv(good(), '?confirmedNoPersonalData=yes');
    expect([bad.status, bad.json.code]).toEqual([400, 'invalid-input']);
  });

  it('saiken plans import --confirm-no-personal-data', async () => {
    const path = join(dir, '計画.csv');
    writeFileSync(path, toCsv(withCell(2, 7, '〒460-8508 の窓口で相談')));
    const args = ['plans', 'import', path, '--server', h.url, '--token', h.finance];
    const refused = await runCommand(register, args);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^計画を取り込めませんでした。4行目「取組み」: .*--confirm-no-personal-data.*\n$/);
    expect(refused.err).not.toContain('460');
    const ok = await runCommand(register, [...args, '--confirm-no-personal-data']);
    expect(ok, ok.err).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toMatch(/^計画を取り込みました/);
  });
});
