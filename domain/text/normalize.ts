/**
 * Text normalisation shared by header matching and value parsing.
 * Real ledgers mix full-width and half-width forms (１２３, ＡＢＣ, （）), so every comparison
 * goes through Unicode NFKC first.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** NFKC and trimmed: the form in which two cells "mean the same" (`"１００２"` = `"1002"`). */
export function normalizeText(raw: string): string {
  // Printable ASCII is already NFKC; skipping normalize() there matters on 100k-row sheets.
  return PRINTABLE_ASCII.test(raw) ? raw.trim() : raw.normalize('NFKC').trim();
}

/** True for the characters that read as an empty cell: blank, and the dashes clerks type for "none". */
export function isBlankText(raw: string): boolean {
  return isBlankNormalized(normalizeText(raw));
}

/** `isBlankText` for text that has already been through `normalizeText`. */
export function isBlankNormalized(t: string): boolean {
  return t === '' || t === '-' || t === '－' || t === '―' || t === '‐' || t === 'ー' || t === '—';
}
