/**
 * OLE compound files (magic D0 CF 11 E0 A1 B1 1A E1). Excel saves a password-protected .xlsx as one,
 * with the workbook in an `EncryptedPackage` stream; an old binary .xls is one with a `Workbook` (or,
 * before Excel 97, `Book`) stream. Stream names are UTF-16LE in the directory sectors.
 */

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export type OleKind = 'encrypted-ooxml' | 'xls' | 'other';

const utf16 = (name: string) => Buffer.from(`${name}\u0000`, 'utf16le');

const ENCRYPTED = utf16('EncryptedPackage');
const WORKBOOK = [utf16('Workbook'), utf16('Book')];

export function isOle(head: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => head[i] === b);
}

export function oleKind(file: Buffer): OleKind {
  if (file.includes(ENCRYPTED)) return 'encrypted-ooxml';
  if (WORKBOOK.some((name) => file.includes(name))) return 'xls';
  return 'other';
}
