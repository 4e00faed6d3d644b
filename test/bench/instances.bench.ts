/**
 * Several service instances on one PostgreSQL: the throughput of concurrent submissions with one
 * instance and with two, in the same run. Each run serves a new schema from child processes (as
 * `saiken serve` runs), so the client (this process) is apart from the services in both. Eight
 * clients, each with its own division and ledger, send small one-part submissions one after the
 * other; with two instances, clients 0, 2, 4, 6 use the first and the others the second. Runs
 * alternate (one, two, one, two, …) so that the machine's load falls on both alike. A 5xx answer
 * is retried, as the task pane retries from its outbox, and counted.
 */
import { spawnService, type ChildService } from '../server/helpers/child.js';
import { createToken } from '../server/helpers/service.js';
import { makeRows, makeSubmission, newId, upsertsFor } from '../server/helpers/submissions.js';
import { freshPgSchema } from '../server/helpers/test-db.js';
import type { SubmissionPart } from '../../domain/sync/protocol.js';
import { median } from './machine.js';

export interface InstancesRun {
  instances: number;
  submissions: number;
  ms: number;
  perSecond: number;
  /** 5xx answers, each retried until applied. */
  retried: number;
}

export interface InstancesResult {
  clients: number;
  perClient: number;
  rows: number;
  one: InstancesRun[];
  two: InstancesRun[];
  oneMedian: number;
  twoMedian: number;
}

async function post(url: string, token: string, path: string, body: unknown) {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  return { status: res.status, body: json };
}

/** Each client's submissions, made before the clock starts (hashing rows is the pane's work). */
async function workload(clients: number, perClient: number, rows: number): Promise<SubmissionPart[][][]> {
  return Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const subs: SubmissionPart[][] = [];
      for (let i = 0; i < perClient; i++) {
        const upserts = await upsertsFor(makeRows(rows, i * rows, `B${c}-${i}-`), 2 + i * rows);
        subs.push(makeSubmission({ upserts, baseRevision: i }));
      }
      return subs;
    }),
  );
}

async function run(instances: number, work: SubmissionPart[][][]): Promise<InstancesRun> {
  const database = await freshPgSchema();
  const services: ChildService[] = [];
  try {
    for (let i = 0; i < instances; i++) services.push(await spawnService(database.location));
    const admin = services[0]!.adminToken!;
    const tokens = await Promise.all(
      work.map((_, c) => createToken(services[0]!.url, admin, 'division', `局${c % 3}`, `課${c}`)),
    );
    let retried = 0;
    const client = async (c: number, subs: SubmissionPart[][]) => {
      const url = services[c % instances]!.url;
      const path = `/api/v1/ledgers/${newId('bench')}/submissions`;
      for (const parts of subs) {
        for (const part of parts) {
          for (;;) {
            const r = await post(url, tokens[c]!, path, part);
            if (r.status === 200 || r.status === 202) break;
            if (r.status < 500) throw new Error(`${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
            retried++;
          }
        }
      }
    };
    const started = process.hrtime.bigint();
    await Promise.all(work.map((subs, c) => client(c, subs)));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const submissions = work.reduce((n, subs) => n + subs.length, 0);
    return { instances, submissions, ms, perSecond: (submissions / ms) * 1000, retried };
  } finally {
    await Promise.all(services.map((s) => s.kill('SIGTERM')));
    await database.drop();
  }
}

export async function benchInstances(clients = 8, perClient = 30, rows = 40, pairs = 3): Promise<InstancesResult> {
  const one: InstancesRun[] = [];
  const two: InstancesRun[] = [];
  // A first run, not counted: the database and the file cache warm up.
  await run(1, await workload(clients, 3, rows));
  for (let i = 0; i < pairs; i++) {
    one.push(await run(1, await workload(clients, perClient, rows)));
    two.push(await run(2, await workload(clients, perClient, rows)));
  }
  return {
    clients,
    perClient,
    rows,
    one,
    two,
    oneMedian: median(one.map((r) => r.perSecond)),
    twoMedian: median(two.map((r) => r.perSecond)),
  };
}
