/**
 * How to start a worker thread on a module beside the caller: the built `.js` when running from
 * dist/, else — run from TypeScript (tsx, vitest) — a small script that registers tsx in the thread
 * first (a thread does not inherit the loader hooks) and then imports the `.ts`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/** `callerUrl` is the caller's `import.meta.url`; `name` the worker module's name without extension. */
export function workerSource(callerUrl: string, name: string): [string | URL, WorkerOptions] {
  if (!callerUrl.endsWith('.ts')) return [new URL(`./${name}.js`, callerUrl), {}];
  const pkg = createRequire(callerUrl).resolve('tsx/package.json');
  const exports = (
    JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  ).exports;
  const api = pathToFileURL(join(dirname(pkg), exports['./esm/api']!.import.default)).href;
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return [code, { eval: true }];
}
