/** SyncCrypto on node:crypto, as the pane's on Web Crypto: HMAC-SHA256 with the city's key (base64url), SHA-256; lower-case hex. */
import { createHash, createHmac } from 'node:crypto';
import type { SyncCrypto } from '../../../domain/sync/sync-row.js';

export function nodeSyncCrypto(cityKey: string): SyncCrypto {
  const key = Buffer.from(cityKey, 'base64url');
  return {
    hmac: async (text) => createHmac('sha256', key).update(text, 'utf8').digest('hex'),
    sha256: async (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}
