/**
 * What the service holds for a ledger as of a revision: row key → row hash. The sender keeps it
 * after each applied submission (the pane in the workbook, `saiken submit` in its state directory)
 * so that the next one sends only new, changed and deleted rows. Compact: keys as base64url, hashes
 * cut to 64 bits (enough to notice a change); about 56 bytes a row.
 */

export interface RowState {
  revision: number;
  /** Row key (as sent) → the first HASH_CHARS hex digits of its hash. */
  rows: Map<string, string>;
}

export const HASH_CHARS = 16;
export const shortHash = (hash: string) => hash.slice(0, HASH_CHARS);
export const emptyRowState = (): RowState => ({ revision: 0, rows: new Map() });

/** `<hash 11><key 43>[#n]`, comma-separated. */
export function pack(rows: ReadonlyMap<string, string>): string {
  const out: string[] = [];
  for (const [key, hash] of rows) {
    const hashPos = key.indexOf('#');
    const base = hashPos < 0 ? key : key.slice(0, hashPos);
    const suffix = hashPos < 0 ? '' : key.slice(hashPos);
    out.push(hexToB64(shortHash(hash)) + hexToB64(base) + suffix);
  }
  return out.join(',');
}

export function unpack(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  if (text === '') return rows;
  for (const e of text.split(',')) rows.set(b64ToHex(e.slice(11, 54)) + e.slice(54), b64ToHex(e.slice(0, 11)));
  return rows;
}

/** A packed text as `pack` writes it (the keys are row keys): anything else is no row state. */
export const PACKED_ROWS = /^(?:[A-Za-z0-9_-]{54}(?:#[1-9][0-9]{0,5})?(?:,[A-Za-z0-9_-]{54}(?:#[1-9][0-9]{0,5})?)*)?$/;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function hexToB64(hex: string): string {
  let bits = 0;
  let acc = 0;
  let out = '';
  for (let i = 0; i < hex.length; i += 2) {
    acc = (acc << 8) | parseInt(hex.slice(i, i + 2), 16);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET[(acc >> bits) & 63];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(acc << (6 - bits)) & 63];
  return out;
}

function b64ToHex(b64: string): string {
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of b64) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += ((acc >> bits) & 255).toString(16).padStart(2, '0');
      acc &= (1 << bits) - 1;
    }
  }
  return out;
}
