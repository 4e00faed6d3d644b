/**
 * What `saiken check` and `saiken worklist` both start with: read the ledger file, find its header
 * and check every row, with progress on stderr; a file that cannot be used is one Japanese line.
 */
import type { Grid, LedgerChecker } from '../../domain/engine/checker.js';
import { checkSheet } from '../../domain/engine/check.js';
import type { CheckOptions, CheckResult } from '../../domain/engine/types.js';
import { readSheetFile } from '../io/read-sheet.js';
import { CliError } from './errors.js';
import type { CliIO } from './io.js';
import { lazyProgress } from './progress.js';

export interface CheckedFile {
  sheetName: string;
  grid: Grid;
  result: CheckResult;
  checker: LedgerChecker;
}

export async function readAndCheck(
  io: CliIO,
  file: string,
  sheet: string | undefined,
  options: CheckOptions,
): Promise<CheckedFile> {
  const progress = lazyProgress(io);
  try {
    const read = await readSheetFile(file, {
      sheet,
      onProgress: (done, total) => progress.update('読み込み', done, total),
    });
    if (!read.ok) throw new CliError(read.message);
    const outcome = checkSheet(read.grid, options, (done, total) => progress.update('チェック', done, total));
    if (!outcome.ok) {
      throw new CliError(
        outcome.failure.reason === 'empty'
          ? `ファイル「${file}」のシート「${read.sheetName}」にはデータがありません。`
          : `ファイル「${file}」のシート「${read.sheetName}」の先頭30行に見出し行が見つかりません（整理番号・納期限・調定額などの見出しが必要です）。`,
      );
    }
    return { sheetName: read.sheetName, grid: read.grid, result: outcome.result, checker: outcome.checker };
  } finally {
    progress.stop();
  }
}
