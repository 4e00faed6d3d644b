/**
 * (The old reader's, kept for the differential test.) Watches a worksheet's XML on its way to ExcelJS's streaming parser, for the two things that parser
 * drops: merged ranges (<mergeCell ref="A1:B2"/>), and the type of a formula's cached result (it
 * reads every non-text result as a number, so TRUE becomes 1 and #N/A becomes NaN).
 */

export interface SheetExtras {
  /** `A1:B2` refs, in the order the sheet lists them. */
  merges: string[];
  /** Cell ref → cached result of a formula cell whose result is a boolean or an error. */
  typedResults: Map<string, boolean | string>;
}

const MERGE = /<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;
const REF = /\br="([A-Z]+\d+)"/;
const VALUE = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/;
/** Longer than any `<c …>` start tag up to its t attribute, so a cell split across chunks is seen whole. */
const CARRY = 400;

export function newSheetExtras(): SheetExtras {
  return { merges: [], typedResults: new Map() };
}

/** Passes the chunks through unchanged, noting merges and typed formula results into `extras`. */
export async function* tapSheetXml(chunks: AsyncIterable<unknown>, extras: SheetExtras): AsyncGenerator<unknown> {
  const seen = new Set<string>();
  let carry = '';
  for await (const chunk of chunks) {
    // latin1 keeps one character per byte: the markup scanned here is ASCII, and it is fast.
    const s = carry + (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('latin1'));
    scanTypedResults(s, extras.typedResults);
    if (s.includes('ergeCell')) {
      for (const m of s.matchAll(MERGE)) {
        const ref = m[1]!;
        if (!seen.has(ref)) {
          seen.add(ref);
          extras.merges.push(ref);
        }
      }
    }
    carry = s.slice(-CARRY);
    yield chunk;
  }
}

function scanTypedResults(s: string, out: Map<string, boolean | string>): void {
  for (const marker of ['t="e"', 't="b"']) {
    for (let i = s.indexOf(marker); i >= 0; i = s.indexOf(marker, i + 1)) {
      const start = s.lastIndexOf('<c', i);
      const end = s.indexOf('</c>', i);
      if (start < 0 || end < 0) continue; // completed in the next chunk, which carries this part
      const cell = s.slice(start, end);
      const tagEnd = cell.indexOf('>');
      if (!cell.includes('<f') || tagEnd < 0 || i - start > tagEnd) continue;
      const ref = REF.exec(cell.slice(0, tagEnd))?.[1];
      const v = VALUE.exec(cell)?.[1];
      if (ref === undefined || v === undefined) continue;
      out.set(ref, marker === 't="b"' ? v.trim() !== '0' : v);
    }
  }
}
