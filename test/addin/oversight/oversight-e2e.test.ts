/**
 * One round against the real service over HTTP, the pane's controllers as the three parties use
 * them: finance imports the seed plans; a division sends a ledger, files its plan and a review,
 * sends a hard case (first flagged, then edited); accounting answers it; finance writes a proposal
 * and runs 取りまとめ into a stand-in workbook: sheets and charts there, the bureau table equal to
 * the seed's, the user's own sheet untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficeAdapter } from '../../../addin/excel/office-adapter.js';
import type { WorkbookPort } from '../../../addin/excel/workbook-port.js';
import { PaneController } from '../../../addin/state/pane-controller.js';
import { ROUNDING_NOTE } from '../../../domain/targets/index.js';
import { SEED_TABLE_TSV } from '../../domain/targets/seed-fixture.js';
import { startTestService, type TestService } from '../../server/helpers/service.js';
import { CSV, seedCsv } from '../../server/plans/fixtures.js';
import { installHost } from '../excel/excel-standin.js';
import { FakePort } from '../fake-port.js';
import { AS_OF, hoikuryo, memoryStorage } from '../ledger.js';
import { oversightFor } from './setup.js';

const BUREAU = '子ども青少年局';
const DIVISION = '保育運営課';
let svc: TestService;
const tokens = { finance: '', division: '', accounting: '' };

beforeAll(async () => {
  svc = await startTestService();
  tokens.finance = await svc.makeToken('finance');
  tokens.division = await svc.makeToken('division', BUREAU, DIVISION);
  tokens.accounting = await svc.makeToken('accounting', BUREAU);
  const imported = await fetch(`${svc.url}/api/v1/plans/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens.finance}`, 'Content-Type': CSV },
    body: seedCsv(),
  });
  expect(imported.status).toBe(200);
});
afterAll(() => svc?.close());

const as = (who: keyof typeof tokens, port?: WorkbookPort) =>
  oversightFor(fetch, { serverUrl: svc.url, token: tokens[who], port });

async function ready(ov: ReturnType<typeof as>) {
  await ov.start();
  await ov.setFiscalYear(2024);
  expect(ov.state.notice).toBeNull();
  return ov;
}

describe('division → accounting → finance, in Excel', () => {
  it('runs the round and consolidates into the open workbook', async () => {
    // A division sends its 保育料 ledger from the pane.
    const pane = new PaneController(new FakePort(hoikuryo()), { storage: memoryStorage(), fetch, asOf: () => AS_OF });
    pane.sync.saveSettings({ serverUrl: svc.url, token: tokens.division });
    await pane.start();
    pane.setClaimType('保育料');
    await pane.confirmMapping();
    await pane.sync.send();
    expect(pane.state.sync.outcome?.applied.revision).toBe(1);

    // It files its plan (measures and a milestone; the seed's amounts stay) and a review.
    const division = await ready(as('division'));
    const hoiku = division.state.plan.claims.find((c) => c.name === '保育料')!;
    await division.plans.selectClaim(hoiku.id);
    expect(division.state.plan.draft).toMatchObject({ baseline: '344,571,093', target: '310,304,030' });
    division.plans.toggleMeasure('staged-escalation', true);
    division.plans.setMilestone('2024-12', '330,000,000');
    await division.plans.save();
    expect(division.state.plan.notice?.intent, division.state.plan.notice?.text).toBe('success');
    expect(division.state.plan.plan).toMatchObject({ version: 2, measureIds: ['staged-escalation'] });
    expect(division.state.plan.progress?.current.currentYen).toBe(pane.state.sync.outcome?.applied.totals.outstanding);
    division.plans.editReview({ month: '2025-03', assessment: '年度末で目標を下回った', nextStep: '口座振替を勧める' });
    await division.plans.addReview();
    expect(division.state.plan.notice?.intent, division.state.plan.notice?.text).toBe('success');

    // A hard case: flagged in the pane first, edited, sent.
    division.cases.edit({ claimId: hoiku.id, title: '分納誓約の不履行', tried: '山田太郎様に052-961-1111で連絡。' });
    division.cases.edit({ question: '執行停止の要件に当たるか。' });
    await division.cases.send();
    expect(division.state.cases.list).toHaveLength(0);
    expect(division.state.cases.privacy.warnings[0]?.field).toBe('tried');
    division.cases.edit({ tried: '債務者に電話で連絡し、分納誓約を2回不履行。' });
    await division.cases.send();
    expect(division.state.cases.notice?.intent, division.state.cases.notice?.text).toBe('success');
    const caseId = division.state.cases.list[0]!.id;

    // Accounting sees the ledger and answers the case.
    const accounting = await ready(as('accounting'));
    expect(accounting.state.review.submissions?.ledgers.map((l) => l.claim.name)).toEqual(['保育料']);
    accounting.review.startAnswer(caseId);
    accounting.review.changeAnswer({ policy: '財産調査の結果を待って執行停止を判断する。' });
    await accounting.review.answer();
    expect(accounting.state.review.cases.find((c) => c.id === caseId)?.status).toBe('answered');

    // Finance writes a proposal and consolidates into a workbook holding a sheet of the user's.
    const { host, restore } = installHost();
    try {
      host.addSheet('メモ', [['財政課の作業用', '=SUM(1,2)']]);
      const before = host.sheet('メモ').snapshot();
      const finance = await ready(as('finance', createOfficeAdapter()));
      finance.review.editProposal(hoiku.id);
      finance.review.changeProposal({ body: '滞納初期の電話催告を強化してください。', reasons: ['other'] });
      await finance.review.saveProposal();
      expect(finance.state.review.notice?.intent, finance.state.review.notice?.text).toBe('success');
      await finance.consolidation.run();
      expect(finance.state.consolidation.notice?.intent, finance.state.consolidation.notice?.text).toBe('success');

      expect(host.model.sheets.map((s) => s.name)).toEqual([
        'メモ',
        '局別目標',
        '局別進捗',
        '債権別',
        '提出状況',
        '改善提案',
        '滞納年数別',
        '未収金の状況',
        '主要債権収入状況',
        '未収金の状況の出典',
        '対応件数',
        '年度推移',
      ]);
      let shown = '';
      for (let r = 2; r < 18; r++)
        shown += [0, 1, 2, 3, 4].map((c) => host.shownText('局別目標', r, c)).join('\t') + '\n';
      expect(shown).toBe(SEED_TABLE_TSV);
      expect(host.sheet('局別目標').value(19, 0)).toBe(ROUNDING_NOTE);
      expect(host.sheet('局別進捗').charts.map((c) => [c.type, c.source])).toEqual([
        ['ColumnClustered', { row: 0, column: 0, rows: 15, columns: 3 }],
      ]);
      expect(host.sheet('滞納年数別').charts.map((c) => c.type)).toEqual(['ColumnStacked']);
      expect(host.sheet('年度推移').charts.map((c) => c.type)).toEqual(['Line', 'Line']);
      expect(host.sheet('提出状況').value(4, 2)).toBe('保育料');
      expect(host.sheet('改善提案').value(1, 11)).toBe('滞納初期の電話催告を強化してください。');
      expect(host.formulaCells()).toEqual([]); // nothing of ours became a formula
      expect(host.sheet('メモ').snapshot()).toBe(before);

      // The division sees the proposal and the answer.
      await division.plans.selectClaim(hoiku.id);
      expect(division.state.plan.proposals.map((p) => p.body)).toEqual(['滞納初期の電話催告を強化してください。']);
      await division.cases.refresh();
      expect(division.state.cases.list[0]?.answer?.policy).toBe('財産調査の結果を待って執行停止を判断する。');
    } finally {
      restore();
    }
  });

  it('accounting consolidates its own bureau only: no bureau table', async () => {
    const { host, restore } = installHost();
    try {
      host.addSheet('Sheet1');
      const accounting = await ready(as('accounting', createOfficeAdapter()));
      await accounting.consolidation.run();
      expect(accounting.state.consolidation.notice?.intent, accounting.state.consolidation.notice?.text).toBe(
        'success',
      );
      expect(host.model.sheets.map((s) => s.name)).toEqual([
        'Sheet1',
        '課別進捗',
        '債権別',
        '提出状況',
        '改善提案',
        '滞納年数別',
        '未収金の状況',
        '主要債権収入状況',
        '未収金の状況の出典',
        '対応件数',
        '年度推移',
      ]);
      const bureaus = new Set<string>();
      const claims = host.sheet('債権別');
      for (let r = 1; claims.value(r, 0) !== ''; r++) bureaus.add(String(claims.value(r, 0)));
      expect([...bureaus]).toEqual([BUREAU]);
      const worklist = host.sheet('対応件数');
      const groups = new Set<string>();
      for (let r = 1; worklist.value(r, 0) !== ''; r++) groups.add(String(worklist.value(r, 0)));
      expect([...groups]).toEqual([BUREAU, '合計']);
    } finally {
      restore();
    }
  });
});
