/**
 * Document state in custom XML parts, which travel with the workbook and hold megabytes (row hashes),
 * where document settings are meant for small values. One namespace per key; a value is split over
 * parts of ≤ 1 MB so that no request or response nears the 5 MB limit. A save writes a new generation
 * before deleting the old one, so an interrupted save leaves the previous value readable.
 */
import { jsonBytes } from './payload.js';

const STATE_NAMESPACE = 'urn:saiken:state:1';
/** Wire size of one part; three per request keep a request near 3 MB. */
const PART_BYTES = 1_000_000;
const PARTS_PER_REQUEST = 3;

export function namespaceFor(key: string): string {
  return `${STATE_NAMESPACE}:${encodeURIComponent(key)}`;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g, (_, dec, hex, name) =>
    name ? (ENTITIES[name as string] ?? '') : String.fromCodePoint(dec ? Number(dec) : parseInt(hex as string, 16)),
  );
}

/** JSON-quoting escapes control characters and lone surrogates, which XML 1.0 forbids even in CDATA. */
const pieceText = (piece: string): string => escapeXml(JSON.stringify(piece));

/** Splits a value into pieces whose part stays ≤ PART_BYTES on the wire (a split pair of surrogates rejoins). */
function split(value: string): string[] {
  const pieces: string[] = [];
  let pos = 0;
  let n = PART_BYTES / 2;
  do {
    let piece = value.slice(pos, pos + n);
    let bytes = jsonBytes(pieceText(piece));
    while (bytes > PART_BYTES - 200 && piece.length > 1) {
      piece = piece.slice(0, Math.max(1, Math.floor((piece.length * (PART_BYTES - 200)) / bytes) - 1));
      bytes = jsonBytes(pieceText(piece));
    }
    pieces.push(piece);
    pos += piece.length;
    n = Math.max(piece.length, 1);
  } while (pos < value.length);
  return pieces;
}

function newGeneration(): string {
  return Date.now().toString(36).padStart(9, '0') + Math.random().toString(36).slice(2, 6).padEnd(4, '0');
}

/** The XML documents of one saved value. */
export function encodeState(key: string, value: string, gen = newGeneration()): string[] {
  const ns = namespaceFor(key);
  const pieces = split(value);
  return pieces.map(
    (p, i) => `<state xmlns="${ns}" gen="${gen}" part="${i}" of="${pieces.length}">${pieceText(p)}</state>`,
  );
}

interface Generation {
  of: number;
  pieces: Map<number, string>;
}

/** The value of the newest complete generation among these parts' XML; null when there is none. */
export function decodeState(xmls: readonly string[]): string | null {
  const gens = new Map<string, Generation>();
  for (const xml of xmls) {
    const m = /<(?:[\w.-]+:)?state\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?state\s*>/.exec(xml);
    if (!m) continue;
    const attrs = new Map<string, string>();
    for (const a of (m[1] ?? '').matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs.set(a[1] ?? '', unescapeXml(a[2] ?? a[3] ?? ''));
    }
    const gen = attrs.get('gen') ?? '';
    const part = Number(attrs.get('part'));
    const of = Number(attrs.get('of'));
    let piece: unknown;
    try {
      piece = JSON.parse(unescapeXml(m[2] ?? ''));
    } catch {
      continue; // not ours, or damaged: the generation stays incomplete
    }
    if (typeof piece !== 'string' || !Number.isInteger(part) || !Number.isInteger(of)) continue;
    const g = gens.get(gen) ?? { of, pieces: new Map<number, string>() };
    g.pieces.set(part, piece);
    gens.set(gen, g);
  }
  const complete = [...gens.entries()].filter(([, g]) => g.of > 0 && g.pieces.size === g.of);
  complete.sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  const newest = complete[0]?.[1];
  if (!newest) return null;
  return Array.from({ length: newest.of }, (_, i) => newest.pieces.get(i) ?? '').join('');
}

/** Queues the listing of a key's parts (ids only); read `items` after the next sync. */
export function listState(ctx: Excel.RequestContext, key: string): Excel.CustomXmlPartScopedCollection {
  const parts = ctx.workbook.customXmlParts.getByNamespace(namespaceFor(key));
  parts.load('items/id');
  return parts;
}

/**
 * The requests that replace `old` parts with `value` (null: delete only). Call each function, then
 * sync; the old parts go in the last request, after the new ones are all written.
 */
export function stateWrites(
  ctx: Excel.RequestContext,
  key: string,
  value: string | null,
  old: readonly Excel.CustomXmlPart[],
): (() => void)[] {
  const xmls = value === null ? [] : encodeState(key, value);
  const batches: (() => void)[] = [];
  for (let i = 0; i < xmls.length; i += PARTS_PER_REQUEST) {
    const group = xmls.slice(i, i + PARTS_PER_REQUEST);
    batches.push(() => group.forEach((xml) => ctx.workbook.customXmlParts.add(xml)));
  }
  const last = batches.pop();
  batches.push(() => {
    last?.();
    old.forEach((p) => p.delete());
  });
  return batches;
}

/** Reads a key's value: one request to list its parts, one per three parts to fetch them. */
export async function readState(ctx: Excel.RequestContext, key: string): Promise<string | null> {
  const parts = listState(ctx, key);
  await ctx.sync();
  const xmls: string[] = [];
  for (let i = 0; i < parts.items.length; i += PARTS_PER_REQUEST) {
    const results = parts.items.slice(i, i + PARTS_PER_REQUEST).map((p) => p.getXml());
    await ctx.sync();
    for (const r of results) xmls.push(r.value);
  }
  return xmls.length === 0 ? null : decodeState(xmls);
}

export async function writeState(ctx: Excel.RequestContext, key: string, value: string | null): Promise<void> {
  const parts = listState(ctx, key);
  await ctx.sync();
  for (const batch of stateWrites(ctx, key, value, parts.items)) {
    batch();
    await ctx.sync();
  }
}

/** Document settings, for hosts without custom XML parts (ExcelApi 1.5); small values only. */
export const settingsState = {
  load(key: string): string | null {
    const v: unknown = Office.context.document.settings.get(`saiken:${key}`);
    return typeof v === 'string' ? v : null;
  },
  save(key: string, value: string): Promise<void> {
    const settings = Office.context.document.settings;
    settings.set(`saiken:${key}`, value);
    return new Promise((resolve, reject) => {
      settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Failed ? reject(r.error) : resolve()));
    });
  },
};
