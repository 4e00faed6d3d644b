/**
 * The organisation: bureaus (in the city's order), divisions, claims. Unknown names met in an
 * import or a submission are created, so the org chart follows the data finance loads. Bureau and
 * division names are stored NFKC-normalised (half-width kana or full-width spaces name the same
 * bureau) and refused with control, invisible, bidi or broken characters, whoever creates them.
 */
import { checkName, nameProblemMessage, type NameProblem } from '../../../domain/text/org-name.js';
import type { Queryable } from '../db.js';

const MAX_ORG_NAME = 100;

export type OrgUnit = 'bureau' | 'division';
const UNIT_LABELS: Record<OrgUnit, string> = { bureau: '局名', division: '課名' };

/** A bureau or division name that cannot be stored; `status` 400 for the HTTP error handler. */
export class OrgNameError extends Error {
  readonly status = 400;
  constructor(
    readonly unit: OrgUnit,
    readonly problem: NameProblem,
  ) {
    super(nameProblemMessage(UNIT_LABELS[unit], problem, MAX_ORG_NAME));
  }
}

/** The name as stored, or an OrgNameError saying why it cannot be. */
function orgName(unit: OrgUnit, raw: string): string {
  const c = checkName(raw, MAX_ORG_NAME);
  if (!c.ok) throw new OrgNameError(unit, c.problem);
  return c.value;
}

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

export async function ensureBureau(tx: Queryable, raw: string): Promise<Bureau> {
  const name = orgName('bureau', raw);
  const found = await tx.get<Bureau>('SELECT id, name, sort_order FROM bureaus WHERE name = ?', [name]);
  if (found) return found;
  const next = await tx.get<{ n: number }>('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM bureaus');
  const created = await tx.get<Bureau>(
    'INSERT INTO bureaus (name, sort_order) VALUES (?, ?) RETURNING id, name, sort_order',
    [name, next?.n ?? 1],
  );
  return created!;
}

export async function ensureDivision(tx: Queryable, bureauId: number, raw: string): Promise<Division> {
  const name = orgName('division', raw);
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

export function findDivision(db: Queryable, id: number): Promise<Division | undefined> {
  return db.get<Division>('SELECT id, bureau_id, name FROM divisions WHERE id = ?', [id]);
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
