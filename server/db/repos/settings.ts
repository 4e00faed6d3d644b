/** Service settings, and the city's HMAC key for debtor ids (made on first use, never logged). */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db.js';

const CITY_KEY = 'city_hmac_key';

export async function cityKey(db: Db): Promise<string> {
  const found = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [CITY_KEY]);
  if (found) return found.value;
  return db.transaction(async (tx) => {
    await tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
      CITY_KEY,
      randomBytes(32).toString('base64url'),
    ]);
    return (await tx.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [CITY_KEY]))!.value;
  });
}
