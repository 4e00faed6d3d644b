import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  catchUpBase,
  isRetryable,
  resentState,
  type Applied,
} from '../../../domain/sync/outbox-rules.js';
import type { RowChanges, RowUpsert, SubmissionPart, SubmissionResult } from '../../../domain/sync/protocol.js';
import { emptyRowState, pack, PACKED_ROWS, shortHash, type RowState } from '../../../domain/sync/row-state.js';
import { sendChanges, type SendPort } from '../../../domain/sync/send-changes.js';
import { stateOf } from '../../../domain/sync/diff.js';

const hex = (n: number) => n.toString(16).padStart(64, '0');
const upsert = (n: number, h: number): RowUpsert => ({ key: hex(n), hash: hex(1000 + h), row: n + 1, values: {} });
const basis = { asOf: '2025-03-31', rulesetVersion: 'r1', ledger: { name: '台帳', claimType: '保育料', fields: [] } };
const applied = (revision: number): Applied => ({
  status: 'applied',
  submissionId: 'x',
  ledgerId: 'l',
  revision,
  appliedAt: '2025-03-31T00:00:00Z',
  totals: { rows: 0, assessed: 0, paid: 0, outstanding: 0 },
  findings: { bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {} },
});

class Failure extends Error {
  constructor(
    readonly code: string,
    readonly status: number | null,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

/** A service in memory: a revision and its rows; `answer` may refuse a part instead. */
function fakePort(service: RowState, answer?: (part: SubmissionPart) => SubmissionResult | Error | null) {
  const log: string[] = [];
  const sent: SubmissionPart[] = [];
  let saved: RowState | null = null;
  let ids = 0;
  const port: SendPort = {
    submit: async (part) => {
      sent.push(part);
      log.push(`send ${part.submissionId} ${part.part.index}`);
      const a = answer?.(part);
      if (a instanceof Error) throw a;
      if (a) return a;
      if (part.baseRevision !== service.revision) {
        throw new Failure('stale-revision', 409, { currentRevision: service.revision });
      }
      if (part.part.index < part.part.count - 1) {
        return {
          status: 'received',
          submissionId: part.submissionId,
          ledgerId: 'l',
          partsReceived: 1,
          partsExpected: 2,
        };
      }
      service.revision++;
      return applied(service.revision);
    },
    rowsSince: async (since): Promise<RowChanges> => {
      log.push(`since ${since}`);
      return {
        ledgerId: 'l',
        revision: service.revision,
        rows: [...service.rows].map(([key, hash]) => ({ key, hash, revision: service.revision })),
        deleted: [],
      };
    },
    saveRowState: async (s) => {
      saved = s;
      log.push(`save ${s.revision}`);
    },
    checkOutgoing: () => undefined,
    submissionId: async () => `submission-${++ids}`,
    keep: async (parts) => {
      log.push(`keep ${parts[0]!.submissionId} ${parts.length}`);
      return true;
    },
    forget: async (id) => void log.push(`forget ${id}`),
    failureOf: (e) => (e instanceof Failure ? e : null),
    error: (kind) => new Error(kind),
    sha256: async (t) => createHash('sha256').update(t).digest('hex'),
  };
  return { port, log, sent, saved: () => saved };
}

describe('sendChanges', () => {
  it('keeps the submission before the first part leaves, sends the diff in parts, then saves and forgets', async () => {
    const held: RowState = {
      revision: 4,
      rows: new Map([
        [hex(1), shortHash(hex(1001))],
        [hex(9), 'ffff'],
      ]),
    };
    const f = fakePort({ revision: 4, rows: new Map() });
    const current = [upsert(1, 1), upsert(2, 2), upsert(3, 3)];
    const out = await sendChanges(f.port, { current, held, basis, partRows: 2 });
    expect(f.log).toEqual([
      'keep submission-1 2',
      'send submission-1 0',
      'send submission-1 1',
      'save 5',
      'forget submission-1',
    ]);
    expect(f.sent.flatMap((p) => p.upserts.map((u) => u.key))).toEqual([hex(2), hex(3)]);
    expect(f.sent.flatMap((p) => p.deletions)).toEqual([hex(9)]);
    expect(out).toMatchObject({ upserts: 2, added: 2, deletions: 1, caughtUp: false });
    expect(f.saved()).toEqual({ revision: 5, rows: stateOf(current) });
  });

  it('on a stale revision: forgets, catches up from rows?since=, and sends the new diff as a new submission', async () => {
    const service: RowState = { revision: 7, rows: new Map([[hex(1), hex(1001)]]) };
    const f = fakePort(service);
    const out = await sendChanges(f.port, { current: [upsert(1, 1), upsert(2, 2)], held: emptyRowState(), basis });
    expect(f.log).toEqual([
      'keep submission-1 1',
      'send submission-1 0',
      'forget submission-1',
      'since 0',
      'save 7',
      'keep submission-2 1',
      'send submission-2 0',
      'save 8',
      'forget submission-2',
    ]);
    expect(f.sent[1]!.upserts.map((u) => u.key)).toEqual([hex(2)]);
    expect(out).toMatchObject({ caughtUp: true, upserts: 1, added: 1 });
  });

  it('keeps what may yet be sent (no answer, 503), drops what the service refused for good', async () => {
    const noAnswer = fakePort(emptyRowState(), () => new Failure('network', null));
    await expect(
      sendChanges(noAnswer.port, { current: [upsert(1, 1)], held: emptyRowState(), basis }),
    ).rejects.toThrow();
    expect(noAnswer.log.some((l) => l.startsWith('forget'))).toBe(false);
    const refused = fakePort(emptyRowState(), () => new Failure('looks-personal', 422));
    await expect(
      sendChanges(refused.port, { current: [upsert(1, 1)], held: emptyRowState(), basis }),
    ).rejects.toThrow();
    expect(refused.log).toContain('forget submission-1');
  });

  it('offers the parts’ digest without their id: the same parts give the same digest, other parts another', async () => {
    const digests: string[] = [];
    const digestOf = async (current: RowUpsert[]) => {
      const f = fakePort(emptyRowState());
      f.port.submissionId = async (content) => {
        digests.push(await content());
        return `submission-${digests.length}`;
      };
      await sendChanges(f.port, { current, held: emptyRowState(), basis });
    };
    await digestOf([upsert(1, 1)]);
    await digestOf([upsert(1, 1)]);
    await digestOf([upsert(1, 2)]);
    expect(digests[0]).toBe(digests[1]);
    expect(digests[2]).not.toBe(digests[0]);
  });
});

describe('the outbox’s decisions', () => {
  it('resends after no answer, server trouble, a token to fix; drops a refusal; catches up when stale', () => {
    expect([null, 500, 503, 401, 403, 408, 429].every((status) => isRetryable({ code: 'http', status }))).toBe(true);
    expect(isRetryable({ code: 'unexpected', status: 200 })).toBe(true);
    expect(isRetryable({ code: 'invalid-value', status: 400 })).toBe(false);
    expect(afterFailure({ code: 'stale-revision', status: 409 })).toBe('catch-up');
    expect(afterFailure({ code: 'network', status: null })).toBe('keep');
    expect(afterFailure({ code: 'personal-field', status: 422 })).toBe('drop');
    expect(afterFailure(null)).toBe('keep');
  });

  it('catches up from nothing when the service is behind our base (restored from a backup)', () => {
    const held: RowState = { revision: 9, rows: new Map([[hex(1), 'aaaa']]) };
    expect(catchUpBase(held, { currentRevision: 3 })).toEqual(emptyRowState());
    expect(catchUpBase(held, { currentRevision: 12 })).toBe(held);
  });

  it('moves the row state on after a resend only from the submission’s base', () => {
    const part = (baseRevision: number): SubmissionPart => ({
      submissionId: 'submission-1',
      baseRevision,
      ...basis,
      part: { index: 0, count: 1 },
      upserts: [upsert(2, 2)],
      deletions: [hex(1)],
    });
    const held: RowState = { revision: 3, rows: new Map([[hex(1), 'aaaa']]) };
    expect(resentState(held, [part(3)], applied(4), false)).toEqual({
      revision: 4,
      rows: new Map([[hex(2), shortHash(hex(1002))]]),
    });
    expect(resentState(held, [part(2)], applied(4), false)).toBeNull();
    expect(resentState(null, [part(0)], applied(1), true)?.revision).toBe(1);
    expect(resentState(null, [part(0)], applied(1), false)).toBeNull();
  });

  it('a packed row state reads as one', () => {
    const rows = new Map([
      [hex(1), hex(5).slice(0, 16)],
      [`${hex(2)}#3`, 'deadbeefcafef00d'],
    ]);
    expect(PACKED_ROWS.test(pack(rows))).toBe(true);
    expect(PACKED_ROWS.test('')).toBe(true);
    expect(PACKED_ROWS.test('山田')).toBe(false);
  });
});
