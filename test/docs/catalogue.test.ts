import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCatalogueMarkdown } from '../../domain/rules/catalogue-doc.js';
import { RULES } from '../../domain/rules/catalogue.js';
import { RULE_IDS } from '../../domain/rules/rule.js';

/** The rule specification the catalogue implements (docs/spec/domain/rules.md, in the repository). */
const SPEC_RULES_MD = new URL('../../docs/spec/domain/rules.md', import.meta.url);
/** Rules the specification defines beside the feature they check ("rule `ID`, severity"), after rules.md's. */
const SPEC_FEATURE_MDS = [new URL('../../docs/spec/domain/late-charge.md', import.meta.url)];

describe('docs/rule-catalogue.md', () => {
  it('is the catalogue generated from the code (run `npm run catalogue` after changing a rule)', () => {
    const committed = readFileSync(new URL('../../docs/rule-catalogue.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderCatalogueMarkdown());
  });

  it('heads every rule once with its title and id, in the catalogue order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    const doc = renderCatalogueMarkdown();
    const headings = [...doc.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(RULES.map((r) => `${r.title.ja} (${r.id})`));
    for (const r of RULES) expect(doc).toContain(`### ${r.title.ja} (${r.id})\n\n- Title: ${r.title.en}\n`);
  });

  it('has the rule ids and severities of the specification (rules.md, then late-charge.md), in its order', () => {
    const spec = readFileSync(SPEC_RULES_MD, 'utf8');
    const specIds = [...spec.matchAll(/^\| ([A-Z_]+) \| (error|warning|info) \|/gm)].map((m) => [m[1], m[2]]);
    expect(specIds.length).toBeGreaterThan(20);
    for (const md of SPEC_FEATURE_MDS) {
      const found = [...readFileSync(md, 'utf8').matchAll(/rule `([A-Z_]+)`, (error|warning|info)\b/g)];
      expect(found.length, md.pathname).toBeGreaterThan(0);
      specIds.push(...found.map((m) => [m[1], m[2]]));
    }
    expect(RULES.map((r) => [r.id, r.severity])).toEqual(specIds);
  });
});
