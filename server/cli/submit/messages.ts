/**
 * What `saiken submit` says, in Japanese and (with `--lang en`) English. Messages name rows, columns
 * and fields, never a cell's value.
 */
import type { Locale } from '../../../domain/engine/types.js';

export interface SendCounts {
  added: number;
  changed: number;
  deleted: number;
  unchanged: number;
}

export interface SubmitMessages {
  noToken: string;
  tokenFile: (path: string, code: string) => string;
  tokenFileOpen: (path: string) => string;
  noServer: string;
  noLedger: string;
  sending: string;
  badLedgerId: (id: string) => string;
  ledgerMismatch: (inFile: string, given: string) => string;
  noClaimType: string;
  badPartRows: string;
  myNumberColumns: (columns: string) => string;
  mappingUnreadable: (path: string, code: string) => string;
  mappingInvalid: (path: string) => string;
  headerMoved: (path: string, expected: string, found: string | null) => string;
  headerChanged: (path: string, columns: string) => string;
  columnChange: (letter: string, expected: string, found: string) => string;
  badLedgerName: (name: string) => string;
  valueProblems: (places: string) => string;
  myNumberText: (places: string) => string;
  personalText: (places: string) => string;
  row: (row: number, label: string) => string;
  more: (n: number) => string;
  unreachable: (detail: string) => string;
  unauthorized: string;
  forbidden: string;
  refused: (message: string) => string;
  serverError: (status: number) => string;
  unexpected: string;
  catchUp: string;
  kept: string;
  stateUnusable: (path: string, code: string) => string;
  resuming: string;
  caughtUp: string;
  sent: (ledgerId: string, revision: number) => string;
  nothingToSend: (ledgerId: string, revision: number) => string;
  counts: (c: SendCounts) => string;
  findings: (e: number, w: number, i: number) => string;
}

const ja: SubmitMessages = {
  noToken:
    'アクセストークンを指定してください（環境変数 SAIKEN_TOKEN か、自分だけが読めるファイルを --token-file で）。',
  tokenFile: (path, code) => `トークンのファイル「${path}」を読めません（${code}）。`,
  tokenFileOpen: (path) =>
    `注意: トークンのファイル「${path}」はほかのユーザーも読めます。chmod 600 で自分だけが読めるようにしてください。\n`,
  noServer: '--server か環境変数 SAIKEN_SERVER でサービスの URL を指定してください。',
  sending: '送信',
  noLedger: '--ledger で台帳IDを指定してください（英数字・「_」「-」の8～64文字）。',
  badLedgerId: (id) => `台帳ID「${id}」が正しくありません（英数字・「_」「-」の8～64文字）。`,
  ledgerMismatch: (inFile, given) =>
    `マッピングファイルの台帳ID（${inFile}）と --ledger（${given}）が違います。別の台帳に送ると、その台帳の行が置き換わります。正しい組み合わせを指定してください。`,
  noClaimType: '--claim-type で債権名を指定してください（例: --claim-type 保育料）。',
  badPartRows: '--part-rows は 1～20000 の整数で指定してください。',
  myNumberColumns: (columns) =>
    `マイナンバー（個人番号）の列（${columns}）があるため、何も送信していません。この列を除いたファイルを書き出してから送ってください。`,
  mappingUnreadable: (path, code) => `マッピングファイル「${path}」を読めません（${code}）。`,
  mappingInvalid: (path) =>
    `マッピングファイル「${path}」の形式が正しくありません（アドインが台帳に保存する、列の対応を確定したときの JSON を指定してください）。`,
  headerMoved: (path, expected, found) =>
    `ファイルの見出し行がマッピングファイル「${path}」と合いません（マッピングでは ${expected} 行目、ファイルでは ${found === null ? '見つかりません' : `${found} 行目`}）。書き出しの形式が変わっていないか確かめ、必要ならマッピングを作り直してください。何も送信していません。`,
  headerChanged: (path, columns) =>
    `ファイルの見出しがマッピングファイル「${path}」と合いません: ${columns}。書き出しの形式が変わっていないか確かめ、必要ならマッピングを作り直してください。何も送信していません。`,
  badLedgerName: (name) =>
    `台帳名「${name}」は送れません（制御文字や見えない文字を含むか、100文字を超えます）。--name で台帳名を指定するか、ファイル名かシート名を変えてください。`,
  valueProblems: (places) =>
    `サービスが受け付けない値があります（${places}）。ファイルの該当セルを直してから送ってください。何も送信していません。`,
  myNumberText: (places) =>
    `マイナンバー（個人番号）のような数字があります（${places}）。送信できません。何も送信していません。`,
  personalText: (places) =>
    `個人情報（氏名・住所・電話番号など）のように見える文字があります（${places}）。ファイルを直してから送ってください。何も送信していません。`,
  columnChange: (letter, expected, found) => `${letter}列「${expected}」→「${found}」`,
  row: (row, label) => `${row} 行目の${label}`,
  more: (n) => ` ほか ${n} 件`,
  unreachable: (detail) => detail,
  unauthorized: 'トークンが無効か、取り消されています。サービスの管理者に新しいトークンを発行してもらってください。',
  forbidden:
    'このトークンでは台帳を送信できません。台帳を送れるのは課（division）のトークンだけです。課のトークンを指定してください。',
  refused: (message) => `サービスが送信を受け付けませんでした: ${message}`,
  serverError: (status) => `サービスがエラーを返しました（HTTP ${status}）。`,
  unexpected: 'サービスの応答を読み取れませんでした。',
  catchUp:
    '台帳がほかの送信で更新され続けたため、送信を中止しました。しばらくしてから同じコマンドをもう一度実行してください。',
  kept: '受け付けられていない送信はこのマシンに残してあります。同じコマンドをもう一度実行すると、続きから送ります（二重には数えられません）。',
  stateUnusable: (path, code) => `送信の状態を保存するファイル「${path}」を使えません（${code}）。`,
  resuming: '前回受け付けられなかった送信を、同じ送信IDで続きから送ります。\n',
  caughtUp: '台帳がほかの送信で更新されていたため、最新の状態との差分を送り直しました。\n',
  sent: (ledgerId, revision) => `台帳 ${ledgerId} を送信しました（リビジョン ${revision}）`,
  nothingToSend: (ledgerId, revision) => `台帳 ${ledgerId} に送る変更はありません（リビジョン ${revision}）`,
  counts: (c) => `  追加: ${c.added} 行、変更: ${c.changed} 行、削除: ${c.deleted} 行、変更なし: ${c.unchanged} 行`,
  findings: (e, w, i) => `  指摘: エラー ${e} 件、警告 ${w} 件、情報 ${i} 件`,
};

const en: SubmitMessages = {
  noToken:
    'Give an access token (the SAIKEN_TOKEN environment variable, or a file only you can read with --token-file).',
  tokenFile: (path, code) => `Cannot read the token file "${path}" (${code}).`,
  tokenFileOpen: (path) =>
    `Warning: the token file "${path}" can be read by other users. Make it readable by you alone (chmod 600).\n`,
  noServer: 'Give the service’s URL with --server or the SAIKEN_SERVER environment variable.',
  sending: 'Sending',
  noLedger: 'Give the ledger id with --ledger (8 to 64 letters, digits, "_" and "-").',
  badLedgerId: (id) => `The ledger id "${id}" is not valid (8 to 64 letters, digits, "_" and "-").`,
  ledgerMismatch: (inFile, given) =>
    `The mapping file's ledger id (${inFile}) differs from --ledger (${given}). Sending to another ledger replaces its rows: give the right pair.`,
  noClaimType: 'Give the claim type with --claim-type (for example --claim-type 保育料).',
  badPartRows: '--part-rows must be a whole number from 1 to 20000.',
  myNumberColumns: (columns) =>
    `The file has a My Number (個人番号) column (${columns}): nothing was sent. Export the file without it, then send.`,
  mappingUnreadable: (path, code) => `Cannot read the mapping file "${path}" (${code}).`,
  mappingInvalid: (path) =>
    `The mapping file "${path}" is not in the expected form (the JSON the add-in keeps for a confirmed column mapping).`,
  headerMoved: (path, expected, found) =>
    `The file's header row does not match the mapping file "${path}" (row ${expected} in the mapping, ${found === null ? 'none found' : `row ${found}`} in the file). Check whether the export's layout changed; make the mapping again if it did. Nothing was sent.`,
  headerChanged: (path, columns) =>
    `The file's headers do not match the mapping file "${path}": ${columns}. Check whether the export's layout changed; make the mapping again if it did. Nothing was sent.`,
  badLedgerName: (name) =>
    `The ledger name "${name}" cannot be sent (control or invisible characters, or over 100 characters). Give a name with --name, or rename the file or sheet.`,
  valueProblems: (places) =>
    `Some values cannot be accepted by the service (${places}). Fix those cells, then send. Nothing was sent.`,
  myNumberText: (places) => `A number that looks like a My Number (${places}) can never be sent. Nothing was sent.`,
  personalText: (places) =>
    `Some text looks like personal data (a name, address or phone number: ${places}). Fix the file, then send. Nothing was sent.`,
  columnChange: (letter, expected, found) => `column ${letter} "${expected}" → "${found}"`,
  row: (row, label) => `row ${row}, ${label}`,
  more: (n) => ` and ${n} more`,
  unreachable: (detail) => `Could not reach the service: ${detail}`,
  unauthorized: 'The token is unknown or revoked. Ask the service administrator for a new one.',
  forbidden: 'This token cannot send ledgers: only a division token can. Give a division token.',
  refused: (message) => `The service refused the submission: ${message}`,
  serverError: (status) => `The service answered with an error (HTTP ${status}).`,
  unexpected: 'The service’s answer could not be read.',
  catchUp: 'The ledger kept changing through other submissions, so sending stopped. Run the same command again later.',
  kept: 'The unacknowledged submission is kept on this machine. Run the same command again to resume it (it is counted once).',
  stateUnusable: (path, code) => `Cannot use the file that keeps the sending state, "${path}" (${code}).`,
  resuming: 'Resuming the submission that was not acknowledged last time, with the same submission id.\n',
  caughtUp: 'The ledger had changed through another submission: the difference from its latest state was sent.\n',
  sent: (ledgerId, revision) => `Sent ledger ${ledgerId} (revision ${revision})`,
  nothingToSend: (ledgerId, revision) => `Nothing to send for ledger ${ledgerId} (revision ${revision})`,
  counts: (c) => `  added: ${c.added} rows, changed: ${c.changed}, deleted: ${c.deleted}, unchanged: ${c.unchanged}`,
  findings: (e, w, i) => `  findings: ${e} errors, ${w} warnings, ${i} info`,
};

export const submitMessages = (locale: Locale): SubmitMessages => (locale === 'en' ? en : ja);
