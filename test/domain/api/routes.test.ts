import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answersJson, pathOf, ROUTE_LIST, ROUTES } from '../../../domain/api/routes.js';

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

describe('the answers', () => {
  /** Every property name of a JSON Schema, however deep. */
  function propertyNames(js: unknown): string[] {
    if (Array.isArray(js)) return js.flatMap(propertyNames);
    if (typeof js !== 'object' || js === null) return [];
    const o = js as Record<string, unknown>;
    const own = o.properties && typeof o.properties === 'object' ? Object.keys(o.properties) : [];
    return [...own, ...Object.values(o).flatMap(propertyNames)];
  }

  it('carry codes, never Japanese labels of them', () => {
    for (const r of ROUTE_LIST) {
      if (!answersJson(r)) continue;
      const names = propertyNames(z.toJSONSchema(r.response, { io: 'output', unrepresentable: 'any' }));
      expect(
        names.filter((n) => /Label$|^baselineStatus$/.test(n)),
        `${r.method} ${r.path}`,
      ).toEqual([]);
    }
    expect(Object.keys(ROUTES.flaggedClaims.response.shape)).toContain('baselineSettled');
    expect(Object.keys(ROUTES.submissionPeriod.response.shape.window.shape)).not.toContain('label');
  });
});
