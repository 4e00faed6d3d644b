/**
 * A small XML tokenizer for the parts of an .xlsx that are large (the sheet, the shared strings): it
 * finds tags and text in chunks of decoded text and hands them to a subclass as positions in the chunk,
 * allocating nothing itself. It reads the subset SpreadsheetML uses — elements with or without a
 * namespace prefix, attributes in either quote, text with entities, comments, CDATA, declarations — and
 * checks no more of well-formedness than it needs to find the next tag.
 */

export class XmlSyntaxError extends Error {
  constructor() {
    super('malformed XML');
  }
}

const SLASH = 47;
const GT = 62;
const BANG = 33;
const QUESTION = 63;
const QUOTE = 34;
const APOS = 39;
const EQUALS = 61;
const COLON = 58;

export function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9;
}

/** Where the last complete UTF-8 character of `buf` ends (a chunk may end inside one). */
function completeUtf8(buf: Uint8Array): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) !== 0x80) {
      // A lead byte (or ASCII): complete if its sequence fits in what is there.
      const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return len <= back ? n : n - back;
    }
  }
  return n;
}

const EMPTY = Buffer.alloc(0);

export abstract class XmlScanner {
  /** Bytes not yet read: an incomplete tag or character at the end of the last chunk. */
  private rest: Buffer = EMPTY;
  /** Set by a subclass while it wants the text of the element it is in. */
  protected capturing = false;

  /**
   * The attributes of the start tag being opened, as positions in the chunk: attribute k's name is
   * s[attrs[4k], attrs[4k + 1]) and its value s[attrs[4k + 2], attrs[4k + 3]) (the first 16 of them).
   */
  protected readonly attrs = new Int32Array(64);
  protected attrCount = 0;

  /** A start tag: the local name is s[name, nameEnd); its attributes are in `attrs`. */
  protected abstract open(s: string, name: number, nameEnd: number): void;
  /** An end tag (also called right after `open` for `<x/>`). */
  protected abstract close(s: string, name: number, nameEnd: number): void;
  /** Text (or CDATA, `cdata` true: not to be entity-decoded) while `capturing`. */
  protected abstract text(s: string, start: number, end: number, cdata: boolean): void;

  /**
   * The next chunk of the UTF-8 document. Each is decoded on its own, after what was left of the one
   * before: a flat string reads much faster than a concatenation of two.
   */
  push(chunk: Uint8Array | string): void {
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buf = this.rest.length === 0 ? bytes : Buffer.concat([this.rest, bytes]);
    const end = completeUtf8(buf);
    const s = buf.toString('utf8', 0, end);
    const pos = this.scan(s);
    const tail = buf.subarray(end);
    this.rest = pos === s.length ? Buffer.from(tail) : Buffer.concat([Buffer.from(s.slice(pos), 'utf8'), tail]);
  }

  /** The end of the document; throws when it stops inside a tag. */
  finish(): void {
    if (this.rest.toString('utf8').trim() !== '') throw new XmlSyntaxError();
    this.rest = EMPTY;
  }

  /** Handles every complete tag of `s` (with the text before it); returns where the rest starts. */
  private scan(s: string): number {
    const n = s.length;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) return this.capturing ? pos : n;
      if (lt + 1 >= n) return pos;
      const first = s.charCodeAt(lt + 1);
      if (first === BANG || first === QUESTION) {
        const end = this.special(s, lt, pos);
        if (end < 0) return pos;
        pos = end;
        continue;
      }
      if (first === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return pos;
        if (this.capturing && lt > pos) this.text(s, pos, lt, false);
        let end = gt;
        while (isSpace(s.charCodeAt(end - 1))) end--;
        this.close(s, localStart(s, lt + 2, end), end);
        pos = gt + 1;
        continue;
      }
      // A start tag: its name, then its attributes up to `>` or `/>`.
      let i = lt + 1;
      let ch = s.charCodeAt(i);
      while (i < n && ch !== GT && ch !== SLASH && !isSpace(ch)) ch = s.charCodeAt(++i);
      const nameEnd = i;
      let count = 0;
      let selfClosing = false;
      for (;;) {
        while (i < n && isSpace(ch)) ch = s.charCodeAt(++i);
        if (i >= n) return pos;
        if (ch === GT) break;
        if (ch === SLASH) {
          if (i + 1 >= n) return pos;
          if (s.charCodeAt(i + 1) !== GT) throw new XmlSyntaxError();
          selfClosing = true;
          i++;
          break;
        }
        const attrName = i;
        while (i < n && ch !== EQUALS && ch !== GT && ch !== SLASH && !isSpace(ch)) ch = s.charCodeAt(++i);
        const attrNameEnd = i;
        while (i < n && isSpace(ch)) ch = s.charCodeAt(++i);
        if (i >= n) return pos;
        if (ch !== EQUALS) throw new XmlSyntaxError();
        ch = s.charCodeAt(++i);
        while (i < n && isSpace(ch)) ch = s.charCodeAt(++i);
        if (i >= n) return pos;
        if (ch !== QUOTE && ch !== APOS) throw new XmlSyntaxError();
        const close = s.indexOf(ch === QUOTE ? '"' : "'", i + 1);
        if (close < 0) return pos;
        if (count < 16) {
          const k = count * 4;
          this.attrs[k] = attrName;
          this.attrs[k + 1] = attrNameEnd;
          this.attrs[k + 2] = i + 1;
          this.attrs[k + 3] = close;
        }
        count++;
        i = close + 1;
        ch = s.charCodeAt(i);
      }
      if (this.capturing && lt > pos) this.text(s, pos, lt, false);
      this.attrCount = Math.min(count, 16);
      const name = localStart(s, lt + 1, nameEnd);
      this.open(s, name, nameEnd);
      if (selfClosing) this.close(s, name, nameEnd);
      pos = i + 1;
    }
  }

  /** `<!--…-->`, `<![CDATA[…]]>`, `<?…?>` or `<!DOCTYPE…>`: the index after it, -1 when incomplete. */
  private special(s: string, lt: number, pos: number): number {
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      if (e >= 0 && this.capturing && lt > pos) this.text(s, pos, lt, false);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt + 9);
      if (e < 0) return -1;
      if (this.capturing) {
        if (lt > pos) this.text(s, pos, lt, false);
        this.text(s, lt + 9, e, true);
      }
      return e + 3;
    }
    if (s.length - lt < 9) return -1; // too short yet to tell what it is
    const pi = s.charCodeAt(lt + 1) === QUESTION;
    const e = s.indexOf(pi ? '?>' : '>', lt + 2);
    if (e >= 0 && this.capturing && lt > pos) this.text(s, pos, lt, false);
    return e < 0 ? -1 : e + (pi ? 2 : 1);
  }
}

/** Where a name's local part starts (after its namespace prefix, if any). */
function localStart(s: string, from: number, to: number): number {
  for (let i = to - 1; i > from; i--) if (s.charCodeAt(i) === COLON) return i + 1;
  return from;
}

/** Whether s[from, to) is exactly `word`. */
export function is(s: string, from: number, to: number, word: string): boolean {
  return to - from === word.length && s.startsWith(word, from);
}
