/**
 * A whole database moved to another place or engine (`saiken db copy`), typically a SQLite file
 * to a new PostgreSQL database, or back. Both are at the latest schema before this runs (the
 * command migrates them). The source is read in one snapshot (`openSnapshot`), so a service still
 * writing to it cannot make the copy disagree with itself; the target must be empty and is written
 * in ONE transaction: every table in foreign-key order, in pages (keyset on the primary key, never
 * a whole table in memory), ids kept, PostgreSQL's identity sequences moved past the copied ids,
 * and then verified against the source before the commit: a failure or a mismatch leaves the
 * target as empty as it was.
 *
 * Every value is read as text (`CAST(x AS TEXT)`) and written back as text, which each engine
 * turns into the column's type: BIGINT amounts never pass through a JavaScript number, JSON text
 * stays byte for byte, and NULL stays NULL.
 *
 * The schema is read from the databases through each engine's catalogue (tables, columns, primary
 * keys, foreign keys: `Db.catalog`); only the
 * order is a list here, checked against the schema on every copy (and by a test), so a table added
 * by a migration and not listed stops the copy instead of being left behind.
 */
import type { Db, Queryable, SqlValue, TableShape } from './db.js';
import { openSnapshot } from './open.js';

/** Every table of the schema, each after the tables its foreign keys point to. */
export const COPY_ORDER: readonly string[] = [
  'settings',
  'bureaus',
  'divisions',
  'claims',
  'tokens',
  'ledgers',
  'ledger_rows',
  'ledger_finding_counts',
  'ledger_status',
  'ledger_status_classes',
  'submissions',
  'submission_parts',
  'plans',
  'plan_history',
  'plan_reviews',
  'proposals',
  'proposal_history',
  'hard_cases',
  'settlements',
  'settled_claim_figures',
  'audit_log',
  'auth_failures',
];

/** Rows read (and then written) at a time. */
const PAGE_ROWS = 1000;
/** Where a page of PAGE_ROWS could hold too much text at once: a staged part's body may be 16 MB. */
const TABLE_PAGE_ROWS: Record<string, number> = { submission_parts: 4 };
/** Placeholders in one INSERT (SQLite allows 32766, PostgreSQL 65535). */
const MAX_PARAMS = 10_000;

/** A copy that cannot be made or did not verify: the message is one Japanese sentence. */
export class CopyError extends Error {}

export interface CopyProgress {
  table: string;
  /** Rows copied so far, over every table. */
  done: number;
  total: number;
}

export interface CopyOptions {
  /**
   * After each page is written, inside the target's transaction (progress; tests act on `tx` to
   * make a copy fail midway or disagree with its source).
   */
  onPage?: (p: CopyProgress, tx: Queryable) => void | Promise<void>;
  /** Rows per page instead of the defaults (tests use a few, so every key crosses many pages). */
  pageRows?: number;
}

export interface CopySummary {
  tables: { name: string; rows: number }[];
  rows: number;
  /** Ledgers whose totals and rows were compared with the source's. */
  ledgers: number;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The source's tables in copy order, checked: every table listed and present on both sides, each
 * after the tables it refers to, the same columns on both sides, a primary key to page on.
 */
async function plan(src: Queryable, source: Db, dst: Queryable, target: Db): Promise<TableShape[]> {
  const listed = new Set(COPY_ORDER);
  for (const [q, db, side] of [
    [src, source, 'コピー元'],
    [dst, target, 'コピー先'],
  ] as const) {
    const tables = await db.catalog.tables(q);
    const unlisted = tables.filter((t) => !listed.has(t));
    if (unlisted.length > 0) {
      throw new CopyError(
        `${side}（${db.location}）の表 ${unlisted.join('、')} はこの saiken がコピーする表にありません。saiken を新しくするか、表を確認してください。`,
      );
    }
    const missing = COPY_ORDER.filter((t) => !tables.includes(t));
    if (missing.length > 0) {
      throw new CopyError(`${side}（${db.location}）に表 ${missing.join('、')} がありません。`);
    }
  }
  const shapes: TableShape[] = [];
  const before = new Set<string>();
  for (const name of COPY_ORDER) {
    const shape = await source.catalog.shape(src, name);
    const other = await target.catalog.shape(dst, name);
    const same = shape.columns.length === other.columns.length && shape.columns.every((c) => other.columns.includes(c));
    if (!same)
      throw new CopyError(
        `表 ${name} の列がコピー元とコピー先で違います。どちらも同じ版の saiken で更新してください。`,
      );
    if (shape.key.length === 0) throw new CopyError(`表 ${name} に主キーがないため、コピーできません。`);
    const refs = await source.catalog.references(src, name);
    const later = refs.filter((r) => !before.has(r));
    if (later.length > 0) {
      throw new CopyError(
        `表 ${name} が参照する表 ${later.join('、')} のコピーが後になっています（saiken の不具合です）。`,
      );
    }
    before.add(name);
    shapes.push(shape);
  }
  return shapes;
}

async function countRows(q: Queryable, table: string): Promise<number> {
  const r = await q.get<{ n: string }>(`SELECT CAST(COUNT(*) AS TEXT) AS n FROM ${ident(table)}`);
  return Number(r?.n ?? 0);
}

/** A row's values as text, in the table's column order. */
type Row = (string | null)[];

/**
 * One page of a table in key order, after the key `after` (null: from the start), every value as
 * text. The values are named by position: under their own names, ORDER BY would sort the text
 * (`10` before `9`) instead of the key, and could not use the key's index.
 */
async function readPage(q: Queryable, t: TableShape, after: SqlValue[] | null, limit: number): Promise<Row[]> {
  const cols = t.columns.map((c, i) => `CAST(${ident(c)} AS TEXT) AS c${i}`).join(', ');
  const keys = t.key.map(ident);
  let where = '';
  if (after) {
    where =
      keys.length === 1 ? ` WHERE ${keys[0]} > ?` : ` WHERE (${keys.join(', ')}) > (${keys.map(() => '?').join(', ')})`;
  }
  const rows = await q.all<Record<string, string | null>>(
    `SELECT ${cols} FROM ${ident(t.name)}${where} ORDER BY ${keys.join(', ')} LIMIT ?`,
    [...(after ?? []), limit],
  );
  return rows.map((r) => t.columns.map((_, i) => r[`c${i}`] ?? null));
}

async function writeRows(tx: Queryable, t: TableShape, rows: readonly Row[]): Promise<void> {
  const perInsert = Math.max(1, Math.floor(MAX_PARAMS / t.columns.length));
  const cols = t.columns.map(ident).join(', ');
  const tuple = `(${t.columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perInsert) {
    const chunk = rows.slice(i, i + perInsert);
    await tx.run(`INSERT INTO ${ident(t.name)} (${cols}) VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
  }
}

/**
 * Copies one table page by page; the next page is read from the source while the current one is
 * written to the target.
 */
async function copyTable(
  src: Queryable,
  tx: Queryable,
  t: TableShape,
  limit: number,
  progress: (rows: number) => Promise<void>,
): Promise<number> {
  const at = t.key.map((k) => t.columns.indexOf(k));
  const keyOf = (r: Row) => at.map((i) => r[i] ?? null);
  let copied = 0;
  let page = await readPage(src, t, null, limit);
  while (page.length > 0) {
    const last = page[page.length - 1]!;
    const next: Promise<Row[]> = page.length < limit ? Promise.resolve([]) : readPage(src, t, keyOf(last), limit);
    next.catch(() => undefined); // awaited below; a write that fails first must not leave it unhandled
    await writeRows(tx, t, page);
    copied += page.length;
    await progress(page.length);
    page = await next;
  }
  return copied;
}

/** What is compared for each ledger: its stored totals, and the count and sums of its rows. */
const LEDGER_FIGURES = [
  'revision',
  'row_count',
  'assessed',
  'paid',
  'outstanding',
  'current_outstanding',
  'current_assessed',
  'current_paid',
  'arrears_outstanding',
  'arrears_assessed',
  'arrears_paid',
  'unreadable_rows',
] as const;
const ROW_FIGURES = ['row_total', 'live_rows', 'row_revisions', 'sheet_rows', 'data_chars'] as const;

type LedgerFigures = Record<(typeof LEDGER_FIGURES)[number] | (typeof ROW_FIGURES)[number], string | null> & {
  id: string;
};

/** Every ledger's figures, as text (BIGINT sums stay exact). */
async function ledgerFigures(q: Queryable): Promise<Map<string, LedgerFigures>> {
  const own = LEDGER_FIGURES.map((c) => `CAST(l.${c} AS TEXT) AS ${c}`).join(', ');
  const rows = await q.all<LedgerFigures>(
    `SELECT l.id AS id, ${own},
            CAST(COALESCE(r.n, 0) AS TEXT) AS row_total, CAST(COALESCE(r.live, 0) AS TEXT) AS live_rows,
            CAST(r.revisions AS TEXT) AS row_revisions, CAST(r.sheet_rows AS TEXT) AS sheet_rows,
            CAST(r.chars AS TEXT) AS data_chars
       FROM ledgers l
       LEFT JOIN (SELECT ledger_id, COUNT(*) AS n, SUM(CASE WHEN deleted = 0 THEN 1 ELSE 0 END) AS live,
                         SUM(revision) AS revisions, SUM(sheet_row) AS sheet_rows, SUM(LENGTH(data)) AS chars
                    FROM ledger_rows GROUP BY ledger_id) r ON r.ledger_id = l.id`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Where the copy disagrees with its source (empty: it agrees). */
async function verify(
  src: Queryable,
  tx: Queryable,
  counts: ReadonlyMap<string, number>,
  copied: ReadonlyMap<string, number>,
): Promise<{ problems: string[]; ledgers: number }> {
  const problems: string[] = [];
  for (const [table, n] of counts) {
    const there = await countRows(tx, table);
    if (there !== n || copied.get(table) !== n) {
      problems.push(`表 ${table} の行数（コピー元 ${n}、コピー先 ${there}）`);
    }
  }
  const mine = await ledgerFigures(src);
  const theirs = await ledgerFigures(tx);
  for (const [id, a] of mine) {
    const b = theirs.get(id);
    if (!b) {
      problems.push(`台帳 ${id} がコピー先にありません`);
      continue;
    }
    for (const f of [...LEDGER_FIGURES, ...ROW_FIGURES]) {
      if (a[f] !== b[f]) problems.push(`台帳 ${id} の ${f}（コピー元 ${a[f] ?? 'NULL'}、コピー先 ${b[f] ?? 'NULL'}）`);
    }
  }
  for (const id of theirs.keys()) if (!mine.has(id)) problems.push(`台帳 ${id} はコピー元にありません`);
  return { problems, ledgers: mine.size };
}

/**
 * Copies every row of `source` into the empty `target` (both migrated to the same schema version)
 * and verifies the copy, all in one transaction of the target.
 */
export async function copyDatabase(source: Db, target: Db, o: CopyOptions = {}): Promise<CopySummary> {
  const [from, to] = [await source.schema.version(), await target.schema.version()];
  if (from !== to) {
    throw new CopyError(
      `コピー元（形式 ${from}）とコピー先（形式 ${to}）の形式が違います。両方を最新の形式にしてください。`,
    );
  }
  const snapshot = await openSnapshot(source.connectTo);
  try {
    const src = snapshot.q;
    return await target.transaction(async (tx) => {
      const shapes = await plan(src, source, tx, target);
      for (const t of shapes) {
        if (await tx.get(`SELECT 1 AS x FROM ${ident(t.name)} LIMIT 1`)) {
          throw new CopyError(
            `コピー先（${target.location}）の表 ${t.name} にすでに行があります。空のデータベースを指定してください（コピー先は変えていません）。`,
          );
        }
      }
      const counts = new Map<string, number>();
      for (const t of shapes) counts.set(t.name, await countRows(src, t.name));
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      const copied = new Map<string, number>();
      let done = 0;
      for (const t of shapes) {
        const limit = o.pageRows ?? TABLE_PAGE_ROWS[t.name] ?? PAGE_ROWS;
        const n = await copyTable(src, tx, t, limit, async (rows) => {
          done += rows;
          await o.onPage?.({ table: t.name, done, total }, tx);
        });
        copied.set(t.name, n);
      }
      await target.catalog.keysWritten(tx, shapes);
      const checked = await verify(src, tx, counts, copied);
      if (checked.problems.length > 0) {
        const more = checked.problems.length > 3 ? `ほか ${checked.problems.length - 3} 件` : '';
        throw new CopyError(
          `コピーを検証したところ、コピー元と食い違いました: ${checked.problems.slice(0, 3).join('、')}${more}。コピー先への書き込みは取り消しました。`,
        );
      }
      return {
        tables: shapes.map((t) => ({ name: t.name, rows: copied.get(t.name) ?? 0 })),
        rows: done,
        ledgers: checked.ledgers,
      };
    });
  } finally {
    await snapshot.close();
  }
}
