/**
 * The boot scripts (addin/public/boot/) are copied into the build as they are, for webviews that
 * cannot run the bundle: Internet Explorer 11 must be able to parse them, or it could not even say
 * that it is not supported. Parsed as ES5 scripts (no trailing commas in calls, no let, no arrows…).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const BOOT = fileURLToPath(new URL('../../../addin/public/boot/', import.meta.url));
const scripts = readdirSync(BOOT).filter((f) => f.endsWith('.js'));

describe('the boot scripts', () => {
  it('are there', () => {
    expect(scripts.sort()).toEqual(['fallback.js', 'guard.js']);
  });

  it.each(scripts)('%s parses as an ES5 script', (file) => {
    const problems = new Linter().verify(readFileSync(`${BOOT}${file}`, 'utf8'), {
      languageOptions: { ecmaVersion: 5, sourceType: 'script' },
    });
    expect(problems.filter((p) => p.fatal).map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([]);
  });

  it('would catch what ES5 cannot parse', () => {
    for (const code of ['f(a, b,);', 'let a = 1;', 'var f = () => 1;', 'var s = `x`;', 'try {} catch {}']) {
      const problems = new Linter().verify(code, { languageOptions: { ecmaVersion: 5, sourceType: 'script' } });
      expect(
        problems.some((p) => p.fatal),
        code,
      ).toBe(true);
    }
  });
});
