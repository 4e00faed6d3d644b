/**
 * The service's answers for 取りまとめ, built from the seed's yen-level plans: the bureau table
 * exactly as /reports/targets gives it, claims, submissions with a chase list, flagged claims with
 * a review, a proposal and ledgers with aging. `served` puts them on a FakeOversight.
 */
import { buildTargetTable, type TargetRow } from '../../../domain/targets/index.js';
import { SEED_BUREAU_ORDER, SEED_PLAN_LINES } from '../../domain/targets/seed-fixture.js';
import { statusReport } from '../../../domain/status/report.js';
import { emptyExactStatus } from '../../../domain/status/sums.js';
import { statusAnswer } from '../../../server/oversight/receivables-status.js';
import { worklistCountsOf } from '../../../server/oversight/worklist-counts.js';
import { ledgerFiguresJson } from '../../../domain/reports/ledger-figures.js';
import { countByAction } from '../../../domain/worklist/counts.js';
import { historyAnswer } from '../../../server/oversight/history.js';
import { historyTable, yearsBetween } from '../../../domain/history/history.js';
import { FakeOversight } from './fake-oversight.js';

const FY = 2024;
const org = (id: number, name: string) => ({ id, name });
/** Current amounts for two bureaus' claims (yen); the others have not reported. */
const CURRENT: Record<string, number> = { 保育料: 350_000_000, 乗車料金: 118_500_000 };

export interface Overrides {
  claimName?: (name: string) => string;
  divisionName?: (name: string) => string;
  ledgerName?: string;
  review?: { assessment: string; nextStep: string };
  proposalBody?: string;
}

export function consolidationAnswers(o: Overrides = {}) {
  const claimName = o.claimName ?? ((n: string) => n);
  const divisionName = o.divisionName ?? ((n: string) => n);
  const table = buildTargetTable(SEED_PLAN_LINES, { fiscalYear: FY, bureauOrder: SEED_BUREAU_ORDER, settled: false });
  const progress = (bureau: string | null) => {
    const lines = SEED_PLAN_LINES.filter((l) => bureau === null || l.bureau === bureau);
    const reporting = lines.filter((l) => CURRENT[l.claim] !== undefined);
    const currentYen = reporting.reduce((s, l) => s + CURRENT[l.claim]!, 0);
    return { claims: lines.length, claimsReporting: reporting.length, currentYen };
  };
  const row = ({ ratio: _r, ...r }: TargetRow, bureau: string | null) => ({ ...r, ...progress(bureau) });
  const targets = {
    fiscalYear: FY,
    baselineFiscalYear: FY - 1,
    settled: false,
    title: table.title,
    unitLine: table.unitLine,
    headers: table.headers,
    note: table.note,
    bureaus: table.rows.map((r) => row(r, r.bureau)),
    total: row(table.total, null),
  };
  const claims = SEED_PLAN_LINES.map((l, i) => {
    const cur = CURRENT[l.claim] ?? null;
    return {
      planId: i + 1,
      planVersion: 1,
      bureau: l.bureau,
      division: divisionName(l.division),
      claim: claimName(l.claim),
      classification: l.classification ?? null,
      baselineYen: l.baselineYen,
      targetYen: l.targetYen,
      currentYen: cur,
      gapYen: cur === null ? null : cur - l.targetYen,
      ledgers: cur === null ? 0 : 1,
      asOf: cur === null ? null : '2024-10-31',
      growing: cur === null ? null : cur > l.baselineYen,
      behindPlan: null,
    };
  });
  const divisions = [...new Set(claims.map((c) => `${c.bureau}\t${c.division}`))].map((key) => {
    const [bureau, division] = key.split('\t') as [string, string];
    const cs = claims.filter((c) => c.bureau === bureau && c.division === division);
    const sum = (f: (c: (typeof cs)[number]) => number) => cs.reduce((s, c) => s + f(c), 0);
    const reporting = cs.filter((c) => c.currentYen !== null);
    return {
      bureau,
      division,
      baselineYen: sum((c) => c.baselineYen),
      targetYen: sum((c) => c.targetYen),
      currentYen: sum((c) => c.currentYen ?? 0),
      claims: cs.length,
      claimsReporting: reporting.length,
    };
  });
  const kodomo = { bureau: org(8, '子ども青少年局'), division: org(81, divisionName('保育運営課')) };
  const findings = {
    error: 2,
    warning: 1,
    info: 0,
    byRule: [
      { rule: 'DEMAND_LATE', severity: 'error', count: 2 },
      { rule: 'BALANCE_MISMATCH', severity: 'warning', count: 1 },
    ],
  };
  const submissions = {
    period: { kind: 'monthly', day: 10 },
    ledgers: [
      {
        id: 'L-hoiku',
        name: o.ledgerName ?? '保育料台帳',
        ...kodomo,
        claim: org(12, claimName('保育料')),
        revision: 3,
        asOf: '2024-10-31',
        lastSubmittedAt: '2024-11-05T01:00:00Z',
        state: 'ok',
        dueAt: '2024-12-10T15:00:00Z',
        outstandingYen: 350_000_000,
        findings,
      },
      {
        id: 'L-bus',
        name: '乗車料金台帳',
        bureau: org(14, '交通局'),
        division: org(141, '営業本部'),
        claim: org(21, '乗車料金'),
        revision: 1,
        asOf: '2024-08-31',
        lastSubmittedAt: '2024-09-02T01:00:00Z',
        state: 'late',
        dueAt: '2024-10-10T15:00:00Z',
        outstandingYen: 118_500_000,
        findings: { error: 0, warning: 0, info: 0, byRule: [] },
      },
    ],
    chase: [
      {
        kind: 'ledger',
        ledgerId: 'L-bus',
        name: '乗車料金台帳',
        bureau: org(14, '交通局'),
        division: org(141, '営業本部'),
        claim: org(21, '乗車料金'),
        reason: 'late',
        lastSubmittedAt: '2024-09-02T01:00:00Z',
        dueAt: '2024-10-10T15:00:00Z',
      },
      {
        kind: 'claim',
        ledgerId: null,
        name: null,
        bureau: org(13, '上下水道局'),
        division: org(131, '営業課'),
        claim: org(20, '下水道使用料'),
        reason: 'no-ledger',
        lastSubmittedAt: null,
        dueAt: null,
      },
    ],
    totals: { ledgers: 2, ok: 1, due: 0, late: 1, never: 0, claimsWithoutLedger: 1 },
  };
  const review = {
    id: 5,
    month: '2024-10',
    assessment: o.review?.assessment ?? '前年より増加',
    nextStep: o.review?.nextStep ?? '滞納初期の電話催告',
    currentYen: 350_000_000,
    plannedYen: null,
    createdAt: 'x',
    createdBy: null,
  };
  const flagged = {
    baselineSettled: false,
    claims: [
      {
        claim: { id: 12, name: claimName('保育料'), classification: '強制徴収公債権' },
        ...kodomo,
        baselineYen: 344_571_093,
        targetYen: 310_304_030,
        currentYen: 350_000_000,
        growing: true,
        behindPlan: false,
        reasons: ['growing'],
        referenceMonth: '2024-10',
        milestone: null,
        latestReview: review,
        proposal: { id: 7, version: 1 },
      },
      {
        claim: { id: 20, name: '下水道使用料', classification: null },
        bureau: org(13, '上下水道局'),
        division: org(131, '営業課'),
        baselineYen: 163_450_734,
        targetYen: 174_896_088,
        currentYen: null,
        growing: null,
        behindPlan: null,
        reasons: [],
        referenceMonth: '2024-11',
        milestone: null,
        latestReview: null,
        proposal: null,
      },
    ],
  };
  const proposals = [
    {
      id: 7,
      claimId: 12,
      fiscalYear: FY,
      reasons: ['growing'],
      body: o.proposalBody ?? '電話催告を強化',
      version: 1,
      createdAt: 'x',
      updatedAt: '2024-11-01T00:00:00Z',
      claim: org(12, '保育料'),
      ...kodomo,
    },
  ];
  const aging = (a: number, b: number, c: number) => [
    { label: '0-1', fromYears: 0, toYears: 1, count: 1, outstanding: a },
    { label: '1-2', fromYears: 1, toYears: 2, count: 1, outstanding: b },
    { label: '5+', fromYears: 5, toYears: null, count: 1, outstanding: c },
  ];
  const ledgers = [
    { id: 'L-hoiku', ...kodomo, revision: 3, aging: aging(200_000_000, 100_000_000, 50_000_000) },
    {
      id: 'L-bus',
      bureau: org(14, '交通局'),
      division: org(141, '営業本部'),
      revision: 1,
      aging: aging(100_000_000, 18_500_000, 0),
    },
    { id: 'L-new', bureau: org(14, '交通局'), division: org(141, '営業本部'), revision: 0, aging: [] },
  ];
  const seized = emptyExactStatus();
  seized.ledgers = seized.revenue.ledgers = 1;
  seized.byClass.seized = { count: 2, outstanding: 300_000n };
  seized.byClass.unclassified = { count: 1, outstanding: 50_000n };
  seized.revenue = { ...seized.revenue, rows: 5, assessed: 900_000n, paid: 550_000n, outstanding: 350_000n };
  const source = { ledgerId: 'L-hoiku', ledger: '保育料 台帳', bureau: kodomo.bureau.name, division: kodomo.division.name, claimId: 12, claim: '保育料', classification: '強制徴収公債権', fiscalYear: FY, revision: 3, asOf: `${FY + 1}-03-31`, status: seized }; // prettier-ignore
  const status = statusAnswer(statusReport(FY, [source]));
  // Two debtors one step from prescription and one to dun, in 保育料's ledger (the service's sums).
  const counted = countByAction([
    { action: 'stopPrescription', outstanding: 120_000 },
    { action: 'stopPrescription', outstanding: 80_000 },
    { action: 'firstDunning', outstanding: 30_000 },
  ]);
  const lateCharge = { current: { rows: 1, estimate: 0 }, arrears: { rows: 2, estimate: 15_400 }, total: { rows: 3, estimate: 15_400 } }; // prettier-ignore
  const worklist = worklistCountsOf([
    {
      id: 'L-hoiku',
      outstanding: 350_000_000,
      aging: ledgerFiguresJson({ aging: [], lateCharge, worklist: counted }),
      claim_id: 12,
      claim: '保育料',
      division_id: kodomo.division.id,
      division: kodomo.division.name,
      bureau_id: kodomo.bureau.id,
      bureau: kodomo.bureau.name,
    },
  ]);
  // 保育料 over five years: owing 300, 320, 340 thousand… (grew two years in a row to FY − 2, and on).
  const years = yearsBetween(FY - 4, FY).map((fy) => ({
    fiscalYear: fy,
    state: fy < FY ? ('settled' as const) : ('provisional' as const),
  }));
  const history = historyAnswer(
    historyTable(
      years,
      years.map(({ fiscalYear }, i) => ({
        fiscalYear,
        claimId: 12,
        bureau: kodomo.bureau.name,
        division: kodomo.division.name,
        claim: '保育料',
        classification: '強制徴収公債権',
        ledgers: 1,
        asOf: `${fiscalYear + 1}-03-31`,
        assessed: 900_000n,
        paid: 600_000n - BigInt(i) * 20_000n,
        writtenOff: 0n,
        outstanding: 300_000n + BigInt(i) * 20_000n,
        baseline: null,
        target: fiscalYear === FY ? 350_000n : null,
      })),
    ),
  );
  return {
    targets,
    claims: { fiscalYear: FY, claims, divisions },
    submissions,
    flagged,
    proposals,
    ledgers,
    status,
    worklist,
    history,
  };
}

export function served(who: 'finance' | 'accounting', o: Overrides = {}): FakeOversight {
  const a = consolidationAnswers(o);
  const service = new FakeOversight({ role: who, bureau: who === 'finance' ? null : '子ども青少年局', division: null });
  service.fixtures.set('/reports/targets', a.targets);
  service.fixtures.set('/reports/claims', a.claims);
  service.fixtures.set('/oversight/submissions', a.submissions);
  service.fixtures.set('/oversight/claims', a.flagged);
  service.fixtures.set('/ledgers', { ledgers: a.ledgers });
  service.fixtures.set('/oversight/receivables-status', a.status);
  service.fixtures.set('/oversight/worklist', a.worklist);
  service.fixtures.set('/oversight/history', a.history);
  service.proposals = a.proposals;
  return service;
}
