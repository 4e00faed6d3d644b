/** SyncCrypto on Web Crypto: HMAC-SHA256 with the city's key, and SHA-256; lower-case hex. */
import type { SyncCrypto } from '../../domain/sync/sync-row.js';

const encoder = new TextEncoder();

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

export function bytesToHex(buf: ArrayBuffer): string {
  let s = '';
  for (const b of new Uint8Array(buf)) s += b.toString(16).padStart(2, '0');
  return s;
}

export async function webSyncCrypto(
  cityKey: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<SyncCrypto> {
  const key = await subtle.importKey('raw', base64UrlToBytes(cityKey), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return {
    hmac: async (text) => bytesToHex(await subtle.sign('HMAC', key, encoder.encode(text))),
    sha256: async (text) => bytesToHex(await subtle.digest('SHA-256', encoder.encode(text))),
  };
}
