/**
 * Exit statuses and the one-line Japanese messages for input that cannot be used. Nothing here
 * prints a stack: a clerk gets a sentence that says what to do.
 */
import { CommanderError } from 'commander';
import type { z } from 'zod';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
const EXIT_UNUSABLE = 2;

/** The input or an option cannot be used: exit 2 with this message. */
export class CliError extends Error {}

/** Parses options with a zod schema; the first problem becomes a CliError. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw new CliError(r.error.issues[0]?.message ?? 'オプションの指定が正しくありません。');
}

const quoted = (message: string) => /'([^']+)'/.exec(message)?.[1] ?? '';

/** Commander's own (English) complaints, in Japanese. */
function commanderMessage(e: CommanderError): string {
  switch (e.code) {
    case 'commander.unknownOption':
      return `「${quoted(e.message)}」というオプションはありません。saiken --help で使い方を確認してください。`;
    case 'commander.unknownCommand':
      return `「${quoted(e.message)}」というコマンドはありません。saiken --help で使い方を確認してください。`;
    case 'commander.missingArgument':
      return `${quoted(e.message) === 'file' ? '調べるファイル' : quoted(e.message)}を指定してください（例: saiken check 台帳.xlsx）。`;
    case 'commander.optionMissingArgument':
      return `オプション ${quoted(e.message)} には値を指定してください。`;
    case 'commander.missingMandatoryOptionValue':
      return `オプション ${quoted(e.message)} を指定してください。`;
    case 'commander.excessArguments':
      return '引数が多すぎます。ファイル名に空白があるときは "" で囲んでください。';
    case 'commander.invalidArgument':
      return 'オプションの値が正しくありません。';
    default:
      return 'コマンドの指定が正しくありません。saiken --help で使い方を確認してください。';
  }
}

/** The exit status for anything thrown out of the program, after writing its one line. */
export function handleError(e: unknown, err: (text: string) => void): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT_OK;
    if (e.code === 'commander.help') return EXIT_UNUSABLE; // help shown because no command was given
    err(`${commanderMessage(e)}\n`);
    return EXIT_UNUSABLE;
  }
  if (e instanceof CliError) {
    err(`${e.message}\n`);
    return EXIT_UNUSABLE;
  }
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  err(`予期しない問題が起きたため、処理を中止しました（${detail}）。\n`);
  return EXIT_UNUSABLE;
}
