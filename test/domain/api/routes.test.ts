import { describe, expect, it } from 'vitest';
import { pathOf, ROUTE_LIST, ROUTES } from '../../../domain/api/routes.js';
import { HardCase } from '../../../domain/api/hard-cases.js';
import { ChaseItem } from '../../../domain/api/oversight.js';

describe('the route table', () => {
  it('names each parameter of a path in its params schema', () => {
    for (const r of ROUTE_LIST) {
      const names = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      expect(Object.keys(r.params?.shape ?? {}), `${r.method} ${r.path}`).toEqual(names);
    }
  });

  it('builds a path with its parameters encoded and the query without unset values', () => {
    expect(pathOf(ROUTES.plan, { claimId: 12, fy: 2024 })).toBe('/api/v1/claims/12/plans/2024');
    expect(pathOf(ROUTES.rowsSince, { ledgerId: 'a/b c' }, { since: 3 })).toBe(
      '/api/v1/ledgers/a%2Fb%20c/rows?since=3',
    );
    expect(pathOf(ROUTES.flaggedClaims, {}, { fy: 'R6', all: undefined })).toBe('/api/v1/oversight/claims?fy=R6');
    expect(() => pathOf(ROUTES.plan, { claimId: 1 })).toThrow(/:fy/);
  });
});

describe('the Japanese labels the service still sends', () => {
  const chase = {
    kind: 'claim',
    ledgerId: null,
    name: null,
    bureau: { id: 1, name: '局' },
    division: { id: 2, name: '課' },
    claim: { id: 3, name: '債権' },
    reason: 'no-ledger',
    lastSubmittedAt: null,
    dueAt: null,
  };
  it('are read when sent and not needed when not', () => {
    expect(ChaseItem.parse({ ...chase, reasonLabel: '計画はあるが台帳なし' }).reasonLabel).toBe('計画はあるが台帳なし');
    expect(ChaseItem.safeParse(chase).success).toBe(true);
    expect(HardCase.shape.statusLabel.safeParse(undefined).success).toBe(true);
  });
});
