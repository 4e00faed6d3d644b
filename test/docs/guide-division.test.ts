/**
 * The division staff's guide cannot drift from the pane: every text it quotes in 「」 is one the
 * pane shows (its message catalogue, or the boot guard's page when the pane cannot start), and every
 * screenshot and page it links to is there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ja } from '../../addin/i18n/ja.js';

const DOCS = new URL('../../docs/', import.meta.url);
const GUIDE = readFileSync(new URL('guide-division.md', DOCS), 'utf8');
const IMAGES = new URL('images/guide/', DOCS);
/** Screenshots stay small enough for a repository and a slow network share. */
const MAX_IMAGE_BYTES = 80 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The boot guard's Japanese texts: the string literals of its `ja` table. */
function guardTexts(): string[] {
  const source = readFileSync(new URL('../../addin/public/boot/guard.js', import.meta.url), 'utf8');
  const table = /\bja: \{([\s\S]*?)\n {4}\},/.exec(source)?.[1] ?? '';
  return [...table.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!);
}

const PANE_TEXTS: readonly string[] = [...Object.values(ja), ...guardTexts()];

/** A pane text as a pattern: each `{placeholder}` stands for whatever the pane fills in. */
function patternOf(text: string): RegExp {
  const parts = text.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+?')}$`, 's');
}

/** Whether the pane shows this quote: whole, or its beginning when the guide cuts it short with 「…」. */
function isPaneText(quote: string): boolean {
  if (PANE_TEXTS.some((t) => patternOf(t).test(quote))) return true;
  const start = quote.endsWith('…') ? quote.slice(0, -1) : null;
  return start !== null && start !== '' && PANE_TEXTS.some((t) => t.startsWith(start));
}

/** Every 「…」 of a text, nested ones too (a message may quote a button); 「」 alone names the notation. */
function quotesOf(text: string): string[] {
  const quotes: string[] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '「') open.push(i);
    else if (text[i] === '」') {
      const from = open.pop();
      if (from !== undefined && i > from + 1) quotes.push(text.slice(from + 1, i));
    }
  }
  return quotes;
}

const images = [...GUIDE.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)].map((m) => ({ alt: m[1]!, path: m[2]! }));

describe('docs/guide-division.md', () => {
  it('quotes in 「」 only texts the pane shows, buttons and tabs among them', () => {
    const quotes = [...new Set(quotesOf(GUIDE))];
    expect(quotes.length).toBeGreaterThan(30);
    for (const name of ['チェック', '送信', '延滞金の計算', '確定', '再送信', '表示を消す'])
      expect(quotes).toContain(name);
    expect(quotes.filter((q) => !isPaneText(q))).toEqual([]);
  });

  it('knows a text the pane does not show when it sees one', () => {
    expect(isPaneText('送信する')).toBe(false);
    expect(isPaneText('チェックする')).toBe(false);
    expect(isPaneText('送信待ち')).toBe(false); // the pane says 「送信待ち 1 件」
    expect(isPaneText('送信待ち 1 件')).toBe(true);
    expect(isPaneText('見出し行が見つかりません。…')).toBe(true);
    expect(isPaneText('見出し行が見つかりませんでした。…')).toBe(false);
    expect(quotesOf('「a「b」c」と「d」、「」')).toEqual(['b', 'a「b」c', 'd']);
  });

  it('shows screenshots that are there: PNG, small, each described, each in the guide', () => {
    expect(images.length).toBeGreaterThan(5);
    for (const { alt, path } of images) {
      expect(path, path).toMatch(/^images\/guide\/[a-z0-9-]+\.png$/);
      const file = new URL(path, DOCS);
      expect(existsSync(file), path).toBe(true);
      expect(readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE), path).toBe(true);
      expect(statSync(file).size, path).toBeLessThanOrEqual(MAX_IMAGE_BYTES);
      expect(alt.trim(), path).not.toBe('');
    }
    const used = new Set(images.map((i) => i.path.slice('images/guide/'.length)));
    expect(readdirSync(IMAGES).filter((f) => !used.has(f))).toEqual([]);
  });

  it('links to pages that are there, and to headings of its own that are there', () => {
    const links = [...GUIDE.matchAll(/(?<!!)\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    const anchors = new Set(
      [...GUIDE.matchAll(/^#{2,3} (.+)$/gm)].map((m) =>
        m[1]!
          .trim()
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\s_-]/gu, '')
          .replace(/\s/g, '-'),
      ),
    );
    for (const link of links) {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      if (path === '') expect(anchors, link).toContain(anchor);
      else expect(existsSync(new URL(path, DOCS)), link).toBe(true);
    }
  });
});
