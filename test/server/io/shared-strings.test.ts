import { describe, expect, it } from 'vitest';
import { SharedStringsParser } from '../../../server/io/shared-strings.js';
import { decodeXmlText } from '../../../server/io/xml-text.js';

const XML =
  '<?xml version="1.0"?><sst count="4">' +
  '<si><t>氏名</t><rPh sb="0" eb="2"><t>シメイ</t></rPh><phoneticPr fontId="1"/></si>' +
  '<si><r><rPr><b/></rPr><t>督促</t></r><r><t xml:space="preserve"> 発付日</t></r></si>' +
  '<si/>' +
  '<si><t>A&amp;B &lt;1&gt; &#x2460;_x000D_x</t></si>' +
  '</sst>';

describe('shared strings', () => {
  const table = (xml: string) => {
    const p = new SharedStringsParser();
    p.push(xml);
    return p.end();
  };

  it('drops phonetic readings and joins rich-text runs', () => {
    expect(table('<sst><si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh></si></sst>')).toEqual(['山田']);
    expect(table('<sst><si><r><t>a</t></r><r><t>b</t></r></si></sst>')).toEqual(['ab']);
  });

  it('reads prefixed elements, CDATA and comments', () => {
    expect(table('<x:sst><x:si><x:t>a<!-- c --><![CDATA[&<b>]]></x:t></x:si><x:si><x:t/></x:si></x:sst>')).toEqual([
      'a&<b>',
      '',
    ]);
  });

  it('decodes entities and OOXML escapes', () => {
    expect(decodeXmlText('A&amp;B &lt;1&gt; &#9312;&#x2460;_x000D_')).toBe('A&B <1> ①①\r');
    expect(decodeXmlText('_x005F_x0041_')).toBe('_x0041_');
  });

  it('reads the same table whatever the chunk boundaries', () => {
    const expected = ['氏名', '督促 発付日', '', 'A&B <1> ①\rx'];
    const bytes = new TextEncoder().encode(XML);
    for (const size of [1, 3, 7, 64, bytes.length]) {
      const p = new SharedStringsParser();
      for (let i = 0; i < bytes.length; i += size) p.push(bytes.subarray(i, i + size));
      expect(p.end()).toEqual(expected);
    }
  });
});
