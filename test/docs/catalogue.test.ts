import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCatalogueMarkdown } from '../../domain/rules/catalogue-doc.js';
import { RULES } from '../../domain/rules/catalogue.js';
import { RULE_IDS } from '../../domain/rules/rule.js';

describe('docs/rules.md', () => {
  it('is the catalogue generated from the code (run `npm run catalogue` after changing a rule)', () => {
    const committed = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderCatalogueMarkdown());
  });

  it('lists every rule id once, in the catalogue order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    const doc = renderCatalogueMarkdown();
    for (const id of RULE_IDS) expect(doc.split(`### ${id}\n`).length).toBe(2);
  });

  it('reads the rule ids of rules.md in the specification', () => {
    let spec: string;
    try {
      spec = readFileSync(new URL('../../../shared/domain/rules.md', import.meta.url), 'utf8');
    } catch {
      return; // the specification sits beside the repository in CI and on developer machines
    }
    const specIds = [...spec.matchAll(/^\| ([A-Z_]+) \| (error|warning|info) \|/gm)].map((m) => [m[1], m[2]]);
    expect(specIds.length).toBeGreaterThan(20);
    expect(RULES.map((r) => [r.id, r.severity])).toEqual(specIds);
  });
});
