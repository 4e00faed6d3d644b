/** Why a file could not be read, each as one Japanese sentence for a clerk. */

export type ReadErrorCode = 'not-found' | 'unreadable' | 'encrypted' | 'empty' | 'no-such-sheet' | 'unsupported-type';

export interface ReadFailure {
  ok: false;
  code: ReadErrorCode;
  message: string;
}

export function failure(code: ReadErrorCode, message: string): ReadFailure {
  return { ok: false, code, message };
}

export const msg = {
  notFound: (f: string) => `ファイル「${f}」が見つかりません。場所と名前を確認してください。`,
  isDirectory: (f: string) => `「${f}」はフォルダです。読み込むファイルを指定してください。`,
  noPermission: (f: string) => `ファイル「${f}」を開く権限がありません。`,
  emptyFile: (f: string) => `ファイル「${f}」は空です（0バイト）。`,
  emptySheet: (f: string, sheet: string) => `ファイル「${f}」のシート「${sheet}」にはデータがありません。`,
  corrupt: (f: string) => `ファイル「${f}」は壊れているか Excel（.xlsx）の形式ではないため、読めません。`,
  notWorkbook: (f: string) => `ファイル「${f}」は ZIP 形式ですが Excel のブックではないため、読めません。`,
  encrypted: (f: string) =>
    `ファイル「${f}」はパスワードで保護されているため読めません。Excel で保護を解除して保存し直してください。`,
  xls: (f: string) =>
    `ファイル「${f}」は古い Excel 形式（.xls）のため読めません。Excel で開き、「.xlsx」形式で保存し直してください。`,
  oleOther: (f: string) =>
    `ファイル「${f}」は Excel（.xlsx）でも CSV でもないため読めません（古い .xls 形式なら、.xlsx で保存し直してください）。`,
  unsupported: (f: string, ext: string) =>
    `「${ext || '拡張子なし'}」のファイル「${f}」は読めません。Excel（.xlsx）または CSV（.csv）のファイルを指定してください。`,
  noSuchSheet: (f: string, sheet: string, names: string[]) =>
    `ファイル「${f}」にシート「${sheet}」がありません（あるシート: ${names.map((n) => `「${n}」`).join('、') || 'なし'}）。`,
  csvMalformed: (f: string, line: number | null) =>
    line === null
      ? `CSV ファイル「${f}」の形式が正しくないため、読めません。`
      : `CSV ファイル「${f}」の${line}行目付近の形式が正しくない（引用符 " の閉じ忘れなど）ため、読めません。`,
  csvEncoding: (f: string) =>
    `CSV ファイル「${f}」の文字コードを判別できません。UTF-8 または Shift_JIS で保存し直してください。`,
  binary: (f: string) => `ファイル「${f}」は文字のファイル（CSV）ではないため、読めません。`,
  ioError: (f: string) => `ファイル「${f}」を読み込めませんでした。`,
};
