/** Runs one command module the way the `saiken` program does: output captured, errors to exit codes. */
import { Command } from 'commander';
import { handleError } from '../../../server/cli/errors.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCommand(register: (program: Command) => void, args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const program = new Command('saiken').exitOverride().configureOutput({
    writeOut: (s) => (out += s),
    writeErr: (s) => (err += s),
    outputError: () => {},
  });
  register(program);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: 0, out, err };
  } catch (e) {
    const code = handleError(e, (s) => (err += s));
    return { code, out, err };
  }
}
