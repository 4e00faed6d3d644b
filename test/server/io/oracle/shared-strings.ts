/**
 * (The old reader's, kept for the differential test.) The shared-string table of an .xlsx (xl/sharedStrings.xml), read chunk by chunk. ExcelJS's streaming
 * reader keeps the last <t> of each <si>, which for text typed with a Japanese IME is the phonetic
 * reading in <rPh> (氏名 would read シメイ): here the readings are dropped and the runs joined.
 */

const SI = /<(?:\w+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const TEXT = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML writes control characters (and a literal `_x`) as `_xHHHH_`. */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

export function decodeXmlText(s: string): string {
  const t = s.includes('&')
    ? s.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
        if (name) return NAMED[name]!;
        const code = hex ? parseInt(hex, 16) : Number(dec);
        return code <= 0x10ffff ? String.fromCodePoint(code) : '';
      })
    : s;
  return t.includes('_x') ? t.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : t;
}

/** The visible text of one <si> body: every run's <t>, without the phonetic readings. */
export function sharedStringText(body: string): string {
  const visible = body.includes('rPh') ? body.replace(PHONETIC, '') : body;
  let out = '';
  for (const m of visible.matchAll(TEXT)) out += m[1] ?? '';
  return decodeXmlText(out);
}

/** Incremental parser: push chunks as they arrive, then take the table. */
export class SharedStringsParser {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  readonly strings: string[] = [];

  push(chunk: Uint8Array | string): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    this.drain();
  }

  end(): string[] {
    this.pending += this.decoder.decode();
    this.drain();
    return this.strings;
  }

  private drain(): void {
    SI.lastIndex = 0;
    let consumed = 0;
    for (let m = SI.exec(this.pending); m; m = SI.exec(this.pending)) {
      this.strings.push(m[1] === undefined ? '' : sharedStringText(m[1]));
      consumed = SI.lastIndex;
    }
    if (consumed > 0) this.pending = this.pending.slice(consumed);
  }
}
