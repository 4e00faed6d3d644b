/**
 * The Excel host stand-in as a browser script (bundled by bundle.ts, injected with addInitScript):
 * `Excel` and `Office` exist before the pane's scripts run, so the pane takes its Office path and
 * talks to the real office-adapter.ts. `Office.onReady` resolves when the (stubbed) office.js from
 * the CDN has loaded, as with the real one.
 */
import { ExcelHost, type CellValue } from '../../addin/excel/excel-standin.js';

export interface StandinSeed {
  sheet: string;
  rows: CellValue[][];
  formats: string[][];
  displayLanguage?: string;
  /** The ExcelApi 1.x minor version the host reports (default: the stand-in's). */
  apiMinor?: number;
}

export interface StandinApi {
  host: ExcelHost;
  /** What the stubbed office.js calls once loaded. */
  officeLoaded(): void;
}

declare global {
  interface Window {
    __saikenStandin?: StandinApi;
    __saikenStandinSetup?: (seed: StandinSeed) => void;
  }
}

// The stand-in measures payloads with Node's Buffer.byteLength; the browser has TextEncoder.
const g = globalThis as { Buffer?: unknown };
g.Buffer ??= { byteLength: (s: string) => new TextEncoder().encode(s).length };

window.__saikenStandinSetup = (seed: StandinSeed): void => {
  const host = new ExcelHost({ displayLanguage: seed.displayLanguage ?? 'ja-JP', apiMinor: seed.apiMinor });
  host.addSheet(seed.sheet, seed.rows, seed.formats);
  host.install();
  let loaded!: () => void;
  const ready = new Promise<void>((resolve) => (loaded = resolve));
  const office = (globalThis as { Office?: Record<string, unknown> }).Office!;
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  office.HostType = { Excel: 'Excel' };
  office.onReady = (callback?: (i: typeof info) => void) =>
    ready.then(() => {
      callback?.(info);
      return info;
    });
  window.__saikenStandin = { host, officeLoaded: loaded };
};
