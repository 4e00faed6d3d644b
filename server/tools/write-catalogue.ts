/** Writes docs/rules.md from the rule catalogue (`npm run catalogue`). */
import { writeFileSync } from 'node:fs';
import { renderCatalogueMarkdown } from '../../domain/rules/catalogue-doc.js';

const out = process.argv[2] ?? 'docs/rules.md';
writeFileSync(out, renderCatalogueMarkdown());
process.stderr.write(`${out} を書き出しました。\n`);
