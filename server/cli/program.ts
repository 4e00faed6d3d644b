/**
 * The `saiken` program: commander with Japanese help and errors, and one module per command under
 * commands/. A new command is a module exporting `register(program, ctx)`, imported below.
 */
import { Command } from 'commander';
import { handleError } from './errors.js';
import { processIO, type CliContext, type CliIO } from './io.js';
import * as check from './commands/check.js';
import * as sample from './commands/sample.js';
import * as plans from './commands/plans.js';
import * as report from './commands/report.js';
import * as serve from './commands/serve.js';
import * as token from './commands/token.js';
import * as worklist from './commands/worklist.js';
import * as latecharge from './commands/latecharge.js';
import * as latechargeTable from './commands/latecharge-table.js';
import * as db from './commands/db.js';
import * as submit from './commands/submit.js';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

const COMMANDS: readonly RegisterCommand[] = [
  check.register,
  sample.register,
  plans.register,
  report.register,
  serve.register,
  token.register,
  worklist.register,
  latecharge.register,
  latechargeTable.register,
  db.register,
  submit.register,
];

const TITLES: Record<string, string> = {
  'Usage:': '使い方:',
  'Options:': 'オプション:',
  'Commands:': 'コマンド:',
  'Arguments:': '引数:',
  'Global Options:': '共通オプション:',
};

function buildProgram(ctx: CliContext): Command {
  const program = new Command('saiken')
    .description('債権管理台帳のチェックと集計')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.out(s),
      writeErr: (s) => ctx.io.err(s),
      outputError: () => {}, // handleError writes the Japanese line
    })
    .configureHelp({ styleTitle: (s) => TITLES[s] ?? s })
    .helpOption('-h, --help', '使い方を表示する')
    .helpCommand('help [command]', 'コマンドの使い方を表示する');
  for (const register of COMMANDS) register(program, ctx);
  return program;
}

/** Runs the program on `args` (without `node` and the script) and returns the exit status. */
export async function runCli(args: readonly string[], io: CliIO = processIO()): Promise<number> {
  const ctx: CliContext = { io, exitCode: 0 };
  try {
    await buildProgram(ctx).parseAsync([...args], { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    return handleError(e, io.err);
  }
}
