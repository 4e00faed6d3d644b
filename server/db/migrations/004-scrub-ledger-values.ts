/**
 * Earlier panes sent the text of a cell they could not read (a 最終交渉日 of 「3/1 山田様と電話」)
 * and the service took any string in any field. This step leaves only what the protocol now takes
 * (`domain/sync/values.ts`) in stored rows, staged parts and ledger names:
 *
 * - A value that is not of its field's type is read as the pane's engine reads a cell: readable,
 *   it becomes its canonical value (`2024/4/1` → `2024-04-01`); unreadable, it becomes the marker
 *   `{ "unreadable": reason }` with the reason the engine gives (so the service still finds the same
 *   INVALID_* finding); anything still refused becomes `{ "unreadable": "unreadable" }`.
 * - A text value (債権名, 期別, 欠損理由, 所得階層) that the personal-text detector flags is cleared
 *   (null): SQL cannot run the detector, and no one confirmed these. The pane's next 送信 sends the
 *   row again and asks the clerk about the text, as for any new text.
 * - A ledger name the detector flags becomes `台帳 <id>` (the next applied submission names it again).
 *
 * Scrubbed rows get the hash of their new values (`row_hash`), so their hashes change: the pane
 * sees a difference and re-sends those rows once. Revisions are not bumped. The copy taken before
 * the upgrade (`*.bak`) still holds the old values: delete it once the upgrade is verified.
 */
import { createHash } from 'node:crypto';
import type { ReadField } from '../../../domain/engine/ledger-row.js';
import { fieldDef } from '../../../domain/fields/catalogue.js';
import { DetectorCache } from '../../../domain/sync/personal-scan.js';
import { HASHED_FIELDS, SYNC_FIELDS } from '../../../domain/sync/fields.js';
import type { SyncRowValues, SyncValue } from '../../../domain/sync/protocol.js';
import { canonicalJson } from '../../../domain/sync/sync-row.js';
import { TEXT_FIELDS, valueSchema, type UnreadableCode } from '../../../domain/sync/values.js';
import { formatISO } from '../../../domain/calendar/day.js';
import { parseFieldOf } from '../../../domain/values/index.js';
import type { Queryable } from '../db.js';
import type { DataMigration } from '../migrate.js';

const BATCH = 2000;
const SYNCED = new Set<string>(SYNC_FIELDS);
const HASHED = new Set<string>(HASHED_FIELDS);
const TEXT = new Set<string>(TEXT_FIELDS);
const SCHEMA = new Map(SYNC_FIELDS.map((f) => [f, valueSchema(f)]));

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const marker = (reason: UnreadableCode): SyncValue => ({ unreadable: reason });

/** A stored value as the protocol takes it now. */
function scrubValue(field: ReadField, v: unknown, detector: DetectorCache): SyncValue {
  const schema = SCHEMA.get(field)!;
  if (schema.safeParse(v).success) {
    if (TEXT.has(field) && typeof v === 'string' && detector.find(v).length > 0) return null;
    return v as SyncValue;
  }
  // A digest field holding anything else cannot be made a digest here.
  if (HASHED.has(field)) return marker('unreadable');
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return marker('unreadable');
  const def = fieldDef(field);
  const p = parseFieldOf(def, v);
  if (!p.ok) return marker(p.reason);
  if (p.value === null) return null;
  let value: unknown = p.value;
  if (def.type === 'date') value = formatISO(p.value as number);
  if (def.type === 'yen' && typeof value === 'number' && value < 0) return marker('negative');
  if (!schema.safeParse(value).success) return marker(def.type === 'text' ? 'unreadable' : 'out-of-range');
  if (TEXT.has(field) && typeof value === 'string' && detector.find(value).length > 0) return null;
  return value as SyncValue;
}

/** The row's values as the protocol takes them now (unknown fields dropped), or null when unchanged. */
export function scrubValues(values: unknown, detector: DetectorCache): SyncRowValues | null {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return {};
  const out: Record<string, SyncValue> = {};
  let changed = false;
  for (const [k, v] of Object.entries(values)) {
    if (!SYNCED.has(k)) {
      changed = true;
      continue;
    }
    const s = scrubValue(k as ReadField, v, detector);
    if (s !== v) changed = true;
    out[k] = s;
  }
  return changed ? (out as SyncRowValues) : null;
}

/** Pages in primary-key order (portable: no rowid), each row updated by its key. */
async function scrubRows(tx: Queryable, detector: DetectorCache): Promise<void> {
  for (let after: [string, string] = ['', '']; ;) {
    const rows = await tx.all<{ ledger_id: string; row_key: string; data: string }>(
      `SELECT ledger_id, row_key, data FROM ledger_rows
        WHERE (ledger_id > ? OR (ledger_id = ? AND row_key > ?)) AND deleted = 0
        ORDER BY ledger_id, row_key LIMIT ?`,
      [after[0], after[0], after[1], BATCH],
    );
    if (rows.length === 0) return;
    for (const r of rows) {
      const values = scrubValues(JSON.parse(r.data), detector);
      if (values === null) continue;
      const data = canonicalJson(values);
      await tx.run('UPDATE ledger_rows SET data = ?, row_hash = ? WHERE ledger_id = ? AND row_key = ?', [
        data,
        sha256(data),
        r.ledger_id,
        r.row_key,
      ]);
    }
    const last = rows[rows.length - 1]!;
    after = [last.ledger_id, last.row_key];
  }
}

type CompactRow = [string, string, number, unknown];

/** A staged body in either form (`server/sync/staged.ts`), scrubbed; null when unchanged. */
function scrubBody(body: string, detector: DetectorCache): string | null {
  const parsed = JSON.parse(body) as unknown;
  let changed = false;
  const fix = (values: unknown): [SyncRowValues, string] | null => {
    const v = scrubValues(values, detector);
    if (v === null) return null;
    changed = true;
    const data = canonicalJson(v);
    return [v, sha256(data)];
  };
  if (Array.isArray(parsed)) {
    // Compact: [2, [[key, hash, row, values], …], deletions]; values embedded as canonical JSON.
    const rows = parsed[1] as CompactRow[];
    const out = rows.map((r): string => {
      const f = fix(r[3]);
      const values = f ? canonicalJson(f[0]) : canonicalJson(r[3] as SyncRowValues);
      return `[${JSON.stringify(r[0])},${JSON.stringify(f ? f[1] : r[1])},${r[2]},${values}]`;
    });
    return changed ? `[${String(parsed[0])},[${out.join(',')}],${JSON.stringify(parsed[2])}]` : null;
  }
  const part = parsed as { upserts?: { hash: string; values: unknown }[]; ledger?: { name?: unknown } };
  for (const u of part.upserts ?? []) {
    const f = fix(u.values);
    if (f) [u.values, u.hash] = f;
  }
  if (part.ledger && typeof part.ledger.name === 'string' && detector.find(part.ledger.name).length > 0) {
    part.ledger.name = '台帳';
    changed = true;
  }
  return changed ? JSON.stringify(part) : null;
}

async function scrubStaged(tx: Queryable, detector: DetectorCache): Promise<void> {
  for (let after: [string, number] = ['', -1]; ;) {
    const parts = await tx.all<{ submission_id: string; part_index: number; body: string }>(
      `SELECT submission_id, part_index, body FROM submission_parts
        WHERE submission_id > ? OR (submission_id = ? AND part_index > ?)
        ORDER BY submission_id, part_index LIMIT 20`,
      [after[0], after[0], after[1]],
    );
    if (parts.length === 0) return;
    for (const p of parts) {
      const body = scrubBody(p.body, detector);
      if (body !== null) {
        await tx.run('UPDATE submission_parts SET body = ? WHERE submission_id = ? AND part_index = ?', [
          body,
          p.submission_id,
          p.part_index,
        ]);
      }
    }
    const last = parts[parts.length - 1]!;
    after = [last.submission_id, last.part_index];
  }
}

async function scrubLedgerNames(tx: Queryable, detector: DetectorCache): Promise<void> {
  const ledgers = await tx.all<{ id: string; name: string }>('SELECT id, name FROM ledgers');
  for (const l of ledgers) {
    if (detector.find(l.name).length > 0) {
      await tx.run('UPDATE ledgers SET name = ? WHERE id = ?', [`台帳 ${l.id}`, l.id]);
    }
  }
}

export const scrubLedgerValues: DataMigration = {
  name: 'scrub-ledger-values',
  scrubs: true,
  async run(tx) {
    const detector = new DetectorCache();
    await scrubRows(tx, detector);
    await scrubStaged(tx, detector);
    await scrubLedgerNames(tx, detector);
  },
};
