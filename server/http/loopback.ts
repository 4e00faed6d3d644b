/** This machine's own names, as a URL's hostname gives them: the only hosts trusted over plain HTTP. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export const isLoopbackName = (hostname: string): boolean => LOOPBACK_NAMES.has(hostname.toLowerCase());
