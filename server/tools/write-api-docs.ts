/** Writes docs/api.md from the route table (`npm run api-docs`), formatted as prettier formats the repository. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { renderApiMarkdown } from '../../domain/api/doc.js';

/** docs/api.md as committed: rendered, then formatted with the repository's prettier settings. */
export async function formattedApiDocs(file = 'docs/api.md'): Promise<string> {
  const config = (await resolveConfig(resolve(file))) ?? {};
  return format(renderApiMarkdown(), { ...config, filepath: resolve(file) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = process.argv[2] ?? 'docs/api.md';
  writeFileSync(out, await formattedApiDocs(out));
  process.stderr.write(`${out} を書き出しました。\n`);
}
