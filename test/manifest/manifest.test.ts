/** manifest.xml against Microsoft's schemas (offline, xmllint-wasm), and the icons it points at. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import officeAddinManifest from 'office-addin-manifest';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { DEFAULT_ORIGIN, renderManifest } from '../../domain/addin-manifest.js';
import { ASSETS_DIR, drawIcon, ICON_SIZES } from './make-icons.js';
import { encodePng, readPng } from './png.js';

const ROOT = join(import.meta.dirname, '..', '..');
const XSD_DIR = join(import.meta.dirname, 'xsd');
const MANIFEST = join(ROOT, 'manifest.xml');
const manifest = readFileSync(MANIFEST, 'utf8');

async function validate(xml: string): Promise<{ valid: boolean; errors: readonly string[] }> {
  const xsds = readdirSync(XSD_DIR)
    .filter((f) => f.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: readFileSync(join(XSD_DIR, fileName), 'utf8') }));
  const main = xsds.find((x) => x.fileName === 'OfficeAppManifestV1_1.xsd');
  if (!main) throw new Error('OfficeAppManifestV1_1.xsd is missing');
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [main],
    preload: xsds.filter((x) => x !== main),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schemas', async () => {
    const result = await validate(manifest);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('fails validation when broken (the validator is live)', async () => {
    const broken = manifest.replace(
      '<Permissions>ReadWriteDocument</Permissions>',
      '<Permissions>Everything</Permissions>',
    );
    expect((await validate(broken)).valid).toBe(false);
  });

  it('reads as a task pane add-in for Excel workbooks (office-addin-manifest)', async () => {
    const info = await officeAddinManifest.OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(info).toMatchObject({
      officeAppType: 'TaskPaneApp',
      defaultLocale: 'ja-JP',
      displayName: '債権チェック',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      version: '1.0.0.0',
      defaultSettings: { sourceLocation: `${DEFAULT_ORIGIN}/addin/taskpane.html` },
    });
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('puts every URL on the service origin', () => {
    const body = manifest.replace(/<!--[\s\S]*?-->/g, '');
    const urls = [...body.matchAll(/Value="(https?:[^"]*)"|<AppDomain>([^<]*)</g)].map((m) => m[1] ?? m[2] ?? '');
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(`${DEFAULT_ORIGIN}/`) || u === DEFAULT_ORIGIN, u).toBe(true);
  });
});

describe('icons', () => {
  it.each(ICON_SIZES)('icon-%i.png is a valid RGBA PNG of that size', (size) => {
    const file = readFileSync(join(ASSETS_DIR, `icon-${size}.png`));
    expect(readPng(file)).toEqual({ width: size, height: size, bitDepth: 8, colorType: 6, intact: true });
    expect(manifest).toContain(`${DEFAULT_ORIGIN}/addin/assets/icon-${size}.png`);
  });

  it('are what make-icons.ts draws (regenerate and commit after changing the glyph)', () => {
    for (const size of ICON_SIZES) {
      expect(readFileSync(join(ASSETS_DIR, `icon-${size}.png`)).equals(encodePng(size, size, drawIcon(size)))).toBe(
        true,
      );
    }
  });

  it('reader rejects what is not a PNG', () => {
    expect(() => readPng(Buffer.from('GIF89a....................'))).toThrow(/signature/);
    const file = Buffer.from(readFileSync(join(ASSETS_DIR, 'icon-16.png')));
    file[40] = (file[40] ?? 0) ^ 0xff; // damage the image data
    expect(readPng(file).intact).toBe(false);
  });
});

describe('renderManifest', () => {
  it('moves every URL to the service origin and stays valid', async () => {
    const out = renderManifest(manifest, 'https://saiken.city.example.jp:9443');
    expect(out).not.toContain(DEFAULT_ORIGIN);
    expect(out).toContain('<SourceLocation DefaultValue="https://saiken.city.example.jp:9443/addin/taskpane.html"/>');
    expect(out).toContain('<AppDomain>https://saiken.city.example.jp:9443</AppDomain>');
    expect((await validate(out)).valid).toBe(true);
    expect(renderManifest(manifest, DEFAULT_ORIGIN)).toBe(manifest);
    expect(renderManifest(manifest, 'https://a.example/')).toContain('https://a.example/addin/taskpane.html');
  });

  it('refuses what is not an HTTPS origin', () => {
    expect(() => renderManifest(manifest, 'http://a.example')).toThrow(/https/);
    expect(() => renderManifest(manifest, 'https://a.example/app')).toThrow(/path/);
    expect(() => renderManifest(manifest, 'not a url')).toThrow(/origin/);
  });
});
