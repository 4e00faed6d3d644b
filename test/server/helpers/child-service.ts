/**
 * Runs the service in a child process (for kill-and-restart tests): `node --import tsx
 * child-service.ts <dbPath>`. Prints one JSON line `{url, adminToken}` once listening.
 */
import pino from 'pino';
import { startService } from '../../../server/service.js';

const dbPath = process.argv[2];
if (!dbPath) throw new Error('usage: child-service.ts <dbPath>');
const service = await startService({
  port: 0,
  host: '127.0.0.1',
  dbPath,
  http: true,
  logger: pino({ level: 'silent' }),
});
process.stdout.write(`${JSON.stringify({ url: service.url, adminToken: service.firstAdminToken })}\n`);
