/**
 * Runs the service in a child process (for kill-and-restart tests): `node --import tsx
 * child-service.ts <database>` (a file or a URL). Prints one JSON line `{url, adminToken}` once listening.
 */
import pino from 'pino';
import { startService } from '../../../server/service.js';

const database = process.argv[2];
if (!database) throw new Error('usage: child-service.ts <database>');
const service = await startService({
  port: 0,
  host: '127.0.0.1',
  database,
  http: true,
  logger: pino({ level: 'silent' }),
});
process.stdout.write(`${JSON.stringify({ url: service.url, adminToken: service.firstAdminToken })}\n`);
