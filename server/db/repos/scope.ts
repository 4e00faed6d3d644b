/** How far a caller reaches in the organisation, and that reach as a SQL condition. */

/** The whole city (finance), one bureau (its accounting division), or one division. */
export type Scope = { kind: 'city' } | { kind: 'bureau'; bureauId: number } | { kind: 'division'; divisionId: number };

/** The bureau a scope is limited to, if it is one bureau's. */
export const bureauOf = (scope: Scope): number | undefined => (scope.kind === 'bureau' ? scope.bureauId : undefined);

/**
 * ` AND <column> = ?` for a bureau's or a division's scope (nothing for the city), with its
 * parameters, to append to a WHERE clause whose query joins the bureau and division columns named.
 */
export function scopeSql(scope: Scope, bureau = 'b.id', division = 'd.id'): { sql: string; params: number[] } {
  if (scope.kind === 'bureau') return { sql: ` AND ${bureau} = ?`, params: [scope.bureauId] };
  if (scope.kind === 'division') return { sql: ` AND ${division} = ?`, params: [scope.divisionId] };
  return { sql: '', params: [] };
}
