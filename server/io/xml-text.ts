/** Text as SpreadsheetML stores it: XML entities, OOXML's `_xHHHH_` escapes. */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML writes control characters (and a literal `_x`) as `_xHHHH_`. */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

/** XML's character references and the five named entities. */
export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** OOXML's `_xHHHH_` escapes, in text whose entities are already decoded. */
export function decodeOoxmlEscapes(t: string): string {
  return t.includes('_x') ? t.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : t;
}

/** Cell text: XML entities, then OOXML's `_xHHHH_` escapes. */
export function decodeXmlText(s: string): string {
  return decodeOoxmlEscapes(decodeXmlEntities(s));
}

/**
 * A string that does not keep the chunk it was cut from alive: V8 makes a slice of 13 characters or
 * more share its parent's memory, and a table of slices would hold the whole XML. The concatenation
 * is flattened into a string of its own.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
