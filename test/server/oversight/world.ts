/**
 * One city for the oversight tests, built through the API as it would be: finance imports the
 * FY2024 plans, divisions send real ledger submissions, and every kind of caller has a token.
 * Bureau A (健康福祉局) has two divisions, bureau B (都市整備局) one. A's 保険年金課 also has a
 * planned claim without a ledger (後期高齢者医療保険料) and a ledger whose first submission never
 * completed (revision 0).
 */
import type { LedgerInfo } from '../../../domain/sync/protocol.js';
import { CSV, TEMPLATE_HEADER, toCsv, type Row } from '../plans/fixtures.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { expectedCheck, LEDGER, makeRows, makeSubmission, newId, upsertsFor } from '../helpers/submissions.js';

export const FY = 2024;
export const A = { bureau: '健康福祉局', own: '保険年金課', sibling: '介護保険課' };
export const B = { bureau: '都市整備局', division: '住宅課' };
export const CLAIM_NAMES = {
  own: '国民健康保険料',
  sibling: '介護保険料',
  foreign: '市営住宅使用料',
  noLedger: '後期高齢者医療保険料',
};
export const WHO = ['divOwn', 'divSibling', 'divForeign', 'accOwn', 'accForeign', 'finance', 'admin'] as const;
export type Who = (typeof WHO)[number];

export interface Reply {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface World {
  svc: TestService;
  t: Record<Who, string>;
  claims: Record<keyof typeof CLAIM_NAMES, number>;
  ledgers: { own: string; sibling: string; foreign: string; pending: string };
  /** Σ outstanding of each claim's ledger, from a direct engine run on the same rows. */
  outstanding: { own: number; sibling: number; foreign: number };
  call(method: string, path: string, token?: string | null, body?: unknown): Promise<Reply>;
  close(): Promise<void>;
}

const PLANS: Row[] = [
  [A.bureau, A.own, CLAIM_NAMES.own, '強制徴収公債権', '2024', 500_000_000, 450_000_000, '電話催告'],
  [A.bureau, A.sibling, CLAIM_NAMES.sibling, '強制徴収公債権', '2024', 80_000_000, 75_000_000, '文書催告'],
  [B.bureau, B.division, CLAIM_NAMES.foreign, '私債権', '2024', 120_000_000, 100_000_000, '臨戸'],
  [A.bureau, A.own, CLAIM_NAMES.noLedger, '強制徴収公債権', '2024', 30_000_000, 28_000_000, ''],
];

export async function buildWorld(): Promise<World> {
  const svc = await startTestService();
  const call: World['call'] = async (method, path, token, body) => {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    let data: string | undefined;
    if (typeof body === 'string') {
      headers['Content-Type'] = CSV;
      data = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      data = JSON.stringify(body);
    }
    const res = await fetch(`${svc.url}${path}`, { method, headers, body: data });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, text, json: type.includes('json') ? JSON.parse(text) : undefined };
  };
  const t = { admin: svc.adminToken } as Record<Who, string>;
  t.finance = await svc.makeToken('finance');
  const imported = await call('POST', '/api/v1/plans/import', t.finance, toCsv(PLANS, TEMPLATE_HEADER));
  if (imported.status !== 200) throw new Error(`import: ${imported.text}`);
  t.divOwn = await svc.makeToken('division', A.bureau, A.own);
  t.divSibling = await svc.makeToken('division', A.bureau, A.sibling);
  t.divForeign = await svc.makeToken('division', B.bureau, B.division);
  t.accOwn = await svc.makeToken('accounting', A.bureau);
  t.accForeign = await svc.makeToken('accounting', B.bureau);

  const ledgers = { own: newId('own'), sibling: newId('sib'), foreign: newId('for'), pending: newId('pend') };
  const info = (claimType: string, name: string): LedgerInfo => ({ ...LEDGER, claimType, name });
  const rows = { own: makeRows(40, 0, 'O'), sibling: makeRows(25, 100, 'S'), foreign: makeRows(30, 200, 'F') };
  const send = async (token: string, ledgerId: string, li: LedgerInfo, specs = rows.own, parts = 1) => {
    const [first] = makeSubmission({ upserts: await upsertsFor(specs), ledger: li, parts });
    const r = await call('POST', `/api/v1/ledgers/${ledgerId}/submissions`, token, first);
    if (r.status !== (parts === 1 ? 200 : 202)) throw new Error(`submission: ${r.status} ${r.text}`);
  };
  await send(t.divOwn, ledgers.own, info(CLAIM_NAMES.own, '国保料 台帳'), rows.own);
  await send(t.divSibling, ledgers.sibling, info(CLAIM_NAMES.sibling, '介護保険料 台帳'), rows.sibling);
  await send(t.divForeign, ledgers.foreign, info(CLAIM_NAMES.foreign, '住宅使用料 台帳'), rows.foreign);
  // Only the first of two parts: the ledger exists but has never had a submission accepted.
  await send(t.divOwn, ledgers.pending, info(CLAIM_NAMES.own, '国保料 台帳（分室）'), rows.own, 2);

  const list = await call('GET', `/api/v1/claims?fy=${FY}`, t.finance);
  const idOf = (name: string) => (list.json.claims as { id: number; name: string }[]).find((c) => c.name === name)!.id;
  return {
    svc,
    t,
    claims: {
      own: idOf(CLAIM_NAMES.own),
      sibling: idOf(CLAIM_NAMES.sibling),
      foreign: idOf(CLAIM_NAMES.foreign),
      noLedger: idOf(CLAIM_NAMES.noLedger),
    },
    ledgers,
    outstanding: {
      own: expectedCheck(rows.own).totals.outstanding,
      sibling: expectedCheck(rows.sibling).totals.outstanding,
      foreign: expectedCheck(rows.foreign).totals.outstanding,
    },
    call,
    close: () => svc.close(),
  };
}

/** Sets a ledger's last accepted submission time directly: how a test makes a ledger late. */
export async function setLastSubmitted(w: World, ledgerId: string, at: Date): Promise<void> {
  await w.svc.service.db.run('UPDATE ledgers SET last_submitted_at = ? WHERE id = ?', [at.toISOString(), ledgerId]);
}

export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The status each caller gets, beside what is expected (403 for every caller not named). */
export async function statuses(
  w: World,
  method: string,
  path: string,
  allowed: Partial<Record<Who, number>>,
  body?: (who: Who) => unknown,
): Promise<{ got: Record<Who, number>; want: Record<Who, number> }> {
  const got = {} as Record<Who, number>;
  const want = {} as Record<Who, number>;
  for (const who of WHO) {
    got[who] = (await w.call(method, path, w.t[who], body?.(who))).status;
    want[who] = allowed[who] ?? 403;
  }
  return { got, want };
}
