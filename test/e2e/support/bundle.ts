/**
 * Builds for the browser test: the add-in with the project's vite.config.ts (into a directory of the
 * test's own, so dist/addin is never rebuilt under a running service), and the Excel host stand-in
 * as one classic script for page.addInitScript.
 */
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function buildAddin(outDir: string): Promise<void> {
  await build({
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

export async function bundleStandin(): Promise<string> {
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      sourcemap: false,
      emptyOutDir: false,
      lib: {
        entry: fileURLToPath(new URL('./standin-entry.ts', import.meta.url)),
        formats: ['iife'],
        name: '__saikenStandinBundle',
        fileName: 'standin',
      },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the stand-in bundle is empty');
  return chunk.code;
}
