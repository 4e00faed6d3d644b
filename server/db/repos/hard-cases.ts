/**
 * Hard cases (処理困難事案): a division asks, its bureau's accounting division or finance answers
 * with a handling policy, and the case is closed. The state changes are compare-and-set updates
 * (`WHERE status = ?`), so two answers racing cannot both win.
 */
import type { HardCaseStatus } from '../../../domain/api/hard-cases.js';
import type { Db, Queryable } from '../db.js';
import { appendAudit, type AuditActor } from './audit.js';
import { scopeSql, type Scope } from './scope.js';

export type { HardCaseStatus };

export interface HardCaseRow {
  id: number;
  claim_id: number;
  title: string;
  assessed: number | null;
  outstanding: number | null;
  due_date: string | null;
  last_contact_date: string | null;
  tried: string;
  question: string;
  status: HardCaseStatus;
  confirmed_no_personal: number;
  created_at: string;
  created_by: number | null;
  answer: string | null;
  answer_confirmed_no_personal: number;
  answered_role: string | null;
  answered_at: string | null;
  answered_by: number | null;
  closed_at: string | null;
  closed_by: number | null;
  closed_role: string | null;
  claim: string;
  division_id: number;
  division: string;
  bureau_id: number;
  bureau: string;
}

const SELECT = `
  SELECT h.*, c.name AS claim, d.id AS division_id, d.name AS division, b.id AS bureau_id, b.name AS bureau
    FROM hard_cases h JOIN claims c ON c.id = h.claim_id JOIN divisions d ON d.id = c.division_id
    JOIN bureaus b ON b.id = d.bureau_id`;

export interface NewHardCase {
  claimId: number;
  title: string;
  assessed: number | null;
  outstanding: number | null;
  dueDate: string | null;
  lastContactDate: string | null;
  tried: string;
  question: string;
  confirmedNoPersonal: boolean;
}

export function findHardCase(q: Queryable, id: number): Promise<HardCaseRow | undefined> {
  return q.get<HardCaseRow>(`${SELECT} WHERE h.id = ?`, [id]);
}

export function listHardCases(q: Queryable, scope: Scope, status?: HardCaseStatus): Promise<HardCaseRow[]> {
  const s = scopeSql(scope);
  const params: (string | number)[] = [...s.params];
  let where = `WHERE 1 = 1${s.sql}`;
  if (status) {
    where += ' AND h.status = ?';
    params.push(status);
  }
  return q.all<HardCaseRow>(`${SELECT} ${where} ORDER BY h.id DESC`, params);
}

const audit = (
  tx: Queryable,
  by: AuditActor,
  action: string,
  id: number,
  details: Record<string, unknown>,
  now: Date,
) => appendAudit(tx, { ...by, action, entity: 'hard_case', entityId: String(id), details }, now);

export function createHardCase(
  db: Db,
  c: NewHardCase,
  by: AuditActor,
  warnings: Record<string, number>,
  now = new Date(),
): Promise<HardCaseRow> {
  return db.transaction(async (tx) => {
    const row = await tx.get<{ id: number }>(
      `INSERT INTO hard_cases (claim_id, title, assessed, outstanding, due_date, last_contact_date, tried, question,
         status, confirmed_no_personal, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id`,
      [c.claimId, c.title, c.assessed, c.outstanding, c.dueDate, c.lastContactDate, c.tried, c.question, c.confirmedNoPersonal ? 1 : 0, now.toISOString(), by.tokenId], // prettier-ignore
    );
    const id = row!.id;
    // The audit keeps counts of the warnings the sender confirmed, never the text.
    await audit(
      tx,
      by,
      'create',
      id,
      { claimId: c.claimId, confirmedNoPersonal: c.confirmedNoPersonal, warnings },
      now,
    );
    return (await findHardCase(tx, id))!;
  });
}

/** Why a state change did not happen: the case's status at the time. */
export class TransitionRefused extends Error {
  constructor(readonly status: HardCaseStatus) {
    super(status);
  }
}

export function answerHardCase(
  db: Db,
  id: number,
  a: { answer: string; confirmedNoPersonal: boolean; role: 'accounting' | 'finance' },
  by: AuditActor,
  warnings: Record<string, number>,
  now = new Date(),
): Promise<HardCaseRow> {
  return db.transaction(async (tx) => {
    const r = await tx.run(
      `UPDATE hard_cases SET status = 'answered', answer = ?, answer_confirmed_no_personal = ?, answered_role = ?,
              answered_at = ?, answered_by = ?
        WHERE id = ? AND status = 'open'`,
      [a.answer, a.confirmedNoPersonal ? 1 : 0, a.role, now.toISOString(), by.tokenId, id],
    );
    const row = (await findHardCase(tx, id))!;
    if (r.changes === 0) throw new TransitionRefused(row.status);
    await audit(tx, by, 'answer', id, { confirmedNoPersonal: a.confirmedNoPersonal, warnings }, now);
    return row;
  });
}

/** Closes an answered case, or an open one the division withdraws (`from` says which the caller may). */
export function closeHardCase(
  db: Db,
  id: number,
  from: readonly HardCaseStatus[],
  by: AuditActor,
  now = new Date(),
): Promise<HardCaseRow> {
  return db.transaction(async (tx) => {
    const before = (await findHardCase(tx, id))!;
    if (!from.includes(before.status)) throw new TransitionRefused(before.status);
    await tx.run(
      `UPDATE hard_cases SET status = 'closed', closed_at = ?, closed_by = ?, closed_role = ? WHERE id = ? AND status = ?`,
      [now.toISOString(), by.tokenId, by.role, id, before.status],
    );
    await audit(tx, by, 'close', id, { from: before.status }, now);
    return (await findHardCase(tx, id))!;
  });
}
