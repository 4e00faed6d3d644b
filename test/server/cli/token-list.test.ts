/** `saiken token list` is TSV a spreadsheet may open: a label never becomes a formula there. */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { runSaiken } from '../../fixtures/cli-harness.js';
import { makeTempDir } from '../helpers/service.js';

const dir = makeTempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('escapes a label that starts like a formula', async () => {
  const db = join(dir, 'saiken.db');
  const made = await runSaiken(['token', 'create', '--db', db, '--role', 'finance', '--label', '=HYPERLINK("x")']);
  expect(made.code, made.stderr).toBe(0);
  const list = await runSaiken(['token', 'list', '--db', db]);
  expect(list.code).toBe(0);
  const line = list.stdout.split('\n')[1]!;
  expect(line).toContain(`"'=HYPERLINK(""x"")"`);
  expect(line.split('\t').some((f) => /^[=+\-@]/.test(f))).toBe(false);
});
