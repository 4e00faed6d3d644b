import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseISODay } from '../../../domain/calendar/day.js';
import { generateSample } from '../../../server/sample/generate.js';
import { isOneJapaneseLine, runSaiken } from '../../fixtures/cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'saiken-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = (f: { row: number; rule: string }) => `${f.row}:${f.rule}`;

describe('saiken sample → saiken check --json', () => {
  const cases = [
    ['保育料', 11, 'xlsx', []],
    ['国民健康保険料', 12, 'xlsx', []],
    ['水道料金', 13, 'csv', ['--encoding', 'cp932']],
    ['市営住宅使用料', 14, 'csv', []],
  ] as const;
  for (const [claimType, seed, ext, extra] of cases) {
    it(`${claimType} (${ext}): the check finds exactly what was planted`, async () => {
      const out = join(dir, `${claimType}-${seed}.${ext}`);
      const args = ['--rows', '400', '--claim-type', claimType, '--seed', String(seed), '--as-of', '2025-03-31'];
      const made = await runSaiken(['sample', ...args, '--out', out, ...extra]);
      expect(made.code).toBe(0);
      expect(made.stdout).toBe('');
      expect(isOneJapaneseLine(made.stderr)).toBe(true);
      expect(made.stderr).toContain('400行');

      const checked = await runSaiken(['check', out, '--as-of', '2025-03-31', '--json']);
      expect(checked.code).toBe(1);
      const json = JSON.parse(checked.stdout);
      const sample = generateSample({ rows: 400, claimType, seed, asOf: parseISODay('2025-03-31')! });
      expect(json.findings.map(key).sort()).toEqual(sample.planted.map(key).sort());
      expect(json.headerRow).toBe(3);
    });
  }

  it('defaults --as-of to today in Japan', async () => {
    const out = join(dir, 'today.xlsx');
    expect(
      (await runSaiken(['sample', '--rows', '30', '--claim-type', '保育料', '--out', out], '2026-01-15')).code,
    ).toBe(0);
    const json = JSON.parse((await runSaiken(['check', out, '--json'], '2026-01-15')).stdout);
    const sample = generateSample({ rows: 30, claimType: '保育料', seed: 1, asOf: parseISODay('2026-01-15')! });
    expect(json.findings.map(key).sort()).toEqual(sample.planted.map(key).sort());
    expect(json.analysis.asOf).toBe('2026-01-15');
  });

  it('refuses bad options with one Japanese line and exit 2', async () => {
    for (const args of [
      ['--rows', '0', '--claim-type', '保育料', '--out', join(dir, 'x.xlsx')],
      ['--rows', '10', '--claim-type', '謎の債権', '--out', join(dir, 'x.xlsx')],
      ['--rows', '10', '--claim-type', '保育料', '--out', join(dir, 'x.pdf')],
      ['--rows', '10', '--claim-type', '保育料', '--out', join(dir, 'no', 'such', 'dir', 'x.xlsx')],
      ['--rows', '10', '--out', join(dir, 'x.xlsx')],
    ]) {
      const r = await runSaiken(['sample', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
    }
  });
});
