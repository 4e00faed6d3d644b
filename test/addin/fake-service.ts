/**
 * The sync service's API in memory, as a `fetch`: submissions in parts applied together, counted
 * once per submissionId, 409 stale-revision, `rows?since=`. Records every request body, and can
 * drop requests as a failing network does.
 */
import type { CityLateCharges } from '../../domain/api/late-charges.js';
import { SubmissionPart, type RowUpsert } from '../../domain/sync/protocol.js';
import { PERSONAL_FIELDS } from '../../domain/sync/fields.js';

export const CITY_KEY = Buffer.from('saiken-test-city-key-32-bytes!!!').toString('base64url');

interface Ledger {
  revision: number;
  rows: Map<string, { hash: string; revision: number; upsert: RowUpsert }>;
  deleted: Map<string, number>;
}

interface Pending {
  parts: Map<number, SubmissionPart>;
  result?: unknown;
}

export interface Request {
  method: string;
  path: string;
  body: string | null;
  auth: string | null;
}

export class FakeService {
  readonly requests: Request[] = [];
  readonly ledgers = new Map<string, Ledger>();
  private readonly submissions = new Map<string, Pending>();
  /** Requests to drop as network failures (fetch rejects). */
  failNext = 0;
  /** Rejects only POSTs when set, so catch-up reads still work. */
  failOnlyPosts = false;
  /** The city's late-charge table, where the service keeps one (404 otherwise, as an older service). */
  lateCharges: CityLateCharges | null = null;
  /** Answers for the next submission posts, in order (a refusal the real service would give). */
  readonly answers: { status: number; body: unknown }[] = [];

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? init.body : null;
    const auth = new Headers(init?.headers).get('authorization');
    this.requests.push({ method, path: url.pathname + url.search, body, auth });
    if (this.failNext > 0 && (!this.failOnlyPosts || method === 'POST')) {
      this.failNext--;
      throw new TypeError('Failed to fetch');
    }
    if (auth !== 'Bearer test-token-0123456789')
      return json(401, { code: 'unauthorized', message: '認証が必要です。' });
    if (url.pathname === '/api/v1/city-key') return json(200, { key: CITY_KEY });
    if (url.pathname === '/api/v1/late-charges') {
      return this.lateCharges
        ? json(200, this.lateCharges)
        : json(404, { code: 'not-found', message: '見つかりません。' });
    }
    if (url.pathname === '/api/v1/me') return json(200, { role: 'division', bureau: 'こども局', division: '保育課' });
    const m = /^\/api\/v1\/ledgers\/([^/]+)\/(submissions|rows)$/.exec(url.pathname);
    if (!m) return json(404, { code: 'not-found', message: '見つかりません。' });
    const ledger = this.ledger(decodeURIComponent(m[1]!));
    if (m[2] === 'rows')
      return json(200, this.since(decodeURIComponent(m[1]!), ledger, Number(url.searchParams.get('since'))));
    return this.submit(decodeURIComponent(m[1]!), ledger, body ?? '');
  };

  ledger(id: string): Ledger {
    let l = this.ledgers.get(id);
    if (!l) this.ledgers.set(id, (l = { revision: 0, rows: new Map(), deleted: new Map() }));
    return l;
  }

  /** Bodies of every submission part sent. */
  posts(): SubmissionPart[] {
    return this.requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body!) as SubmissionPart);
  }

  /** Another client's submission: changes a row's hash and adds a row, moving the revision on. */
  otherClient(ledgerId: string, changeKey: string): void {
    const l = this.ledger(ledgerId);
    const rev = ++l.revision;
    const row = l.rows.get(changeKey)!;
    l.rows.set(changeKey, { ...row, hash: 'f'.repeat(64), revision: rev });
    l.rows.set('e'.repeat(64), { hash: 'e'.repeat(64), revision: rev, upsert: row.upsert });
  }

  private submit(ledgerId: string, l: Ledger, body: string): Response {
    const answer = this.answers.shift();
    if (answer) return json(answer.status, answer.body);
    const raw = JSON.parse(body) as Record<string, unknown>;
    const personal = PERSONAL_FIELDS.filter((f) => body.includes(`"${f}"`));
    if (personal.length > 0) return json(422, { code: 'personal-field', message: '個人情報の項目は送信できません。' });
    const parsed = SubmissionPart.safeParse(raw);
    if (!parsed.success) return json(400, { code: 'invalid', message: parsed.error.message });
    const part = parsed.data;
    const prior = this.submissions.get(part.submissionId);
    if (prior?.result) return json(200, prior.result); // a retry of an applied submission: counted once
    if (part.baseRevision !== l.revision) {
      return json(409, {
        code: 'stale-revision',
        message: '台帳はほかの送信で更新されています。',
        details: {
          currentRevision: l.revision,
          catchUp: `/api/v1/ledgers/${ledgerId}/rows?since=${part.baseRevision}`,
        },
      });
    }
    const sub: Pending = prior ?? { parts: new Map() };
    this.submissions.set(part.submissionId, sub);
    sub.parts.set(part.part.index, part);
    if (sub.parts.size < part.part.count) {
      return json(202, {
        status: 'received',
        submissionId: part.submissionId,
        ledgerId,
        partsReceived: sub.parts.size,
        partsExpected: part.part.count,
      });
    }
    const rev = ++l.revision;
    for (const p of sub.parts.values()) {
      for (const k of p.deletions) {
        l.rows.delete(k);
        l.deleted.set(k, rev);
      }
      for (const u of p.upserts) l.rows.set(u.key, { hash: u.hash, revision: rev, upsert: u });
    }
    let assessed = 0;
    for (const r of l.rows.values()) assessed += Number(r.upsert.values.assessedAmount ?? 0);
    sub.result = {
      status: 'applied',
      submissionId: part.submissionId,
      ledgerId,
      revision: rev,
      appliedAt: '2025-03-31T00:00:00Z',
      totals: { rows: l.rows.size, assessed, paid: 0, outstanding: 0 },
      findings: { bySeverity: { error: 4, warning: 6, info: 1 }, byRule: {} },
    };
    return json(200, sub.result);
  }

  private since(ledgerId: string, l: Ledger, since: number) {
    return {
      ledgerId,
      revision: l.revision,
      rows: [...l.rows]
        .filter(([, r]) => r.revision > since)
        .map(([key, r]) => ({ key, hash: r.hash, revision: r.revision })),
      deleted: [...l.deleted].filter(([, rev]) => rev > since).map(([key, revision]) => ({ key, revision })),
    };
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
