/**
 * Request sizing for Excel on the web, which rejects a request or response over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). Sizes are estimated the way
 * they travel: JSON, UTF-8.
 */

/**
 * Chunks aim here, so that a chunk of somewhat longer rows than the last still stays under 4 MB;
 * the last 1 MB to Excel's limit absorbs estimate errors.
 */
export const TARGET_BYTES = 3_000_000;
/** First chunk of a read, before anything is known about the rows. */
const FIRST_CHUNK_ROWS = 5_000;
/**
 * Guess for the first chunk, pessimistic (~50 characters of Japanese text and a format per cell): a
 * first chunk too large fails the request, one too small costs a request or two while chunks grow.
 */
const FIRST_GUESS_BYTES_PER_CELL = 160;
/** However small the rows, a chunk reads at most this many (Excel's own per-request cell limits). */
const MAX_CHUNK_ROWS = 50_000;
/** A chunk grows at most this much over the last, so a chunk of short rows cannot overshoot far. */
const MAX_GROWTH = 4;

const PAYLOAD_ERRORS: readonly string[] = ['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded'];

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PAYLOAD_ERRORS.includes(code);
}

/** UTF-8 length of a string, without encoding it (lone surrogates count as U+FFFD: 3 bytes). */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 2 UTF-16 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? '');
}

/** Rows for the first chunk of a read `columns` wide. */
export function firstChunkRows(columns: number): number {
  const guess = Math.floor(TARGET_BYTES / (Math.max(1, columns) * FIRST_GUESS_BYTES_PER_CELL));
  return clampRows(Math.min(FIRST_CHUNK_ROWS, guess));
}

/** Rows for the next chunk, from the size of the last one: shrinks for wide or long-text rows. */
export function nextChunkRows(lastRows: number, lastBytes: number): number {
  if (lastRows <= 0 || lastBytes <= 0) return clampRows(lastRows * MAX_GROWTH);
  const perRow = lastBytes / lastRows;
  return clampRows(Math.min(Math.floor(TARGET_BYTES / perRow), lastRows * MAX_GROWTH));
}

function clampRows(n: number): number {
  return Math.min(MAX_CHUNK_ROWS, Math.max(1, Math.floor(n)));
}

/** Splits `items` into consecutive groups whose estimated bytes stay under `budget` (one item may exceed it alone). */
export function groupByBytes<T>(items: readonly T[], bytesOf: (item: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytesOf(item);
    if (group.length > 0 && size + b > budget) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(item);
    size += b;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
