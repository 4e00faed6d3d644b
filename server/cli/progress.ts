/**
 * A progress bar on stderr, only on a terminal and only once the work has taken a second: short
 * checks print nothing, and pipes and log files never see control codes.
 */
import cliProgress from 'cli-progress';
import type { CliIO } from './io.js';

export interface Progress {
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

const DELAY_MS = 1000;

export function lazyProgress(io: CliIO): Progress {
  if (!io.stderrIsTTY || !io.progressStream) return { update() {}, stop() {} };
  const started = io.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(phase, done, total) {
      if (!bar) {
        if (io.now() - started < DELAY_MS) return;
        bar = new cliProgress.SingleBar({
          stream: io.progressStream,
          format: '{phase} |{bar}| {percentage}%',
          hideCursor: true,
          clearOnComplete: true,
        });
        bar.start(100, 0, { phase });
      }
      bar.update(total > 0 ? Math.floor((done / total) * 100) : 0, { phase });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
