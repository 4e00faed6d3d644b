/**
 * The pane's SyncCrypto: HMAC-SHA256 with the city's key, and SHA-256; lower-case hex. Pure
 * JavaScript (@noble/hashes) rather than Web Crypto: a first sync asks for ~4 digests a row, and
 * Web Crypto's round trip per digest made building 100,000 rows cost more than twice as much as
 * hashing on the thread does (BENCHMARKS.md, "Add-in"). The key's padded blocks are hashed once;
 * each HMAC starts from a copy of them.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { SyncCrypto } from '../../domain/sync/sync-row.js';

export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function webSyncCrypto(cityKey: string): Promise<SyncCrypto> {
  const keyed = hmac.create(sha256, base64UrlToBytes(cityKey));
  return Promise.resolve({
    hmac: async (text) => bytesToHex(keyed.clone().update(utf8ToBytes(text)).digest()),
    sha256: async (text) => bytesToHex(sha256(utf8ToBytes(text))),
  });
}
