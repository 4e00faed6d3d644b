import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, looksUndecodable, parseCsv } from '../../../server/io/csv.js';

const TEXT = '整理番号,氏名,納期限\r\nA-1,髙橋 ①子,令和6年4月30日\r\n';

describe('CSV encodings', () => {
  it('reads UTF-8 with a BOM, UTF-8 without, CP932 and UTF-16LE with a BOM', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
    expect(decodeText(bom)).toMatchObject({ text: TEXT, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(TEXT))).toMatchObject({ text: TEXT, encoding: 'utf-8' });
    expect(decodeText(iconv.encode(TEXT, 'cp932'))).toMatchObject({ text: TEXT, encoding: 'cp932', replaced: 0 });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(decodeText(utf16)).toMatchObject({ text: TEXT, encoding: 'utf-16le' });
  });

  it('calls bytes that are neither UTF-8 nor CP932 undecodable rather than showing mojibake', () => {
    const junk = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 2 ? 0xff : 0x85)));
    expect(looksUndecodable(decodeText(junk))).toBe(true);
    expect(looksUndecodable(decodeText(iconv.encode(TEXT, 'cp932')))).toBe(false);
  });
});

describe('parseCsv', () => {
  it('keeps record numbers, reads quoted newlines and ragged rows, and makes empty cells null', () => {
    const grid = parseCsv('title\r\n\r\na,"b\r\nc",\r\nd,,e,f\r\n\r\n');
    expect(grid).toEqual([['title'], [], ['a', 'b\r\nc'], ['d', null, 'e', 'f']]);
  });

  it('reads tab-separated text', () => {
    expect(parseCsv('a\tb\r\n1\t2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reports an unclosed quote', () => {
    expect(() => parseCsv('a,b\r\n"c,d\r\n')).toThrow();
  });
});
