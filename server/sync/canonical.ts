/**
 * Stable forms of what a part carries, so that equal content hashes equally: `stableJson` for a
 * request body (object keys sorted), `canonicalData` for a row's values (the same string as the
 * domain's `canonicalJson`, which the row hash is made of and the service stores).
 */
import { hash } from 'node:crypto';
import { SYNC_FIELDS } from '../../domain/sync/fields.js';
import type { SyncRowValues } from '../../domain/sync/protocol.js';
import { canonicalJson } from '../../domain/sync/sync-row.js';

export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(obj).sort()) {
    if (obj[k] !== undefined) parts.push(`${JSON.stringify(k)}:${stableJson(obj[k])}`);
  }
  return `{${parts.join(',')}}`;
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

const FIELD_ORDER = new Map<string, number>(SYNC_FIELDS.map((f, i) => [f, i]));

/**
 * `canonicalJson(values)`, faster: values whose keys already come in SYNC_FIELDS order (as the
 * pane sends them and as they are staged) serialise to exactly that string with one
 * `JSON.stringify`; anything else (another order, an unknown key, an undefined value) takes the
 * domain's function.
 */
export function canonicalData(values: SyncRowValues): string {
  let last = -1;
  for (const k in values) {
    const i = FIELD_ORDER.get(k);
    if (i === undefined || i <= last || values[k as keyof SyncRowValues] === undefined) return canonicalJson(values);
    last = i;
  }
  return JSON.stringify(values);
}
