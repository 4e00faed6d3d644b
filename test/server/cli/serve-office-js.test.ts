/**
 * `saiken serve --office-js cdn|self|URL` (or SAIKEN_OFFICE_JS): a source that cannot be used is one
 * Japanese line and exit 2, before anything starts; a good one is said at start and reported by
 * /healthz (with `self`, the package's version).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isOneJapaneseLine, runSaiken } from '../../fixtures/cli-harness.js';
import { makeTempDir } from '../helpers/service.js';

const root = resolve(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const dir = makeTempDir('saiken-serve-office-js-');
const version = (
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@microsoft/office-js/package.json'), 'utf8')) as {
    version: string;
  }
).version;

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** `saiken serve` in a child process until it has said where it listens; then its stderr and a stop. */
async function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(tsx, ['server/cli/main.ts', 'serve', '--port', '0', '--http', ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  children.add(child);
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const m = /(https?:\/\/\S+?) で起動しました[\s\S]*office\.js の読み込み元/.exec(err);
      if (m) {
        clearInterval(timer);
        done(m[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      fail(new Error(`serve exited (${code}): ${err}`));
    });
  });
  return {
    url,
    stderr: () => err,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

const health = async (url: string) => (await fetch(`${url}/healthz`)).json();

describe('saiken serve --office-js', () => {
  it('refuses a source it cannot use, in one Japanese line, before starting', async () => {
    const db = join(dir, 'refused.db');
    for (const [value, says] of [
      ['bogus', 'cdn、self'],
      ['http://mirror.city.lg.jp/office.js', 'https://'],
      ['https://mirror.city.lg.jp/office/', '…/office.js'],
    ] as const) {
      const r = await runSaiken(['serve', '--http', '--port', '0', '--db', db, '--office-js', value]);
      expect(r.code, value).toBe(2);
      expect(isOneJapaneseLine(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toContain('--office-js');
      expect(r.stderr).toContain(says);
    }
  });

  it('reads SAIKEN_OFFICE_JS when the option is not given', async () => {
    const saved = process.env.SAIKEN_OFFICE_JS;
    process.env.SAIKEN_OFFICE_JS = 'from-the-environment';
    try {
      const r = await runSaiken(['serve', '--http', '--port', '0', '--db', join(dir, 'env.db')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('from-the-environment');
    } finally {
      if (saved === undefined) delete process.env.SAIKEN_OFFICE_JS;
      else process.env.SAIKEN_OFFICE_JS = saved;
    }
  });

  it(
    'self (from SAIKEN_OFFICE_JS): says the version it serves, and /healthz reports it',
    { timeout: 60_000 },
    async () => {
      const served = await serve(['--db', join(dir, 'self.db')], { SAIKEN_OFFICE_JS: 'self' });
      try {
        expect(served.stderr()).toContain(`office.js の読み込み元: このサービス（@microsoft/office-js ${version}`);
        expect(await health(served.url)).toEqual({ ok: true, officeJs: { source: 'self', version } });
      } finally {
        expect(await served.stop()).toBe(0);
      }
    },
  );

  it('a mirror’s URL, and cdn by default', { timeout: 60_000 }, async () => {
    const mirror = 'https://mirror.city.lg.jp/office/1/office.js';
    const [withMirror, byDefault] = await Promise.all([
      serve(['--db', join(dir, 'mirror.db'), '--office-js', mirror]),
      serve(['--db', join(dir, 'default.db')], { SAIKEN_OFFICE_JS: '' }),
    ]);
    try {
      expect(withMirror.stderr()).toContain(`office.js の読み込み元: 社内ミラー ${mirror}`);
      expect(await health(withMirror.url)).toEqual({ ok: true, officeJs: { source: 'url' } });
      expect(byDefault.stderr()).toContain('office.js の読み込み元: Microsoft の CDN');
      expect(await health(byDefault.url)).toEqual({ ok: true, officeJs: { source: 'cdn' } });
    } finally {
      await Promise.all([withMirror.stop(), byDefault.stop()]);
    }
  });
});
