/**
 * The organisation: bureaus (in the city's order), divisions, claims. Unknown names met in an
 * import or a submission are created, so the org chart follows the data finance loads.
 */
import type { Queryable } from '../db.js';

export interface Bureau {
  id: number;
  name: string;
  sort_order: number;
}

export interface Division {
  id: number;
  bureau_id: number;
  name: string;
}

export interface Claim {
  id: number;
  division_id: number;
  name: string;
  classification: string | null;
}

export async function ensureBureau(tx: Queryable, name: string): Promise<Bureau> {
  const found = await tx.get<Bureau>('SELECT id, name, sort_order FROM bureaus WHERE name = ?', [name]);
  if (found) return found;
  const next = await tx.get<{ n: number }>('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM bureaus');
  const created = await tx.get<Bureau>(
    'INSERT INTO bureaus (name, sort_order) VALUES (?, ?) RETURNING id, name, sort_order',
    [name, next?.n ?? 1],
  );
  return created!;
}

export async function ensureDivision(tx: Queryable, bureauId: number, name: string): Promise<Division> {
  const found = await tx.get<Division>('SELECT id, bureau_id, name FROM divisions WHERE bureau_id = ? AND name = ?', [
    bureauId,
    name,
  ]);
  if (found) return found;
  return (await tx.get<Division>(
    'INSERT INTO divisions (bureau_id, name) VALUES (?, ?) RETURNING id, bureau_id, name',
    [bureauId, name],
  ))!;
}

export async function ensureClaim(
  tx: Queryable,
  divisionId: number,
  name: string,
  classification: string | null,
): Promise<Claim> {
  const found = await tx.get<Claim>(
    'SELECT id, division_id, name, classification FROM claims WHERE division_id = ? AND name = ?',
    [divisionId, name],
  );
  if (found) {
    if (classification && found.classification !== classification) {
      await tx.run('UPDATE claims SET classification = ? WHERE id = ?', [classification, found.id]);
      return { ...found, classification };
    }
    return found;
  }
  return (await tx.get<Claim>(
    'INSERT INTO claims (division_id, name, classification) VALUES (?, ?, ?) RETURNING id, division_id, name, classification',
    [divisionId, name, classification],
  ))!;
}

export function listBureaus(db: Queryable): Promise<Bureau[]> {
  return db.all<Bureau>('SELECT id, name, sort_order FROM bureaus ORDER BY sort_order, id');
}

export function findBureauByName(db: Queryable, name: string): Promise<Bureau | undefined> {
  return db.get<Bureau>('SELECT id, name, sort_order FROM bureaus WHERE name = ?', [name]);
}

export function findDivision(db: Queryable, id: number): Promise<Division | undefined> {
  return db.get<Division>('SELECT id, bureau_id, name FROM divisions WHERE id = ?', [id]);
}

export function findDivisionByName(db: Queryable, bureauId: number, name: string): Promise<Division | undefined> {
  return db.get<Division>('SELECT id, bureau_id, name FROM divisions WHERE bureau_id = ? AND name = ?', [
    bureauId,
    name,
  ]);
}

export interface OrgRow {
  bureau_id: number;
  bureau: string;
  division_id: number | null;
  division: string | null;
  claim_id: number | null;
  claim: string | null;
  classification: string | null;
}

/** The organisation as one flat list, bureaus in the city's order; optionally one bureau only. */
export function listOrganisation(db: Queryable, bureauId?: number): Promise<OrgRow[]> {
  const where = bureauId === undefined ? '' : 'WHERE b.id = ?';
  return db.all<OrgRow>(
    `SELECT b.id AS bureau_id, b.name AS bureau, d.id AS division_id, d.name AS division,
            c.id AS claim_id, c.name AS claim, c.classification
       FROM bureaus b
       LEFT JOIN divisions d ON d.bureau_id = b.id
       LEFT JOIN claims c ON c.division_id = d.id
       ${where}
      ORDER BY b.sort_order, b.id, d.name, c.name`,
    bureauId === undefined ? [] : [bureauId],
  );
}
