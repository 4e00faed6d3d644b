/**
 * The README's first check, run as a newcomer runs it: the `saiken` commands of its quick start, read
 * from README.md, in separate processes with the real clock, in an empty folder. What they print must
 * be what the README shows, and the check must find exactly what the sample planted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'saiken-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const quickStart = readme.slice(
  readme.indexOf('## Quick start\n'),
  readme.indexOf('\n## ', readme.indexOf('## Quick start\n')),
);
const blocks = (lang: string) =>
  [...quickStart.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]!);

/** `npm run -s saiken -- …` runs this script (package.json); the words after `--` are its arguments. */
const SAIKEN_PREFIX = 'npm run -s saiken -- ';
const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts.saiken!;

interface Run {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

function runSaiken(args: string[]): Promise<Run> {
  const [tool, entry] = script.split(' ');
  const child = spawn(join(root, 'node_modules', '.bin', tool!), [join(root, entry!), ...args], { cwd: dir });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ args, code, stdout, stderr }));
  });
}

/** The by-rule table's lines: `督促状の未発付 (DEMAND_MISSING)  エラー  20` → DEMAND_MISSING: 20. */
function countsByRule(summary: string): Record<string, number> {
  const rows = [...summary.matchAll(/^ {4}\S+ \(([A-Z_]+)\)\s+\S+\s+([\d,]+)$/gm)];
  return Object.fromEntries(rows.map((m) => [m[1]!, Number(m[2]!.replace(/,/g, ''))]));
}

describe("the README's quick start", () => {
  const commands = blocks('sh')
    .flatMap((b) => b.split('\n'))
    .filter((line) => line.startsWith(SAIKEN_PREFIX))
    .map((line) => line.slice(SAIKEN_PREFIX.length));
  let sample: Run;
  let check: Run;

  beforeAll(async () => {
    // Plain words only, so splitting on spaces is what a shell would do.
    for (const c of commands) expect(c).not.toMatch(/['"`$\\|<>;&#]/);
    const runs: Run[] = [];
    for (const c of commands) runs.push(await runSaiken(c.split(/\s+/)));
    [sample, check] = runs as [Run, Run];
  }, 120_000);

  it('keeps its two first commands, then makes a sample and checks it, both as of one day', () => {
    expect(blocks('sh')[0]).toMatch(/^npm install && npm start +#.*\nnpm test +#/);
    expect(commands.map((c) => c.split(' ')[0])).toEqual(['sample', 'check']);
    const asOf = (c: string) => /--as-of (\S+)/.exec(c)?.[1];
    expect(asOf(commands[0]!)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(asOf(commands[1]!)).toBe(asOf(commands[0]!));
  });

  it('runs as written: the sample is made, the check reports error findings (exit 1)', () => {
    expect([sample.code, sample.stdout], sample.stderr).toEqual([0, '']);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stderr).toBe('');
  });

  it('shows the summary the check prints', () => {
    const printed = /^■ 集計\n[\s\S]*?\n(?=\n)/m.exec(check.stdout)?.[0];
    expect(blocks('text')).toContain(printed);
  });

  it('finds exactly what the sample planted: no date is in the future but the planted ones', () => {
    const [, total, list] = /仕込んだ指摘 ([\d,]+)件（(.+)）/.exec(sample.stderr) ?? [];
    const planted = Object.fromEntries(
      list!.split('、').map((item) => {
        const [rule, n] = item.split(' ');
        return [rule!, Number(n)];
      }),
    );
    const found = countsByRule(check.stdout.slice(check.stdout.indexOf('■ 集計'), check.stdout.indexOf('■ 指摘')));
    expect(found).toEqual(planted);
    const sum = Object.values(found).reduce((a, b) => a + b, 0);
    expect(sum).toBe(Number(total!.replace(/,/g, '')));
    expect(check.stdout).toContain(`■ 指摘（${total}件）`);
  });
});
