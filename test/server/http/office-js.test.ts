/**
 * `--office-js cdn|self|URL`: what is accepted, the office.js block written into taskpane.html for
 * each source, and the pane's CSP allowing exactly that source. The block as built (addin/taskpane.html)
 * is the `cdn` rendering, so a pane not rewritten by the service loads the default.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CDN_OFFICE_JS,
  LEGACY_OFFICE_JS,
  officeJsHealth,
  officeJsTags,
  parseOfficeJsChoice,
  renderTaskpane,
  type OfficeJsSource,
} from '../../../server/http/office-js.js';
import { PANE_CSP, paneCsp } from '../../../server/http/security.js';

const SOURCE_PANE = readFileSync(fileURLToPath(new URL('../../../addin/taskpane.html', import.meta.url)), 'utf8');
const SELF: OfficeJsSource = { kind: 'self', version: '1.1.110', dist: '/nowhere' };
const MIRROR: OfficeJsSource = { kind: 'url', url: 'https://mirror.city.lg.jp:8443/office/1/office.js' };

const directive = (csp: string, name: string) =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))!
    .split(' ')
    .slice(1);
const collapse = (html: string) => html.replace(/\s+/g, ' ').replace(/ >/g, '>').trim();

describe('parseOfficeJsChoice', () => {
  it('takes cdn, self and an https URL ending in /office.js', () => {
    expect(parseOfficeJsChoice('cdn')).toEqual({ kind: 'cdn' });
    expect(parseOfficeJsChoice(' self ')).toEqual({ kind: 'self' });
    expect(parseOfficeJsChoice('https://mirror.city.lg.jp/office/1/office.js')).toEqual({
      kind: 'url',
      url: 'https://mirror.city.lg.jp/office/1/office.js',
    });
    expect(parseOfficeJsChoice('http://127.0.0.1:9000/office.js')).toEqual({
      kind: 'url',
      url: 'http://127.0.0.1:9000/office.js',
    });
  });

  it('refuses anything else with a Japanese sentence naming the option', () => {
    for (const [raw, says] of [
      ['CDN-please', 'cdn、self'],
      ['', 'cdn、self'],
      ['http://mirror.city.lg.jp/office.js', 'https://'],
      ['ftp://mirror.city.lg.jp/office.js', 'https://'],
      ['javascript:alert(1)//office.js', 'https://'],
      ['https://mirror.city.lg.jp/office/1/', '…/office.js'],
      ['https://mirror.city.lg.jp/office.debug.js', '…/office.js'],
      ['https://mirror.city.lg.jp/office.js?v=1', '…/office.js'],
      ['https://user:pw@mirror.city.lg.jp/office.js', '…/office.js'],
    ] as const) {
      expect(() => parseOfficeJsChoice(raw), raw).toThrow(says);
      expect(() => parseOfficeJsChoice(raw), raw).toThrow(/--office-js/);
    }
  });
});

describe('the office.js block of taskpane.html', () => {
  it('as built is the cdn rendering (the pane loads the default when not rewritten)', () => {
    const block = /<!-- office\.js -->([\s\S]*?)<!-- \/office\.js -->/.exec(SOURCE_PANE)![1]!;
    // Vite writes the public guard's URL under the base, /addin/.
    expect(collapse(block.replaceAll('src="/boot/', 'src="/addin/boot/'))).toBe(
      collapse(officeJsTags({ kind: 'cdn' })),
    );
    // The guard watches office.js load, the fallback follows it, and all come before the bundle.
    const order = ['src="/boot/guard.js"', 'data-office-js', 'src="/boot/fallback.js"', 'src="./main.tsx"'].map((s) =>
      SOURCE_PANE.indexOf(s),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('cdn: Microsoft’s current host, the legacy host as fallback', () => {
    const html = renderTaskpane(SOURCE_PANE, { kind: 'cdn' });
    expect(html).toContain(`<script src="/addin/boot/guard.js" data-source="cdn"></script>`);
    expect(html).toContain(`<script src="${CDN_OFFICE_JS}" data-office-js></script>`);
    expect(html).toContain(`<script src="/addin/boot/fallback.js" data-fallback="${LEGACY_OFFICE_JS}"></script>`);
    expect(html).toContain('<script type="module" src="./main.tsx"></script>');
  });

  it('self: the package’s office.js under this origin, versioned, and no outside URL at all', () => {
    const html = renderTaskpane(SOURCE_PANE, SELF);
    expect(html).toContain('<script src="/addin/office-js/1.1.110/office.js" data-office-js></script>');
    expect(html).toContain('<script src="/addin/boot/guard.js" data-source="self"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toContain('fallback.js');
  });

  it('URL: the mirror, no fallback to the internet', () => {
    const html = renderTaskpane(SOURCE_PANE, MIRROR);
    expect(html).toContain(`<script src="${MIRROR.url}" data-office-js></script>`);
    expect(html).toContain('<script src="/addin/boot/guard.js" data-source="url"></script>');
    expect(html).not.toContain('microsoft');
    expect(html).not.toContain('fallback.js');
  });

  it('escapes a URL into the attribute', () => {
    const tags = officeJsTags({ kind: 'url', url: 'https://m.example/a"b<c>/office.js' });
    expect(tags).toContain('src="https://m.example/a&quot;b&lt;c&gt;/office.js"');
  });

  it('refuses a page without the block (an old build): serving it as is would load office.js from elsewhere', () => {
    expect(() => renderTaskpane('<!doctype html><script src="x.js"></script>', SELF)).toThrow(/npm run build/);
  });
});

describe('the pane’s CSP allows exactly the chosen source', () => {
  it('cdn: both Microsoft hosts (the fallback too)', () => {
    const csp = paneCsp({ kind: 'cdn' });
    expect(csp).toBe(PANE_CSP);
    const hosts = ['https://appsforoffice.microsoft.com', 'https://officeapis.public.onecdn.static.microsoft'];
    expect(directive(csp, 'script-src')).toEqual(["'self'", ...hosts]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'", ...hosts]);
  });

  it('self: nothing but this origin', () => {
    const csp = paneCsp(SELF);
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'"]);
    expect(directive(csp, 'default-src')).toEqual(["'self'"]);
  });

  it('URL: this origin and the mirror’s', () => {
    const csp = paneCsp(MIRROR);
    expect(directive(csp, 'script-src')).toEqual(["'self'", 'https://mirror.city.lg.jp:8443']);
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://mirror.city.lg.jp:8443']);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });
});

describe('officeJsHealth', () => {
  it('names the source, and the version only when this service serves it', () => {
    expect(officeJsHealth({ kind: 'cdn' })).toEqual({ source: 'cdn' });
    expect(officeJsHealth(SELF)).toEqual({ source: 'self', version: '1.1.110' });
    expect(officeJsHealth(MIRROR)).toEqual({ source: 'url' });
  });
});
