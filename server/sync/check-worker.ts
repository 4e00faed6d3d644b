/**
 * The check thread (started by `check-thread.ts`): builds each submission's check part by part,
 * in part order, while the service receives the rest, so the apply need not run the whole engine
 * at the end. It sees only staged bodies, which hold no personal data.
 */
import { parentPort } from 'node:worker_threads';
import type { LedgerInfo } from '../../domain/sync/protocol.js';
import { IncrementalCheck, type CheckTable, type LedgerCheck } from './check.js';
import { decodeStaged } from './staged.js';

export type ToCheckThread =
  | {
      type: 'part';
      key: string;
      index: number;
      hash: string;
      body: string;
      info: LedgerInfo;
      asOf: string;
      lateCharges: CheckTable;
    }
  /** The check of the parts with these body hashes, in index order; the submission is then forgotten. */
  | { type: 'result'; key: string; seq: number; hashes: string[] }
  | { type: 'drop'; key: string };

export interface FromCheckThread {
  seq: number;
  /** Null when the parts fed are not exactly those asked for, or checking them failed. */
  check: LedgerCheck | null;
  /** Rows checked, and whether they came in sheet order (`IncrementalCheck.inOrder`). */
  count: number;
  inOrder: boolean;
  /** The version of the late-charge table the check counted with. */
  lateChargesVersion: number;
}

interface Submission {
  check: IncrementalCheck | null;
  lateChargesVersion: number;
  /** Body hashes of the parts checked so far: parts 0, 1, … */
  fed: string[];
  /** Parts received ahead of their turn. */
  ahead: Map<number, { hash: string; body: string }>;
}

const submissions = new Map<string, Submission>();

function feed(s: Submission): void {
  for (let next = s.ahead.get(s.fed.length); next; next = s.ahead.get(s.fed.length)) {
    s.ahead.delete(s.fed.length);
    if (s.check) {
      const part = decodeStaged(next.body);
      s.check.add(part.upserts.map((u) => ({ key: u.key, sheetRow: u.row, values: u.values })));
    }
    s.fed.push(next.hash);
  }
}

function handle(m: ToCheckThread): FromCheckThread | undefined {
  switch (m.type) {
    case 'part': {
      let s = submissions.get(m.key);
      if (!s) {
        s = { check: null, lateChargesVersion: m.lateCharges.version, fed: [], ahead: new Map() };
        submissions.set(m.key, s);
        s.check = new IncrementalCheck(m.info, m.asOf, m.lateCharges);
      }
      if (m.index >= s.fed.length && !s.ahead.has(m.index)) s.ahead.set(m.index, { hash: m.hash, body: m.body });
      try {
        feed(s);
      } catch {
        // Checked again at the apply, the usual way.
        s.check = null;
      }
      return undefined;
    }
    case 'result': {
      const s = submissions.get(m.key);
      submissions.delete(m.key);
      const same = !!s && s.fed.length === m.hashes.length && s.fed.every((h, i) => h === m.hashes[i]);
      if (!s?.check || !same) return { seq: m.seq, check: null, count: 0, inOrder: false, lateChargesVersion: 0 };
      return {
        seq: m.seq,
        check: s.check.result(),
        count: s.check.count,
        inOrder: s.check.inOrder,
        lateChargesVersion: s.lateChargesVersion,
      };
    }
    case 'drop':
      submissions.delete(m.key);
      return undefined;
  }
}

parentPort?.on('message', (m: ToCheckThread) => {
  let reply: FromCheckThread | undefined;
  try {
    reply = handle(m);
  } catch {
    if (m.type === 'result') reply = { seq: m.seq, check: null, count: 0, inOrder: false, lateChargesVersion: 0 };
  }
  if (reply) parentPort!.postMessage(reply);
});
