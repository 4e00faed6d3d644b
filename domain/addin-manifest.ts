/**
 * manifest.xml is committed with the default origin; a service on another origin serves it with its
 * own (GET /addin/manifest.xml). Pure string code, shared by the service and the tests: the caller
 * reads the file.
 */
export const DEFAULT_ORIGIN = 'https://localhost:8443';

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A DNS name (ASCII: an internationalised name in its xn-- form), an IPv4 or a bracketed IPv6 address. */
const HOST_PORT = new RegExp(`^(${LABEL}(?:\\.${LABEL})*|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?$`, 'i');

/**
 * `https://host[:port]` in canonical form (host lower-cased, no trailing slash, no :443), or an
 * Error saying what is wrong. Office loads add-ins over HTTPS only.
 */
export function parseOrigin(origin: string): string {
  const m = SCHEME.exec(origin.trim());
  if (!m) throw new Error(`not an origin: ${origin}`);
  if (m[1]!.toLowerCase() !== 'https') throw new Error(`an add-in origin must be https: ${origin}`);
  const rest = m[2]!.replace(/\/$/, '');
  if (/[/?#@\\]/.test(rest)) throw new Error(`an origin has no path, query or credentials: ${origin}`);
  const hp = HOST_PORT.exec(rest);
  if (!hp) throw new Error(`not an origin: ${origin}`);
  const port = hp[2] === undefined ? undefined : Number(hp[2]);
  if (port !== undefined && (port < 1 || port > 65535)) throw new Error(`not an origin: ${origin}`);
  const host = hp[1]!.toLowerCase();
  return port === undefined || port === 443 ? `https://${host}` : `https://${host}:${port}`;
}

/** The manifest with every URL on `origin` (`https://host[:port]`, no path). */
export function renderManifest(template: string, origin: string): string {
  return template.split(DEFAULT_ORIGIN).join(escapeXml(parseOrigin(origin)));
}
