/**
 * The small parts of an .xlsx the reader needs before the sheet: the workbook (its sheets, in tab
 * order, and the 1904 date system), the workbook's relationships (where each part is) and the styles
 * (which cell formats show a number as a date). Each is a few kilobytes: tags are found by pattern.
 */
import { isDateFormat } from './cell-value.js';
import { decodeXmlEntities } from './xml-text.js';

export interface SheetEntry {
  name: string;
  /** visible, hidden or veryHidden; absent means visible. */
  state?: string;
  /** The part that holds the sheet, such as `xl/worksheets/sheet1.xml`; undefined when not found. */
  part?: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStringsPart: string;
  stylesPart: string;
}

const ATTRS = String.raw`((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*/?>`;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Each `<name …>` (with any namespace prefix) as its attributes, prefixes of attribute names kept. */
export function elements(xml: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(String.raw`<(?:[\w.-]+:)?${name}${ATTRS}`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(ATTR)) attrs[a[1]!] = decodeXmlEntities(a[2] ?? a[3] ?? '');
    found.push(attrs);
  }
  return found;
}

/** An attribute whatever its prefix (`r:id` is written with other prefixes by some tools). */
function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  const key = Object.keys(attrs).find((k) => k.endsWith(`:${local}`));
  return key === undefined ? undefined : attrs[key];
}

const REL_TYPE = /\/(worksheet|sharedStrings|styles)$/;

/** A relationship's target as a part name: relative to `xl/`, or absolute from the package root. */
function partName(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Reads `xl/workbook.xml` and `xl/_rels/workbook.xml.rels`. */
export function parseWorkbook(workbookXml: string, relsXml: string | undefined): WorkbookInfo {
  const targets = new Map<string, { type: string; part: string }>();
  for (const rel of elements(relsXml ?? '', 'Relationship')) {
    if (rel.Id === undefined || rel.Target === undefined) continue;
    targets.set(rel.Id, { type: REL_TYPE.exec(rel.Type ?? '')?.[1] ?? '', part: partName(rel.Target) });
  }
  const byType = (type: string) => [...targets.values()].find((t) => t.type === type)?.part;
  const sheets = elements(workbookXml, 'sheet').map((s): SheetEntry => {
    const rel = targets.get(attr(s, 'id') ?? '');
    return { name: s.name ?? '', state: s.state, part: rel?.type === 'worksheet' ? rel.part : undefined };
  });
  const pr = elements(workbookXml, 'workbookPr')[0];
  return {
    sheets,
    date1904: pr?.date1904 === '1' || pr?.date1904 === 'true',
    sharedStringsPart: byType('sharedStrings') ?? 'xl/sharedStrings.xml',
    stylesPart: byType('styles') ?? 'xl/styles.xml',
  };
}

/**
 * Built-in formats that show a date or a time. Excel's ids 27–36 and 50–58 are dates too, in a
 * Japanese locale only: they read as serial numbers, which the date fields read as dates.
 */
const BUILT_IN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * For each cell format (`s` of a cell, an index into <cellXfs>): whether it shows a number as a date.
 * A custom <numFmt> overrides a built-in of the same id.
 */
export function parseDateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const f of elements(stylesXml, 'numFmt')) {
    if (f.formatCode) custom.set(parseInt(f.numFmtId ?? '', 10), f.formatCode);
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  return elements(xfs, 'xf').map((xf) => {
    const id = parseInt(xf.numFmtId ?? '', 10);
    if (!id) return false;
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_IDS.has(id);
  });
}
