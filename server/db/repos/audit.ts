/** The append-only audit log: who did what to which record, at which revision. */
import type { Queryable } from '../db.js';

export interface AuditEntry {
  tokenId: number | null;
  role: string | null;
  action: string;
  entity: string;
  entityId: string;
  revision?: number | null;
  /** Counts, ids and names of organisation units only: never personal data or a token. */
  details?: Record<string, unknown>;
}

/** Who an entry names: a token and its role (both null for the command line on the service's machine). */
export type AuditActor = Pick<AuditEntry, 'tokenId' | 'role'>;

export async function appendAudit(tx: Queryable, e: AuditEntry, now: Date = new Date()): Promise<void> {
  await tx.run(
    'INSERT INTO audit_log (at, token_id, role, action, entity, entity_id, revision, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [
      now.toISOString(),
      e.tokenId,
      e.role,
      e.action,
      e.entity,
      e.entityId,
      e.revision ?? null,
      JSON.stringify(e.details ?? {}),
    ],
  );
}
