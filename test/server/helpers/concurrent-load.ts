/**
 * The concurrency load, for one service or several instances on one database: twenty clients at
 * once, ten each on their own division's ledger, ten sharing one ledger and racing from stale
 * bases (reading the current revision from the 409 and resending). Every applied submission's last
 * part is sent again (a replay) and must get the same answer. Requests go round the services
 * given, one after the other, so with two instances the parts of one submission alternate between
 * them and the replay goes to the other one. `ledgerFigures` reads back what each ledger ended
 * with, by the name the load gave it, for comparison between runs and with `expectedFigures`.
 */
import { isDeepStrictEqual } from 'node:util';
import { expectedCheck, makeRows, makeSubmission, newId, upsertsFor, type RowSpec } from './submissions.js';

export interface Accepted {
  ledger: string;
  revision: number;
  specs: RowSpec[];
}

export interface LoadOutcome {
  /** Every applied submission, with the rows it sent. */
  accepted: Accepted[];
  /** The ledgers, by the load's name for them (`own0` … `own9`, `shared`). */
  ledgerIds: Map<string, string>;
  /** 409 stale-revision answers the racing clients got (and recovered from). */
  staleAnswers: number;
  /** Last parts sent again after their submission applied, each answered as the first time. */
  replays: number;
}

export interface LoadOptions {
  /** The services to spread the requests over (one or more instances on one database). */
  urls: readonly string[];
  /** A division token (bureaus and divisions made when unknown). */
  divisionToken(bureau: string, division: string): Promise<string>;
  ownClients?: number;
  ownRounds?: number;
  sharedClients?: number;
  sharedRounds?: number;
}

async function post(url: string, path: string, token: string, body: unknown) {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

async function get(url: string, path: string, token: string): Promise<Record<string, unknown>> {
  const res = await fetch(url + path, { headers: { Authorization: `Bearer ${token}` } });
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** The services in turn, starting from `offset`. */
function turns(urls: readonly string[], offset: number): () => string {
  let n = offset;
  return () => urls[n++ % urls.length]!;
}

/**
 * One client: `rounds` submissions of new rows in `parts` parts; on a stale base it takes the
 * current revision from the answer and resends.
 */
async function client(
  next: () => string,
  token: string,
  ledger: string,
  ledgerId: string,
  tag: string,
  rounds: number,
  parts: number,
  counts: { stale: number; replays: number; failed: boolean },
): Promise<Accepted[]> {
  const accepted: Accepted[] = [];
  const path = `/api/v1/ledgers/${ledgerId}/submissions`;
  let base = 0;
  for (let round = 0; round < rounds; round++) {
    const specs = makeRows(40, round * 40, `${tag}${round}`);
    const upserts = await upsertsFor(specs, 2 + round * 40);
    for (let attempt = 0; ; attempt++) {
      // Another client failed: the load is over (nothing may still run when the caller goes on).
      if (counts.failed) return accepted;
      if (attempt >= 100) throw new Error(`${tag}: no submission applied in 100 attempts`);
      const sent = makeSubmission({ upserts, parts, baseRevision: base });
      let last: { status: number; body: Record<string, unknown> } | undefined;
      for (const p of sent) {
        last = await post(next(), path, token, p);
        if (last.status === 409) break;
        if (last.status !== 200 && last.status !== 202) {
          throw new Error(`${tag}: part answered ${last.status} ${JSON.stringify(last.body)}`);
        }
      }
      if (last!.status === 200) {
        const replay = await post(next(), path, token, sent[sent.length - 1]);
        if (replay.status !== 200 || !isDeepStrictEqual(replay.body, last!.body)) {
          throw new Error(`${tag}: replay answered ${replay.status} ${JSON.stringify(replay.body)}`);
        }
        counts.replays++;
        base = last!.body.revision as number;
        accepted.push({ ledger, revision: base, specs });
        break;
      }
      const details = last!.body.details as { currentRevision?: number } | undefined;
      if (last!.body.code !== 'stale-revision' || typeof details?.currentRevision !== 'number') {
        throw new Error(`${tag}: 409 ${JSON.stringify(last!.body)}`);
      }
      counts.stale++;
      base = details.currentRevision;
    }
  }
  return accepted;
}

export async function concurrentLoad(o: LoadOptions): Promise<LoadOutcome> {
  const ownClients = o.ownClients ?? 10;
  const sharedClients = o.sharedClients ?? 10;
  const own = await Promise.all(Array.from({ length: ownClients }, (_, i) => o.divisionToken(`局${i % 3}`, `課${i}`)));
  const shared = await o.divisionToken('局0', '共有課');
  const ledgerIds = new Map<string, string>([
    ...own.map((_, i) => [`own${i}`, newId('own')] as [string, string]),
    ['shared', newId('shared')],
  ]);
  const counts = { stale: 0, replays: 0, failed: false };
  const stopOthers = (e: unknown) => {
    counts.failed = true;
    throw e;
  };
  const settled = await Promise.allSettled([
    ...own.map((token, i) =>
      client(
        turns(o.urls, i),
        token,
        `own${i}`,
        ledgerIds.get(`own${i}`)!,
        `O${i}-`,
        o.ownRounds ?? 3,
        1 + (i % 3),
        counts,
      ).catch(stopOthers),
    ),
    ...Array.from({ length: sharedClients }, (_, i) =>
      client(
        turns(o.urls, i + 1),
        shared,
        'shared',
        ledgerIds.get('shared')!,
        `S${i}-`,
        o.sharedRounds ?? 2,
        1 + (i % 2),
        counts,
      ).catch(stopOthers),
    ),
  ]);
  const failure = settled.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
  const results = settled.map((r) => (r as PromiseFulfilledResult<Accepted[]>).value);
  return { accepted: results.flat(), ledgerIds, staleAnswers: counts.stale, replays: counts.replays };
}

/** What a ledger ends with, as the API shows it. */
export interface Figures {
  revision: number;
  /** The revisions its accepted submissions got, in order. */
  revisions: number[];
  /** Rows the row feed lists. */
  storedRows: number;
  totals: unknown;
  findings: unknown;
  aging: unknown;
}

/** Each ledger's figures, by the load's name for it, read through `url` with a token that sees them all. */
export async function ledgerFigures(url: string, token: string, load: LoadOutcome): Promise<Record<string, Figures>> {
  const out: Record<string, Figures> = {};
  for (const [name, id] of load.ledgerIds) {
    const ledger = await get(url, `/api/v1/ledgers/${id}`, token);
    const rows = await get(url, `/api/v1/ledgers/${id}/rows?since=0`, token);
    out[name] = {
      revision: ledger.revision as number,
      revisions: load.accepted
        .filter((a) => a.ledger === name)
        .map((a) => a.revision)
        .sort((a, b) => a - b),
      storedRows: (rows.rows as unknown[]).length,
      totals: ledger.totals,
      findings: ledger.findings,
      aging: ledger.aging,
    };
  }
  return out;
}

/**
 * What each ledger must hold whoever served the load: every accepted submission at its own
 * revision (1, 2, 3, … with no gap or repeat), all their rows, and the engine's totals of them.
 */
export function expectedFigures(
  load: LoadOutcome,
): Record<string, { revision: number; revisions: number[]; storedRows: number; totals: object }> {
  const out: Record<string, { revision: number; revisions: number[]; storedRows: number; totals: object }> = {};
  for (const name of load.ledgerIds.keys()) {
    const mine = load.accepted.filter((a) => a.ledger === name);
    const specs = mine.flatMap((a) => a.specs);
    const { totals } = expectedCheck(specs);
    out[name] = {
      revision: mine.length,
      revisions: mine.map((_, i) => i + 1),
      storedRows: specs.length,
      totals: { rows: specs.length, assessed: totals.assessed, paid: totals.paid, outstanding: totals.outstanding },
    };
  }
  return out;
}
