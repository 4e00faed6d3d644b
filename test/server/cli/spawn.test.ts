/** The real command line, as a clerk runs it: a separate process, real exit status and streams. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../server/sample/write-xlsx.js';
import { isOneJapaneseLine } from '../../fixtures/cli-harness.js';
import { AS_OF, EXPECTED, GRID, MERGES } from '../../fixtures/golden-ledger.js';

const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'saiken-spawn-'));
const xlsx = join(dir, 'golden.xlsx');

beforeAll(() => writeXlsx(xlsx, GRID, { merges: MERGES }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const saiken = (...args: string[]) =>
  spawnSync(tsx, ['server/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('tsx server/cli/main.ts', () => {
  it('check --json: one JSON object on stdout, exit 1', () => {
    const r = saiken('check', xlsx, '--as-of', AS_OF, '--claim-type', '保育料', '--json');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.findings.map(({ row, rule, column }: (typeof EXPECTED)[number]) => ({ row, rule, column }))).toEqual(
      EXPECTED,
    );
  });

  it('a missing file: exit 2, one Japanese line, no stack trace', () => {
    const r = saiken('check', join(dir, 'missing.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
  });
});
