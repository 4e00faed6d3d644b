/**
 * Where the task pane loads office.js from (`saiken serve --office-js cdn|self|URL`): Microsoft's
 * CDN (the current host, falling back to the legacy one), this service (the `@microsoft/office-js`
 * package, for networks with no route to the internet), or an internal mirror. One definition
 * gives the script tags written into taskpane.html and the origins the pane's CSP allows.
 */
import type { z } from 'zod';
import type { ROUTES } from '../../domain/api/routes.js';
import { isLoopbackName } from './loopback.js';

/** Microsoft's current office.js URL (the unified cloud.microsoft domain). */
export const CDN_OFFICE_JS = 'https://officeapis.public.onecdn.static.microsoft/1/office.js';
/** The host office.js was served from before; still served, and tried when the current one fails. */
export const LEGACY_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where this service serves the package's files: office.js loads the rest relative to its own URL. */
export const SELF_OFFICE_JS_BASE = '/addin/office-js';
/** The boot guard and the CDN fallback (addin/public/boot/), served from the built pane. */
export const BOOT_GUARD_PATH = '/addin/boot/guard.js';
export const BOOT_FALLBACK_PATH = '/addin/boot/fallback.js';

/** The `@microsoft/office-js` package as installed beside the service. */
export interface OfficeJsPackage {
  /** Its dist folder: the only files ever served. */
  dist: string;
  version: string;
}

export type OfficeJsSource = { kind: 'cdn' } | ({ kind: 'self' } & OfficeJsPackage) | { kind: 'url'; url: string };

/** What `--office-js` (or SAIKEN_OFFICE_JS) asks for, before the package's version is known. */
export type OfficeJsChoice = { kind: 'cdn' } | { kind: 'self' } | { kind: 'url'; url: string };

export const DEFAULT_OFFICE_JS = { kind: 'cdn' } as const satisfies OfficeJsSource & OfficeJsChoice;

/** `cdn`, `self`, or an https URL ending in /office.js (http only on this machine). */
export function parseOfficeJsChoice(raw: string): OfficeJsChoice {
  const value = raw.trim();
  if (value === 'cdn' || value === 'self') return { kind: value };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `office.js の読み込み元（--office-js）は cdn、self、または社内ミラーの office.js の URL で指定してください: ${raw}`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackName(url.hostname))) {
    throw new Error(`office.js の URL（--office-js）は https:// で指定してください: ${raw}`);
  }
  // office.js finds the files it loads next from its own file name, so the URL must end in it.
  if (!url.pathname.endsWith('/office.js') || url.search || url.hash || url.username || url.password) {
    throw new Error(
      `office.js の URL（--office-js）は …/office.js で終わる形で、? や # を付けずに指定してください: ${raw}`,
    );
  }
  return { kind: 'url', url: url.href };
}

/** The office.js the pane loads first, and the one tried when it cannot be loaded. */
export function officeJsUrls(source: OfficeJsSource): { primary: string; fallback?: string } {
  switch (source.kind) {
    case 'cdn':
      return { primary: CDN_OFFICE_JS, fallback: LEGACY_OFFICE_JS };
    case 'self':
      return { primary: `${SELF_OFFICE_JS_BASE}/${source.version}/office.js` };
    case 'url':
      return { primary: source.url };
  }
}

/** Origins other than the service's own that the pane may load scripts from: exactly the chosen source. */
export function officeJsOrigins(source: OfficeJsSource): string[] {
  const { primary, fallback } = officeJsUrls(source);
  return [fallback, primary]
    .filter((u): u is string => u !== undefined && /^https?:/.test(u))
    .map((u) => new URL(u).origin);
}

const escapeAttribute = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The boot guard (first: it watches office.js load), office.js, and with a fallback the script
 * that tries it when office.js could not be loaded.
 */
export function officeJsTags(source: OfficeJsSource): string {
  const { primary, fallback } = officeJsUrls(source);
  const tags = [
    `<script src="${BOOT_GUARD_PATH}" data-source="${source.kind}"></script>`,
    `<script src="${escapeAttribute(primary)}" data-office-js></script>`,
  ];
  if (fallback) tags.push(`<script src="${BOOT_FALLBACK_PATH}" data-fallback="${escapeAttribute(fallback)}"></script>`);
  return tags.join('\n    ');
}

const BLOCK = /<!-- office\.js -->[\s\S]*?<!-- \/office\.js -->/;

/**
 * taskpane.html with its office.js block (between `<!-- office.js -->` and `<!-- /office.js -->`)
 * written for the chosen source. A page without the block is refused: serving it unchanged would
 * load office.js from wherever the build said.
 */
export function renderTaskpane(html: string, source: OfficeJsSource): string {
  if (!BLOCK.test(html)) throw new Error('taskpane.html has no office.js block: rebuild the add-in (npm run build)');
  return html.replace(BLOCK, () => `<!-- office.js -->\n    ${officeJsTags(source)}\n    <!-- /office.js -->`);
}

/** What /healthz reports: the source, and the package's version when this service serves it. */
export function officeJsHealth(source: OfficeJsSource): z.infer<typeof ROUTES.health.response>['officeJs'] {
  return source.kind === 'self' ? { source: 'self', version: source.version } : { source: source.kind };
}
