/**
 * Header text as `fields.md` compares it: NFKC, no whitespace, no unit in brackets. Also the
 * lookup from a normalised header to its field, built once for the whole catalogue.
 */
import { FIELDS, PERSONAL_NUMBER_HEADERS, type FieldKey } from './catalogue.js';
import type { Cell } from '../values/parsed.js';

// After NFKC, full-width （）［］ are ASCII; 【】〔〕〈〉《》 have no compatibility form, so they are listed.
const OPEN = '([{【〔〈《';
const CLOSE = ')]}】〕〉》';
const UNITS = ['百万円', '千円', '万円', '円', '¥', '件', '回', '日', '人', '月', '年', '歳', '世帯', '枚', '通', '%'];
const UNIT_RE = new RegExp(`[${esc(OPEN)}](?:単位:?)?(?:${UNITS.map(esc).join('|')})[${esc(CLOSE)}]`, 'gu');
const THOUSAND_RE = new RegExp(`[${esc(OPEN)}](?:単位:?)?千円[${esc(CLOSE)}]`, 'u');

function esc(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** NFKC, all whitespace (U+3000 and line breaks too) removed, units in brackets (`(円)`, `【千円】`) removed. */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(UNIT_RE, '');
}

/** 1000 where the header says its amounts are in thousands of yen (`（千円）`, `[単位:千円]`), else 1. */
export function headerScale(text: string): 1 | 1000 {
  return THOUSAND_RE.test(text.normalize('NFKC').replace(/\s+/gu, '')) ? 1000 : 1;
}

/**
 * The text of a cell as a header. Headers are text; a number is kept as its digits so it can be
 * listed as unmatched, but a Date or a boolean is not a header.
 */
export function headerCellText(cell: Cell): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  return '';
}

export interface HeaderMatch {
  field: FieldKey;
  reason: 'label' | 'synonym';
}

// Built once at module load: the catalogue has no text shared by two fields, but should one be
// added, a label still beats a synonym and the first field in the catalogue keeps the text.
const LOOKUP: ReadonlyMap<string, HeaderMatch> = (() => {
  const m = new Map<string, HeaderMatch>();
  for (const d of FIELDS) m.set(normalizeHeader(d.label), { field: d.key, reason: 'label' });
  for (const d of FIELDS) {
    for (const s of d.synonyms) {
      const k = normalizeHeader(s);
      if (!m.has(k)) m.set(k, { field: d.key, reason: 'synonym' });
    }
  }
  return m;
})();

/** The field a normalised header names, by its label or one of its synonyms. */
export function matchHeader(normalized: string): HeaderMatch | undefined {
  return LOOKUP.get(normalized);
}

const PERSONAL = PERSONAL_NUMBER_HEADERS.map((h) => normalizeHeader(h));

/**
 * True where a normalised header mentions 個人番号 or マイナンバー anywhere (`個人番号(マイナンバー)`,
 * `マイナンバー有無`): containment rather than equality, since a false alarm costs one unmapped
 * column and a miss would read an Individual Number.
 */
export function isPersonalNumberHeader(normalized: string): boolean {
  return PERSONAL.some((p) => normalized.includes(p));
}
