/** A minimal PNG encoder and reader (8-bit RGBA, no interlace), enough to make and check the add-in's icons. */
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** `rgba` holds width × height pixels, 4 bytes each, row by row. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method variants, no interlace
  const raw = Buffer.alloc(height * (1 + 4 * width));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + 4 * width)] = 0; // filter: none
    raw.set(rgba.subarray(y * 4 * width, (y + 1) * 4 * width), y * (1 + 4 * width) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** Every chunk's CRC matched and the image data inflated to the size IHDR implies. */
  intact: boolean;
}

/** Reads the header from IHDR and checks the file's structure. Throws on anything that is not a PNG. */
export function readPng(file: Buffer): PngInfo {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG signature');
  if (file.toString('latin1', 12, 16) !== 'IHDR') throw new Error('IHDR is not the first chunk');
  const info = {
    width: file.readUInt32BE(16),
    height: file.readUInt32BE(20),
    bitDepth: file.readUInt8(24),
    colorType: file.readUInt8(25),
  };
  let intact = true;
  const idat: Buffer[] = [];
  let pos = 8;
  let ended = false;
  while (pos + 12 <= file.length && !ended) {
    const len = file.readUInt32BE(pos);
    const type = file.toString('latin1', pos + 4, pos + 8);
    const body = file.subarray(pos + 4, pos + 8 + len);
    if (crc32(body) !== file.readUInt32BE(pos + 8 + len)) intact = false;
    if (type === 'IDAT') idat.push(file.subarray(pos + 8, pos + 8 + len));
    ended = type === 'IEND';
    pos += 12 + len;
  }
  const channels = info.colorType === 6 ? 4 : info.colorType === 2 ? 3 : 1;
  const expected = info.height * (1 + Math.ceil((info.width * channels * info.bitDepth) / 8));
  try {
    intact &&= ended && inflateSync(Buffer.concat(idat)).length === expected;
  } catch {
    intact = false;
  }
  return { ...info, intact };
}
