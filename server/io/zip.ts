/**
 * The parts of a ZIP file by name, read through yauzl: its central directory gives random access, so the
 * shared strings can be read before the sheet whatever order the writer stored them in, and each part is
 * inflated by Node's zlib as a stream (the sheet of a 100k-row ledger is ~70 MB of XML, never held whole).
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export class ZipArchive {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    const zip = await yauzl.openPromise(path, { autoClose: false });
    const entries = new Map<string, Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: Entry) => {
          // Part names are case-insensitive in a package (OPC); the first of two equal names wins.
          const key = entry.fileName.toLowerCase();
          if (!entries.has(key)) entries.set(key, entry);
          zip.readEntry();
        });
        zip.on('end', resolve);
        zip.on('error', reject);
        zip.readEntry();
      });
    } catch (e) {
      zip.close();
      throw e;
    }
    return new ZipArchive(zip, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** Uncompressed size of a part, 0 when there is none. */
  size(name: string): number {
    return this.entries.get(name.toLowerCase())?.uncompressedSize ?? 0;
  }

  /** A part's bytes as they come out of the inflater; nothing for a part the file does not have. */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return;
    const stream: Readable = await this.zip.openReadStreamPromise(entry);
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } finally {
      stream.destroy();
    }
  }

  /** A whole (small) part as UTF-8 text, or undefined when the file does not have it. */
  async text(name: string): Promise<string | undefined> {
    if (!this.has(name)) return undefined;
    const parts: Buffer[] = [];
    for await (const chunk of this.chunks(name)) parts.push(chunk);
    return Buffer.concat(parts).toString('utf8');
  }

  close(): void {
    this.zip.close();
  }
}
