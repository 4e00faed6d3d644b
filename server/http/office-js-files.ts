/**
 * `--office-js self`: office.js and every file it loads next (the host's bundle such as
 * excel-web-16.00.js, the locale strings, the telemetry scripts) from the `@microsoft/office-js`
 * package's dist folder, under /addin/office-js/<version>/, so the pane needs nothing outside this
 * service's origin. The version in the path lets each file be cached for good: after
 * `npm update @microsoft/office-js` and a restart, taskpane.html names the new version's path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type RequestHandler } from 'express';
import type { OfficeJsChoice, OfficeJsPackage, OfficeJsSource } from './office-js.js';

/** The source a choice names; `self` needs the package installed. */
export function resolveOfficeJs(choice: OfficeJsChoice): OfficeJsSource {
  if (choice.kind !== 'self') return choice;
  const pkg = findOfficeJsPackage();
  if (!pkg) {
    throw new Error(
      '--office-js self には @microsoft/office-js パッケージが必要です。サービスのフォルダーで npm install を実行してから起動してください。',
    );
  }
  return { kind: 'self', ...pkg };
}

/** The installed package, or undefined when it is missing. */
export function findOfficeJsPackage(): OfficeJsPackage | undefined {
  try {
    // Resolved as a path only: the service never runs the package's code.
    const manifest = createRequire(import.meta.url).resolve('@microsoft/office-js/package.json');
    const dist = join(dirname(manifest), 'dist');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown };
    // The version becomes a path segment: a plain one only.
    if (typeof version !== 'string' || !/^[0-9A-Za-z.-]+$/.test(version)) return undefined;
    return existsSync(join(dist, 'office.js')) ? { dist, version } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A path of plain names (letters, digits, `.`, `_`, `-`; none starting with a dot) ending in a
 * file type office.js loads. Anything else — `..`, encoded separators, dot files, the package's
 * other files — is never looked up.
 */
const SERVABLE = /^(?:\/[a-z0-9_-][a-z0-9._-]*)+\.(?:js|css|png)$/i;

/** The files under `/<version>/…` (mounted at SELF_OFFICE_JS_BASE); other versions are not found. */
export function officeJsFiles(pkg: OfficeJsPackage): RequestHandler {
  const router = express.Router();
  const files = express.static(pkg.dist, {
    index: false,
    redirect: false,
    dotfiles: 'deny',
    fallthrough: true,
    // The path names the version: a file never changes under it.
    immutable: true,
    maxAge: '365d',
    setHeaders: (res, path) => {
      if (path.endsWith('.js')) res.type('text/javascript; charset=utf-8');
    },
  });
  router.use(`/${pkg.version}`, (req, res, next) => (SERVABLE.test(req.path) ? files(req, res, next) : next()));
  return router;
}
