import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../domain/api/errors.js';
import { ROUTE_LIST } from '../../domain/api/routes.js';
import { formattedApiDocs } from '../../server/tools/write-api-docs.js';

describe('docs/api.md', () => {
  it('is the route table rendered (run `npm run api-docs` after changing a route or an error code)', async () => {
    const committed = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    expect(committed).toBe(await formattedApiDocs());
  });

  it('has one section per route and a row per error code', () => {
    const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    for (const r of ROUTE_LIST) expect(doc.split(`### ${r.method} ${r.path}\n`).length).toBe(2);
    for (const c of API_ERROR_CODES) expect(doc).toMatch(new RegExp(`^\\| \`${c}\` +\\|`, 'm'));
  });
});
