/**
 * The pane's SyncCrypto gives the service and `saiken submit` the digests node:crypto gives, for
 * any key and any text (Japanese, emoji, lone surrogates, control characters), however many are
 * asked for at once.
 */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webSyncCrypto } from '../../../addin/sync/web-crypto.js';
import { nodeSyncCrypto } from '../../../server/cli/submit/node-crypto.js';

const key = fc.uint8Array({ minLength: 1, maxLength: 100 }).map((k) => Buffer.from(k).toString('base64url'));
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('債', '権', 'ｱ', '\u0000', '\ud800', '😀', 'a', '"'), maxLength: 200 }),
);

describe('the pane’s SyncCrypto', () => {
  it('is HMAC-SHA256 with the city key and SHA-256, in lower-case hex', async () => {
    const k = Buffer.from('k'.repeat(32));
    const c = await webSyncCrypto(k.toString('base64url'));
    expect(await c.hmac('debtorId\u0000H-101')).toBe(
      createHmac('sha256', k).update('debtorId\u0000H-101').digest('hex'),
    );
    expect(await c.sha256('{"a":1}')).toBe(createHash('sha256').update('{"a":1}').digest('hex'));
  });

  it('equals saiken submit’s node:crypto for any key and text, asked for all at once', async () => {
    await fc.assert(
      fc.asyncProperty(key, fc.array(text, { minLength: 1, maxLength: 40 }), async (cityKey, texts) => {
        const pane = await webSyncCrypto(cityKey);
        const cli = nodeSyncCrypto(cityKey);
        const [a, b] = await Promise.all([
          Promise.all(texts.flatMap((t) => [pane.hmac(t), pane.sha256(t)])),
          Promise.all(texts.flatMap((t) => [cli.hmac(t), cli.sha256(t)])),
        ]);
        expect(a).toEqual(b);
      }),
      { numRuns: 200 },
    );
  });
});
