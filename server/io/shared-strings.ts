/**
 * The shared-string table of an .xlsx (xl/sharedStrings.xml), read chunk by chunk. Each <si> is the text
 * of its runs' <t>, joined; the phonetic readings in <rPh> are left out (for text typed with a Japanese
 * IME, 氏名 carries the reading シメイ, which is not what the cell shows).
 */
import { XmlScanner, is } from './xml-scanner.js';
import { decodeOoxmlEscapes, decodeXmlEntities, detach } from './xml-text.js';

/** Incremental parser: push chunks as they arrive, then take the table. */
export class SharedStringsParser extends XmlScanner {
  readonly strings: string[] = [];
  private inItem = false;
  private inPhonetic = false;
  private item = '';

  end(): string[] {
    this.finish();
    return this.strings;
  }

  protected override open(s: string, name: number, nameEnd: number): void {
    if (is(s, name, nameEnd, 't')) {
      if (this.inItem && !this.inPhonetic) this.capturing = true;
    } else if (is(s, name, nameEnd, 'si')) {
      this.inItem = true;
      this.inPhonetic = false;
      this.item = '';
    } else if (is(s, name, nameEnd, 'rPh')) this.inPhonetic = true;
  }

  protected override close(s: string, name: number, nameEnd: number): void {
    if (is(s, name, nameEnd, 't')) this.capturing = false;
    else if (is(s, name, nameEnd, 'si')) {
      if (this.inItem) this.strings.push(detach(decodeOoxmlEscapes(this.item)));
      this.inItem = false;
    } else if (is(s, name, nameEnd, 'rPh')) this.inPhonetic = false;
  }

  protected override text(s: string, start: number, end: number, cdata: boolean): void {
    const piece = s.slice(start, end);
    this.item += cdata ? piece : decodeXmlEntities(piece);
  }
}
