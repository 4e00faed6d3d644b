/**
 * What `saiken submit` tests send: a system's export (CSV) with personal columns, a service that
 * records every request the command line makes, and the state file it keeps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { writeCsv } from '../../../server/sample/write-csv.js';
import type { Cell } from '../../../domain/values/parsed.js';

export const AS_OF = '2025-03-31';
export const HEADER = [
  '債務者番号',
  '氏名',
  '住所',
  '電話番号',
  '年度',
  '期別',
  '調定額',
  '納期限',
  '収入済額',
  '督促状発付日',
];

/** Personal text in the export: none of it may leave. */
export const nameOf = (i: number) => `山田 花子${i}`;
export const addressOf = (i: number) => `札幌市中央区北一条西${i}丁目`;
export const phoneOf = (i: number) => `011-555-${String(1000 + i)}`;
export const debtorOf = (i: number) => `K${String(880000 + i)}`;

export interface ExportRow {
  i: number;
  assessed: number;
  paid: number;
}

/** Paid in full or not at all (then with a 督促): no error finding. */
export function exportRows(n: number, from = 0): ExportRow[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const assessed = 12_000 + i * 100;
    return { i, assessed, paid: i % 3 === 0 ? assessed : 0 };
  });
}

export function gridOf(rows: readonly ExportRow[], header: readonly string[] = HEADER): Cell[][] {
  return [
    [...header],
    ...rows.map((r) => [
      debtorOf(r.i),
      nameOf(r.i),
      addressOf(r.i),
      phoneOf(r.i),
      2024,
      `${(r.i % 4) + 1}期`,
      r.assessed,
      '2024/5/31',
      r.paid,
      r.paid === 0 ? '2024/6/20' : null,
    ]),
  ];
}

export async function writeExport(
  path: string,
  rows: readonly ExportRow[],
  header?: readonly string[],
): Promise<string> {
  await writeCsv(path, gridOf(rows, header), 'utf-8-bom');
  return path;
}

export interface Recorded {
  method: string;
  url: string;
  body: string;
}

/**
 * Records every request made through fetch; `interfere` may answer instead of the service (a
 * refusal), or throw (no connection), by the request's position among the submission posts.
 */
export function recordRequests(interfere?: (post: number, send: () => Promise<Response>) => Promise<Response>): {
  requests: Recorded[];
  posts: () => Recorded[];
  restore: () => void;
} {
  const real = globalThis.fetch.bind(globalThis);
  const requests: Recorded[] = [];
  let post = 0;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const body = init?.body ? Buffer.from(init.body as Uint8Array).toString('utf8') : '';
    requests.push({ method: init?.method ?? 'GET', url, body });
    const send = () => real(input, init);
    if (url.includes('/submissions') && interfere) return interfere(post++, send);
    return send();
  });
  return {
    requests,
    posts: () => requests.filter((r) => r.url.includes('/submissions')),
    restore: () => spy.mockRestore(),
  };
}

/** Every state file's text in the state directory. */
export function stateTexts(dir: string): string[] {
  try {
    return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
  } catch {
    return [];
  }
}
