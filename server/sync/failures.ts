/** The sync endpoints' refusals: stable codes, Japanese messages, details without row values. */
import { ApiFailure } from '../http/errors.js';

export const catchUpPath = (ledgerId: string, since: number) =>
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
