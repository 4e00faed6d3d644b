/**
 * Custom XML parts in the stand-in. `add` rejects what Excel's XML parser would: characters XML 1.0
 * forbids, a stray `&` or `<` in text, a root element that does not close.
 */
import { ClientObject, ClientResult, Collection, HostError } from './client-base.js';
import type { XmlPart } from './model.js';

// The characters XML 1.0 forbids (control characters, non-characters, lone surrogates).
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ROOT =
  /^\s*(?:<\?xml[^>]*\?>\s*)?<([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(?:\/>|>([\s\S]*)<\/\1\s*>)\s*$/;

/** The namespace of a well-formed document with text content (enough for the parts the adapter writes). */
export function checkXml(xml: string): string {
  if (FORBIDDEN.test(xml)) throw new HostError('InvalidArgument', 'a character XML does not allow');
  const m = ROOT.exec(xml);
  if (!m) throw new HostError('InvalidArgument', 'not a well-formed XML document');
  const text = (m[3] ?? '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  if (/</.test(text)) throw new HostError('InvalidArgument', 'markup inside the text (the stand-in reads text only)');
  if (/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text))
    throw new HostError('InvalidArgument', 'a bare &');
  return (
    /\sxmlns\s*=\s*(?:"([^"]*)"|'([^']*)')/
      .exec(m[2] ?? '')
      ?.slice(1)
      .find((s) => s !== undefined) ?? ''
  );
}

export class CustomXmlPartCollection extends Collection<XmlPart, CustomXmlPart> {
  wrap(m: XmlPart): CustomXmlPart {
    return new CustomXmlPart(this.context, () => (this.context.model.parts.includes(m) ? m : null));
  }
  add(xml: string): CustomXmlPart {
    let created: XmlPart | null = null;
    this.context.queue(xml, () => {
      const namespaceUri = checkXml(xml);
      created = { id: this.context.model.nextId('part'), namespaceUri, xml };
      this.context.model.parts.push(created);
    });
    return new CustomXmlPart(this.context, () => created);
  }
  getByNamespace(ns: string): CustomXmlPartScopedCollection {
    return new CustomXmlPartScopedCollection(this.context, () =>
      this.context.model.parts.filter((p) => p.namespaceUri === ns),
    );
  }
  getItem(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, () => this.context.model.parts.find((p) => p.id === id) ?? null);
  }
  getItemOrNullObject(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, () => this.context.model.parts.find((p) => p.id === id) ?? null, true);
  }
}

export class CustomXmlPartScopedCollection extends Collection<XmlPart, CustomXmlPart> {
  wrap(m: XmlPart): CustomXmlPart {
    return new CustomXmlPart(this.context, () => (this.context.model.parts.includes(m) ? m : null));
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.context, () => this.target().length);
  }
  getOnlyItemOrNullObject(): CustomXmlPart {
    return new CustomXmlPart(
      this.context,
      () => {
        const list = this.target();
        return list.length === 1 ? (list[0] ?? null) : null;
      },
      true,
    );
  }
}

export class CustomXmlPart extends ClientObject<XmlPart> {
  readonly scalars = ['id', 'namespaceUri'];
  readProp(p: XmlPart, name: string): unknown {
    return name === 'id' ? p.id : p.namespaceUri;
  }
  get id(): string {
    return this.prop('id');
  }
  get namespaceUri(): string {
    return this.prop('namespaceUri');
  }
  getXml(): ClientResult<string> {
    return new ClientResult(this.context, () => this.target().xml);
  }
  setXml(xml: string): void {
    this.write(undefined, xml, (p) => {
      p.namespaceUri = checkXml(xml);
      p.xml = xml;
    });
  }
  delete(): void {
    this.write(undefined, undefined, (p) => {
      const parts = this.context.model.parts;
      parts.splice(parts.indexOf(p), 1);
    });
  }
}
