/**
 * manifest.xml is committed with the default origin; a service on another origin serves it with its
 * own. Pure: the caller reads the file.
 */
export const DEFAULT_ORIGIN = 'https://localhost:8443';

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The manifest with every URL on `origin` (`https://host[:port]`, no path): Office loads add-ins over HTTPS only. */
export function renderManifest(template: string, origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`not an origin: ${origin}`);
  }
  if (url.protocol !== 'https:') throw new Error(`an add-in origin must be https: ${origin}`);
  if (url.origin !== origin.replace(/\/$/, ''))
    throw new Error(`an origin has no path, query or credentials: ${origin}`);
  return template.split(DEFAULT_ORIGIN).join(escapeXml(url.origin));
}
