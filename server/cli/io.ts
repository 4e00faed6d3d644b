/**
 * Where the command line writes and what it asks of its surroundings, so that tests can run the
 * program in-process and capture everything.
 */
import { todayInJapan, type Day } from '../../domain/calendar/day.js';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Only a terminal gets a progress bar. */
  stderrIsTTY: boolean;
  /** The stream a progress bar draws on (process.stderr). */
  progressStream?: NodeJS.WritableStream;
  now(): number;
  /** The default 基準日. */
  today(): Day;
}

/** Writes that fail because the reader went away (`saiken check … | head`) are not errors. */
function safeWrite(stream: NodeJS.WriteStream, text: string): void {
  try {
    stream.write(text);
  } catch {
    // EPIPE and the like: nothing left to tell.
  }
}

export function processIO(): CliIO {
  return {
    out: (t) => safeWrite(process.stdout, t),
    err: (t) => safeWrite(process.stderr, t),
    stderrIsTTY: process.stderr.isTTY === true,
    progressStream: process.stderr,
    now: () => Date.now(),
    today: () => todayInJapan(),
  };
}

/** What an action shares with the program: the streams, and the exit status it decides. */
export interface CliContext {
  io: CliIO;
  exitCode: number;
}
