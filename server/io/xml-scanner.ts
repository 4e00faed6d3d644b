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

export abstract class XmlScanner {
  private pending = '';
  /** Set by a subclass while it wants the text of the element it is in. */
  protected capturing = false;

  /** An attribute found by `nextAttr`: its name and value as [start, end) in the chunk. */
  protected attrName = 0;
  protected attrNameEnd = 0;
  protected attrValue = 0;
  protected attrValueEnd = 0;

  /** A start tag: the local name is s[name, nameEnd); attributes lie in s[nameEnd, attrsEnd). */
  protected abstract open(s: string, name: number, nameEnd: number, attrsEnd: number, selfClosing: boolean): void;
  /** An end tag (also called right after `open` for `<x/>`). */
  protected abstract close(s: string, name: number, nameEnd: number): void;
  /** Text (or CDATA, `cdata` true: not to be entity-decoded) while `capturing`. */
  protected abstract text(s: string, start: number, end: number, cdata: boolean): void;

  push(chunk: string): void {
    const s = this.pending === '' ? chunk : this.pending + chunk;
    this.pending = s.slice(this.scan(s));
  }

  /** The last text; throws when the document stops inside a tag. */
  finish(chunk = ''): void {
    this.push(chunk);
    if (this.pending.trim() !== '') throw new XmlSyntaxError();
    this.pending = '';
  }

  /**
   * Reads the next attribute from `i` up to `end` into attrName… attrValueEnd; returns the index after
   * it, or -1 when there is none.
   */
  protected nextAttr(s: string, i: number, end: number): number {
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (i >= end) return -1;
    this.attrName = i;
    let ch = s.charCodeAt(i);
    while (i < end && ch !== EQUALS && !isSpace(ch)) ch = s.charCodeAt(++i);
    this.attrNameEnd = i;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== EQUALS) throw new XmlSyntaxError();
    i++;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    const q = s.charCodeAt(i);
    if (q !== QUOTE && q !== APOS) throw new XmlSyntaxError();
    const close = s.indexOf(q === QUOTE ? '"' : "'", i + 1);
    if (close < 0 || close >= end) throw new XmlSyntaxError();
    this.attrValue = i + 1;
    this.attrValueEnd = close;
    return close + 1;
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
      // A start tag: its name, then attributes up to the `>` outside quotes.
      let i = lt + 1;
      let ch = s.charCodeAt(i);
      while (i < n && ch !== GT && ch !== SLASH && !isSpace(ch)) ch = s.charCodeAt(++i);
      const nameEnd = i;
      while (i < n && ch !== GT) {
        if (ch === QUOTE || ch === APOS) {
          i = s.indexOf(ch === QUOTE ? '"' : "'", i + 1);
          if (i < 0) return pos;
        }
        ch = s.charCodeAt(++i);
      }
      if (i >= n) return pos;
      if (this.capturing && lt > pos) this.text(s, pos, lt, false);
      const selfClosing = s.charCodeAt(i - 1) === SLASH;
      const name = localStart(s, lt + 1, nameEnd);
      this.open(s, name, nameEnd, selfClosing ? i - 1 : i, selfClosing);
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
