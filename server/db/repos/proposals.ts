/**
 * Finance's improvement proposals (改善提案), one per claim and fiscal year: written once, then
 * revised; every revision keeps the replaced text in proposal_history with its author and time.
 */
import type { Db, Queryable } from '../db.js';
import { appendAudit, type AuditActor } from './audit.js';
import { scopeSql, type Scope } from './scope.js';

export interface ProposalRow {
  id: number;
  claim_id: number;
  fiscal_year: number;
  reasons: string;
  body: string;
  version: number;
  /** 1: finance saw a personal-text warning and confirmed the text holds no personal data. */
  confirmed_no_personal: number;
  created_at: string;
  created_by: number | null;
  updated_at: string;
  updated_by: number | null;
}

export interface ProposalListRow extends ProposalRow {
  claim: string;
  division_id: number;
  division: string;
  bureau_id: number;
  bureau: string;
}

export interface ProposalVersionRow {
  version: number;
  reasons: string;
  body: string;
  confirmed_no_personal: number;
  changed_at: string;
  changed_by: number | null;
  role: string | null;
  label: string | null;
}

export class ProposalConflict extends Error {
  constructor(
    readonly kind: 'exists' | 'missing' | 'version',
    readonly currentVersion: number,
  ) {
    super(kind);
  }
}

function findProposal(q: Queryable, claimId: number, fiscalYear: number): Promise<ProposalRow | undefined> {
  return q.get<ProposalRow>('SELECT * FROM proposals WHERE claim_id = ? AND fiscal_year = ?', [claimId, fiscalYear]);
}

/** What the sender confirmed about personal-looking text: stored, and counted by kind in the audit. */
export interface Confirmation {
  confirmedNoPersonal: boolean;
  warnings: Record<string, number>;
}

const NONE: Confirmation = { confirmedNoPersonal: false, warnings: {} };

/** POST: a new proposal (a second one for the same claim and year is a conflict). */
export function createProposal(
  db: Db,
  p: { claimId: number; fiscalYear: number; reasons: string; body: string },
  by: AuditActor,
  c: Confirmation = NONE,
  now = new Date(),
): Promise<ProposalRow> {
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const old = await findProposal(tx, p.claimId, p.fiscalYear);
    if (old) throw new ProposalConflict('exists', old.version);
    const row = await tx.get<ProposalRow>(
      `INSERT INTO proposals (claim_id, fiscal_year, reasons, body, version, confirmed_no_personal, created_at, created_by,
         updated_at, updated_by)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?) RETURNING *`,
      [p.claimId, p.fiscalYear, p.reasons, p.body, c.confirmedNoPersonal ? 1 : 0, at, by.tokenId, at, by.tokenId],
    );
    await audit(tx, by, 'create', row!, c, now);
    return row!;
  });
}

/** PUT: a revision; unchanged text makes no version. */
export function reviseProposal(
  db: Db,
  p: { claimId: number; fiscalYear: number; reasons: string; body: string; expectedVersion?: number },
  by: AuditActor,
  c: Confirmation = NONE,
  now = new Date(),
): Promise<{ proposal: ProposalRow; changed: boolean }> {
  return db.transaction(async (tx) => {
    const old = await findProposal(tx, p.claimId, p.fiscalYear);
    if (!old) throw new ProposalConflict('missing', 0);
    if (p.expectedVersion !== undefined && p.expectedVersion !== old.version) {
      throw new ProposalConflict('version', old.version);
    }
    if (old.reasons === p.reasons && old.body === p.body) return { proposal: old, changed: false };
    await tx.run(
      `INSERT INTO proposal_history (proposal_id, version, reasons, body, confirmed_no_personal, changed_at, changed_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [old.id, old.version, old.reasons, old.body, old.confirmed_no_personal, old.updated_at, old.updated_by],
    );
    const row = await tx.get<ProposalRow>(
      `UPDATE proposals SET reasons = ?, body = ?, version = version + 1, confirmed_no_personal = ?, updated_at = ?,
              updated_by = ?
        WHERE id = ? RETURNING *`,
      [p.reasons, p.body, c.confirmedNoPersonal ? 1 : 0, now.toISOString(), by.tokenId, old.id],
    );
    await audit(tx, by, 'update', row!, c, now);
    return { proposal: row!, changed: true };
  });
}

function audit(tx: Queryable, by: AuditActor, action: string, p: ProposalRow, c: Confirmation, now: Date) {
  return appendAudit(
    tx,
    {
      ...by,
      action,
      entity: 'proposal',
      entityId: String(p.id),
      revision: p.version,
      details: { claimId: p.claim_id, fiscalYear: p.fiscal_year, ...c },
    },
    now,
  );
}

/** Every version of a proposal, newest first. */
export function proposalVersions(q: Queryable, proposalId: number): Promise<ProposalVersionRow[]> {
  return q.all<ProposalVersionRow>(
    `SELECT v.*, t.role, t.label FROM (
       SELECT version, reasons, body, confirmed_no_personal, updated_at AS changed_at, updated_by AS changed_by
         FROM proposals WHERE id = ?
       UNION ALL
       SELECT version, reasons, body, confirmed_no_personal, changed_at, changed_by
         FROM proposal_history WHERE proposal_id = ?) v
     LEFT JOIN tokens t ON t.id = v.changed_by
     ORDER BY v.version DESC`,
    [proposalId, proposalId],
  );
}

export function claimProposals(q: Queryable, claimId: number): Promise<ProposalRow[]> {
  return q.all<ProposalRow>('SELECT * FROM proposals WHERE claim_id = ? ORDER BY fiscal_year DESC', [claimId]);
}

/** A fiscal year's proposals within reach, bureaus in the city's order. */
export function listProposals(q: Queryable, fiscalYear: number, scope: Scope): Promise<ProposalListRow[]> {
  const s = scopeSql(scope);
  return q.all<ProposalListRow>(
    `SELECT p.*, c.name AS claim, d.id AS division_id, d.name AS division, b.id AS bureau_id, b.name AS bureau
       FROM proposals p JOIN claims c ON c.id = p.claim_id JOIN divisions d ON d.id = c.division_id
       JOIN bureaus b ON b.id = d.bureau_id
      WHERE p.fiscal_year = ?${s.sql}
      ORDER BY b.sort_order, b.id, d.name, c.name`,
    [fiscalYear, ...s.params],
  );
}
