import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PLAN_LINES, SEED_TABLE_TSV } from '../../domain/targets/seed-fixture.js';
import { CSV, seedCsv, seedRows, TEMPLATE_HEADER, toCp932, toCsv, toXlsx, XLSX } from '../plans/fixtures.js';
import { startHarness, type Harness } from '../helpers/harness.js';

const TARGETS_MD = fileURLToPath(new URL('../../../docs/spec/domain/targets.md', import.meta.url));
const tsv = (h: Harness) => h.call('GET', '/api/v1/reports/targets?fy=2024&format=tsv', { token: h.finance });
const importFile = (h: Harness, body: Uint8Array | string, type = CSV, token: string | null = h.finance) =>
  h.call('POST', '/api/v1/plans/import', { token, body, type });

describe('importing the seed plans and printing the table', () => {
  const variants: [string, () => Promise<Uint8Array | string>, string][] = [
    ['a UTF-8 CSV with a BOM', async () => seedCsv(), CSV],
    ['a CP932 CSV', async () => toCp932(seedCsv(false)), CSV],
    ['an .xlsx', () => toXlsx(seedRows()), XLSX],
  ];
  it.each(variants)('%s gives the table of targets.md to the character', async (_name, file, type) => {
    const h = await startHarness();
    try {
      // A token made first creates its bureau first: the table still follows the import's order.
      await h.token('accounting', '交通局');
      const r = await importFile(h, await file(), type);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({
        imported: 21,
        created: { bureaus: 13, divisions: 17, claims: 21, plans: 21 },
        changed: 21,
        unchanged: 0,
        fiscalYears: [2024],
      });
      const t = await tsv(h);
      expect(t.status).toBe(200);
      expect(t.contentType).toBe('text/tab-separated-values; charset=utf-8');
      expect(t.text).toBe(SEED_TABLE_TSV);
      expect(t.text).toBe(
        '局名\t令和5年度決算 (見込) ①\t令和6年度目標 ②\t未収金額差 ②-①\t圧縮割合 ②/①\n' +
          SEED_TABLE_TSV.split('\n').slice(1).join('\n'),
      );
      expect(t.text).toBe(/```\n([\s\S]*?)```/.exec(readFileSync(TARGETS_MD, 'utf8'))?.[1]);
    } finally {
      await h.close();
    }
  });
});

describe('plan versions and history', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const versions = async () =>
    (await h.svc.db.all<{ version: number }>('SELECT version FROM plans ORDER BY id')).map((p) => p.version);

  it('loading the same file twice changes nothing', async () => {
    expect((await importFile(h, seedCsv())).json.changed).toBe(21);
    const second = await importFile(h, seedCsv());
    expect(second.json).toMatchObject({ imported: 21, changed: 0, unchanged: 21 });
    expect(second.json.created).toEqual({ bureaus: 0, divisions: 0, claims: 0, plans: 0 });
    expect(await versions()).toEqual(Array(21).fill(1));
    expect(await h.count('plan_history')).toBe(0);
    // The same plans as an .xlsx are the same plans.
    expect((await importFile(h, await toXlsx(seedRows()), XLSX)).json.changed).toBe(0);
  });

  it('a changed row makes version 2 and keeps version 1 in the history', async () => {
    const rows = seedRows();
    rows[3]![6] = 170_000_000; // 軽自動車税's target
    const r = await importFile(h, toCsv(rows));
    expect(r.json).toMatchObject({ changed: 1, unchanged: 20 });
    const plan = await h.svc.db.get<{ id: number; version: number; target: number }>(
      "SELECT p.id, p.version, p.target FROM plans p JOIN claims c ON c.id = p.claim_id WHERE c.name = '軽自動車税'",
    );
    expect(plan).toMatchObject({ version: 2, target: 170_000_000 });
    const history = await h.svc.db.all('SELECT plan_id, version, target FROM plan_history');
    expect(history).toEqual([{ plan_id: plan!.id, version: 1, target: 168_000_206 }]);
    expect(await versions()).toEqual([...Array(3).fill(1), 2, ...Array(17).fill(1)]);
    const audit = await h.svc.db.all<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'plan' AND entity_id = ?",
      [String(plan!.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('a changed classification counts as a change but makes no plan version', async () => {
    const rows = seedRows();
    rows[3]![6] = 170_000_000;
    rows[0]![3] = '私債権';
    expect((await importFile(h, toCsv(rows))).json).toMatchObject({ changed: 1, unchanged: 20 });
    expect(await versions()).toEqual([...Array(3).fill(1), 2, ...Array(17).fill(1)]);
    expect(await h.count("claims WHERE name = '職員給与返還金' AND classification = '私債権'")).toBe(1);
    expect(await h.count("audit_log WHERE action = 'reclassify'")).toBe(1);
  });

  it('a re-import finds every stored claim of a division past the first page of them', async () => {
    // The stored claims are read a page at a time (1,000 rows): 2,500 in one division span three.
    const rows = Array.from({ length: 2500 }, (_, i) => [
      '大局',
      '大課',
      `債権${i}`,
      '私債権',
      'R6',
      1000 + i,
      900 + i,
      '',
    ]);
    expect((await importFile(h, toCsv(rows))).json).toMatchObject({ created: { claims: 2500 }, changed: 2500 });
    rows[2400]![3] = '非強制徴収公債権';
    rows[1999]![6] = 5;
    const again = await importFile(h, toCsv(rows));
    expect(again.json).toMatchObject({
      created: { bureaus: 0, divisions: 0, claims: 0, plans: 0 },
      changed: 2,
      unchanged: 2498,
    });
    expect(await h.count("claims WHERE name = '債権2400' AND classification = '非強制徴収公債権'")).toBe(1);
  });

  it('reads a （千円） header as thousands of yen', async () => {
    const header = TEMPLATE_HEADER.map((c) => c.replace('（円）', '（千円）'));
    const r = await importFile(h, toCsv([['新局', '新課', '新債権', '私債権', 'R6', '13', '1.5', '']], header));
    expect(r.json).toMatchObject({ created: { bureaus: 1, divisions: 1, claims: 1, plans: 1 }, changed: 1 });
    const list = await h.call('GET', '/api/v1/plans?fy=R6', { token: h.finance });
    const plan = list.json.plans.find((p: { claim: string }) => p.claim === '新債権');
    expect(plan).toMatchObject({ baselineYen: 13_000, targetYen: 1_500, version: 1, fiscalYear: 2024 });
    // A bureau new to the service is appended to the table.
    expect((await tsv(h)).text.split('\n').at(-3)).toBe('新局\t13\t2\t△ 12\t11.54');
  });
});

describe('a malformed import imports nothing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await importFile(h, toCsv(seedRows().slice(0, 3)));
  });
  afterAll(() => h.close());

  const good = seedRows().slice(3, 6);
  const bad = (i: number, v: string | number) => {
    const rows = seedRows()
      .slice(3, 6)
      .map((r) => [...r]);
    rows[2]![i] = v;
    return toCsv(rows);
  };
  const cases: [
    string,
    () => Promise<Uint8Array | string> | Uint8Array | string,
    string,
    number,
    string,
    number | null,
  ][] = [
    [
      'bad encoding',
      () => Buffer.concat([Buffer.from(toCsv(good)), Buffer.from([0x81, 0x7f, 0x0a])]),
      CSV,
      400,
      'bad-encoding',
      5,
    ],
    [
      'a missing column',
      () =>
        toCsv(
          good.map((r) => r.slice(0, 7)),
          TEMPLATE_HEADER.slice(0, 7),
        ),
      CSV,
      422,
      'missing-columns',
      1,
    ],
    ['yen with a fraction', () => bad(5, '1,234.56'), CSV, 422, 'invalid-amount', 4],
    ['a bad fiscal year', () => bad(4, '令和'), CSV, 422, 'invalid-fiscal-year', 4],
    ['an unknown classification', () => bad(3, '税'), CSV, 422, 'invalid-classification', 4],
    ['a duplicate claim row', () => toCsv([...good, good[0]!]), CSV, 422, 'duplicate-claim', 5],
    ['an empty file', () => '', CSV, 400, 'empty-file', null],
    ['a corrupt .xlsx', async () => (await toXlsx(good)).subarray(0, 500), XLSX, 400, 'unreadable-xlsx', null],
    ['an unclosed quote', () => toCsv(good) + '"a,b\r\n', CSV, 400, 'malformed-csv', 5],
    [
      'an .xlsx with a bad amount',
      () => toXlsx([...good.slice(0, 2), [...good[2]!.slice(0, 6), 'abc', '']]),
      XLSX,
      422,
      'invalid-amount',
      6,
    ],
    ['a media type other than CSV or .xlsx', () => toCsv(good), 'text/plain', 415, 'unsupported-media-type', null],
  ];
  it.each(cases)('%s', async (_name, body, type, status, code, row) => {
    const before = await Promise.all(
      ['plans', 'bureaus', 'divisions', 'claims', 'plan_history'].map((t) => h.count(t)),
    );
    const r = await importFile(h, await body(), type);
    expect([r.status, r.json.code]).toEqual([status, code]);
    expect(r.json.details.row).toBe(row);
    expect(r.json.message).toMatch(/^計画を取り込めませんでした。/);
    const after = await Promise.all(['plans', 'bureaus', 'divisions', 'claims', 'plan_history'].map((t) => h.count(t)));
    expect(after).toEqual(before);
    expect(before[0]).toBe(3);
  });
});

describe('who may import and read plans', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await importFile(h, seedCsv());
  });
  afterAll(() => h.close());

  it('only finance imports; no token is 401', async () => {
    for (const token of [
      await h.token('division', '財政局', '税務課'),
      await h.token('accounting', '財政局'),
      h.admin,
    ]) {
      const r = await importFile(h, seedCsv(), CSV, token);
      expect([r.status, r.json.code]).toEqual([403, 'forbidden']);
    }
    expect((await importFile(h, seedCsv(), CSV, null)).status).toBe(401);
  });

  it('finance reads all plans, accounting its bureau, a division its own', async () => {
    const claims = async (token: string) =>
      (await h.call('GET', '/api/v1/plans?fy=2024', { token })).json.plans.map((p: { claim: string }) => p.claim);
    expect(await claims(h.finance)).toEqual(SEED_PLAN_LINES.map((l) => l.claim));
    expect(await claims(await h.token('accounting', '上下水道局'))).toEqual(['水道料金', '下水道使用料']);
    expect(await claims(await h.token('division', '健康福祉局', '保護課'))).toEqual(['生活保護費返還金']);
    expect((await h.call('GET', '/api/v1/plans?fy=2024', { token: h.admin })).status).toBe(403);
    expect((await h.call('GET', '/api/v1/plans?fy=abc', { token: h.finance })).json.code).toBe('invalid-fiscal-year');
  });

  it('settling 令和5年度 drops (見込) from the header', async () => {
    const division = await h.token('division', '財政局', '税務課');
    expect((await h.call('POST', '/api/v1/settlements/2023', { token: division })).status).toBe(403);
    expect((await tsv(h)).text.split('\n')[0]).toContain('令和5年度決算 (見込) ①');
    const r = await h.call('POST', '/api/v1/settlements/R5', { token: h.finance });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ fiscalYear: 2023, settled: true });
    expect((await h.call('POST', '/api/v1/settlements/2023', { token: h.finance })).status).toBe(200);
    const t = await tsv(h);
    expect(t.text.split('\n')[0]).toBe('局名\t令和5年度決算 ①\t令和6年度目標 ②\t未収金額差 ②-①\t圧縮割合 ②/①');
    expect(t.text.split('\n').slice(1).join('\n')).toBe(SEED_TABLE_TSV.split('\n').slice(1).join('\n'));
    expect((await h.call('GET', '/api/v1/plans?fy=2024', { token: h.finance })).json.baselineSettled).toBe(true);
    expect(await h.count("audit_log WHERE action = 'settle'")).toBe(1);
  });
});
