/** Writes docs/rule-catalogue.md, the clerks' catalogue of the rules, from the code (`npm run catalogue`). */
import { writeFileSync } from 'node:fs';
import { renderCatalogueMarkdown } from '../../domain/rules/catalogue-doc.js';

const out = process.argv[2] ?? 'docs/rule-catalogue.md';
writeFileSync(out, renderCatalogueMarkdown());
process.stderr.write(`${out} を書き出しました。\n`);
