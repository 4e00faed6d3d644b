/** The sync endpoints' refusals: stable codes, Japanese messages, details without row values. */
import type { ZodError } from 'zod';
import { fieldDef, FIELDS } from '../../domain/fields/catalogue.js';
import type { PersonalTextReport, TextFinding } from '../../domain/sync/personal-scan.js';
import { MAX_TEXT_VALUE } from '../../domain/sync/values.js';
import { MAX_FISCAL_YEAR, MAX_YEN_LABEL, MIN_FISCAL_YEAR } from '../../domain/values/limits.js';
import { ApiFailure } from '../../domain/api/errors.js';
import { LOOKS_PERSONAL_MESSAGE, MY_NUMBER_MESSAGE } from '../privacy/personal-text.js';

const catchUpPath = (ledgerId: string, since: number) =>
  `/api/v1/ledgers/${encodeURIComponent(ledgerId)}/rows?since=${since}`;

export const invalidLedgerId = () =>
  new ApiFailure(
    400,
    'invalid-ledger-id',
    '台帳IDが正しくありません（英数字・「_」「-」の8～64文字）。台帳を開き直してから送ってください。',
  );

export const personalField = (fields: string[]) =>
  new ApiFailure(
    422,
    'personal-field',
    `個人情報の項目（${fields.join('、')}）は送信できません。氏名・住所・電話番号・交渉経過は Excel の中だけに残し、同期の対象から外してください。`,
    { fields },
  );

export const keyNotHashed = (fields: string[]) =>
  new ApiFailure(
    422,
    'key-not-hashed',
    `${fields.join('、')} は平文では送れません。市の鍵（HMAC-SHA256）でハッシュ化した64桁の16進数で送ってください。`,
    { fields },
  );

export const rowHashMismatch = (count: number) =>
  new ApiFailure(
    400,
    'row-hash-mismatch',
    `行のハッシュ値が内容と一致しません（${count} 行）。アドインを最新にして送り直してください。`,
    { rows: count },
  );

export const duplicateKey = (count: number) =>
  new ApiFailure(
    400,
    'duplicate-key',
    `同じ行キーが一つの送信の中で二度以上現れています（${count} 件）。同じ行を重複して送らないでください。`,
    { keys: count },
  );

export const staleRevision = (ledgerId: string, currentRevision: number, baseRevision: number) =>
  new ApiFailure(
    409,
    'stale-revision',
    `台帳はほかの送信で更新されています（現在のリビジョン ${currentRevision}、送信の基準 ${baseRevision}）。差分を取得して最新の状態から新しい送信として送り直してください。`,
    { currentRevision, baseRevision, catchUp: catchUpPath(ledgerId, baseRevision) },
  );

export const submissionConflict = (reason: string) =>
  new ApiFailure(
    409,
    'submission-conflict',
    `この送信IDは別の内容で使われています（${reason}）。新しい送信IDで送り直してください。`,
  );

export const partMismatch = () =>
  new ApiFailure(
    409,
    'part-mismatch',
    '同じ送信の部分どうしで、基準リビジョン・基準日・ルールセット・台帳情報・部分数のいずれかが一致しません。',
  );

/** The HTTP status of a refusal stored with a rejected submission (replayed on retry). */
export const STORED_STATUS: Record<string, number> = { 'stale-revision': 409, 'duplicate-key': 400 };

const KNOWN = new Set<string>(FIELDS.map((f) => f.key));

/** What a field's value must be, in Japanese. */
function expectedOf(field: string): string {
  if (!KNOWN.has(field)) return '送れない項目';
  const d = fieldDef(field as Parameters<typeof fieldDef>[0]);
  if (d.sync === 'key') return '市の鍵でハッシュ化した64桁の16進数';
  switch (d.type) {
    case 'date':
      return 'YYYY-MM-DD 形式の実在する日付';
    case 'booleanOrDate':
      return 'true・false または YYYY-MM-DD 形式の日付';
    case 'yen':
      return `${MAX_YEN_LABEL} 以内の整数（円）`;
    case 'fiscalYear':
      return `${MIN_FISCAL_YEAR}～${MAX_FISCAL_YEAR} の整数（年度の西暦）`;
    case 'integer':
      return '0 以上の整数';
    case 'boolean':
      return 'true または false';
    case 'enum':
      return `次のいずれか: ${(d.options ?? []).join('、')}`;
    case 'text':
      return `${MAX_TEXT_VALUE} 文字以内の文字列`;
  }
}

const labelOf = (field: string) => (KNOWN.has(field) ? fieldDef(field as Parameters<typeof fieldDef>[0]).label : field);

/**
 * Values not of their field's type (free text in a date, an amount past the limit, …): which rows
 * and fields, and what each must be. Never the value: it may be whatever a cell held.
 */
export const invalidValues = (bad: { row: number | null; field: string }[], error: ZodError) => {
  const first = bad[0]!;
  const where = first.row === null ? '' : `${first.row} 行目の`;
  return new ApiFailure(
    400,
    'invalid-value',
    `${where}${labelOf(first.field)}は${expectedOf(first.field)}で送ってください。読めないセルは内容を送らず { "unreadable": 理由 } で送ります。アドインを最新にして送り直してください。`,
    {
      values: bad.map((b) => ({ row: b.row, field: b.field, expected: expectedOf(b.field) })),
      issues: error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), problem: i.message })),
    },
  );
};

const LEDGER_LABELS: Record<string, string> = { 'ledger.name': '台帳名', 'ledger.claimType': '台帳の債権名' };

function where(f: TextFinding): string {
  const label = LEDGER_LABELS[f.field] ?? labelOf(f.field);
  if (!f.rows?.length) return label;
  const more = (f.rowCount ?? 0) > 1 ? ` ほか ${(f.rowCount ?? 1) - 1} 行` : '';
  return `${f.rows[0]} 行目の${label}${more}`;
}

/**
 * Row texts or the ledger's name that look personal: the gate's 422 (`server/http/personal-text.ts`)
 * with the sheet rows added. `fields` lists each text as field, spans, rows; never the text.
 */
export const looksPersonalRows = (report: PersonalTextReport) => {
  const places = report.findings.slice(0, 3).map(where).join('、');
  const others = report.findings.length > 3 || report.truncated ? ' など' : '';
  return new ApiFailure(
    422,
    'looks-personal',
    `${report.confirmable ? LOOKS_PERSONAL_MESSAGE : MY_NUMBER_MESSAGE}（${places}${others}）`,
    { fields: report.findings, confirmable: report.confirmable, truncated: report.truncated },
  );
};
