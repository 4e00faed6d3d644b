/** An OversightController on a fake (or the real) service, the way the pane builds it. */
import { translator } from '../../../addin/i18n/messages.js';
import type { WorkbookPort } from '../../../addin/excel/workbook-port.js';
import { OversightController } from '../../../addin/oversight/controller.js';
import { FakePort } from '../fake-port.js';
import { hoikuryo } from '../ledger.js';

export const TOKEN = 'test-token-0123456789';
export const SERVER = 'https://saiken.example.jp';
/** November 2024 in Japan: fiscal year 2024. */
export const NOW = new Date('2024-11-15T03:00:00Z');

export function oversightFor(
  fetchImpl: typeof fetch,
  opts: { port?: WorkbookPort; serverUrl?: string; token?: string; locale?: 'ja' | 'en' } = {},
): OversightController {
  const settings = { serverUrl: opts.serverUrl ?? SERVER, token: opts.token ?? TOKEN };
  return new OversightController({
    port: opts.port ?? new FakePort(hoikuryo()),
    t: translator(opts.locale ?? 'ja'),
    settings: () => settings,
    fetch: fetchImpl,
    now: () => NOW,
  });
}
