// @vitest-environment jsdom
/** What the manifest says, read with a real XML parser: ribbon button, locales, requirements, icons. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGIN } from '../../domain/addin-manifest.js';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const doc = new DOMParser().parseFromString(
  readFileSync(join(import.meta.dirname, '..', '..', 'manifest.xml'), 'utf8'),
  'application/xml',
);

const all = (ns: string, tag: string, root: Element | Document = doc): Element[] => [
  ...root.getElementsByTagNameNS(ns, tag),
];
const one = (ns: string, tag: string, root: Element | Document = doc): Element => {
  const found = all(ns, tag, root);
  if (found.length !== 1) throw new Error(`${found.length} <${tag}> where one was expected`);
  return found[0] as Element;
};
const child = (parent: Element, tag: string): Element | undefined =>
  [...parent.children].find((c) => c.localName === tag);
const xsiType = (e: Element): string | null => e.getAttributeNS(NS.xsi, 'type');

/** A resource string: its default value and its overrides by locale. */
function resource(kind: 'ShortStrings' | 'LongStrings' | 'Urls' | 'Images', id: string): Record<string, string> {
  const list = one(NS.bt, kind);
  const item = [...list.children].find((e) => e.getAttribute('id') === id);
  if (!item) throw new Error(`no ${kind} resource ${id}`);
  const out: Record<string, string> = { default: item.getAttribute('DefaultValue') ?? '' };
  for (const o of all(NS.bt, 'Override', item)) out[o.getAttribute('Locale') ?? ''] = o.getAttribute('Value') ?? '';
  return out;
}

describe('manifest structure', () => {
  it('parses as XML', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
    expect(xsiType(doc.documentElement)).toBe('TaskPaneApp');
  });

  it('is Japanese by default with an English override', () => {
    expect(one(NS.app, 'DefaultLocale').textContent).toBe('ja-JP');
    for (const [tag, ja] of [
      ['DisplayName', '債権チェック'],
      ['Description', '債権管理台帳'],
    ] as const) {
      const e = one(NS.app, tag);
      expect(e.getAttribute('DefaultValue')).toContain(ja);
      const en = all(NS.app, 'Override', e).find((o) => o.getAttribute('Locale') === 'en-US');
      expect(en?.getAttribute('Value')).toBeTruthy();
    }
    expect(all(NS.app, 'Override', one(NS.app, 'DisplayName'))[0]?.getAttribute('Value')).toBe('saiken ledger check');
  });

  it('asks for ReadWriteDocument and ExcelApi 1.9 in Excel workbooks', () => {
    expect(one(NS.app, 'Permissions').textContent).toBe('ReadWriteDocument');
    const sets = one(NS.app, 'Sets');
    expect(sets.getAttribute('DefaultMinVersion')).toBe('1.1');
    const set = one(NS.app, 'Set', sets);
    expect([set.getAttribute('Name'), set.getAttribute('MinVersion')]).toEqual(['ExcelApi', '1.9']);
    const host = all(NS.app, 'Host', one(NS.app, 'Hosts'))[0];
    expect(host?.getAttribute('Name')).toBe('Workbook');
  });

  it('puts a 債権チェック button on the Home tab that opens the task pane', () => {
    const tab = one(NS.ov, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const button = one(NS.ov, 'Control', tab);
    expect(xsiType(button)).toBe('Button');
    const label = child(button, 'Label')?.getAttribute('resid') ?? '';
    expect(resource('ShortStrings', label)).toMatchObject({ default: '債権チェック', 'en-US': 'Ledger check' });
    const action = one(NS.ov, 'Action', button);
    expect(xsiType(action)).toBe('ShowTaskpane');
    const url = child(action, 'SourceLocation')?.getAttribute('resid') ?? '';
    expect(resource('Urls', url).default).toBe(`${DEFAULT_ORIGIN}/addin/taskpane.html`);
    const tip = child(button, 'Supertip');
    const tipText = child(tip as Element, 'Description')?.getAttribute('resid') ?? '';
    expect(resource('LongStrings', tipText)['en-US']).toBeTruthy();
  });

  it('gives the button and the group 16, 32 and 80 px icons from addin/public/assets', () => {
    for (const icon of all(NS.ov, 'Icon')) {
      const images = all(NS.bt, 'Image', icon).map((i) => [i.getAttribute('size'), i.getAttribute('resid')]);
      expect(images.map(([size]) => size)).toEqual(['16', '32', '80']);
      for (const [size, resid] of images) {
        expect(resource('Images', resid ?? '').default).toBe(`${DEFAULT_ORIGIN}/addin/assets/icon-${size}.png`);
      }
    }
    expect(all(NS.ov, 'Icon')).toHaveLength(2);
  });
});
