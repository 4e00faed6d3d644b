import { describe, expect, it } from 'vitest';
import { handleError } from '../../../server/cli/errors.js';
import type { CliIO } from '../../../server/cli/io.js';
import { lazyProgress } from '../../../server/cli/progress.js';
import { isOneJapaneseLine } from '../../fixtures/cli-harness.js';

function fakeTerminal(tty: boolean) {
  let clock = 0;
  let written = '';
  const stream = { isTTY: tty, columns: 80, write: (s: string) => ((written += s), true) };
  const io: CliIO = {
    out: () => {},
    err: () => {},
    stderrIsTTY: tty,
    progressStream: stream as unknown as NodeJS.WritableStream,
    now: () => clock,
    today: () => 0,
  };
  return { io, tick: (ms: number) => (clock += ms), written: () => written };
}

describe('lazyProgress', () => {
  it('draws nothing during the first second, then a bar on the terminal', () => {
    const t = fakeTerminal(true);
    const p = lazyProgress(t.io);
    p.update('チェック', 10, 100);
    expect(t.written()).toBe('');
    t.tick(1500);
    p.update('チェック', 50, 100);
    p.stop();
    expect(t.written()).toContain('チェック');
  });

  it('never draws when stderr is not a terminal', () => {
    const t = fakeTerminal(false);
    const p = lazyProgress(t.io);
    t.tick(5000);
    p.update('チェック', 50, 100);
    p.stop();
    expect(t.written()).toBe('');
  });
});

describe('handleError', () => {
  it('turns an unexpected exception into one Japanese line and exit 2', () => {
    let err = '';
    const e = new TypeError("Cannot read properties of undefined (reading 'x')");
    e.stack = `TypeError: boom\n    at f (file.ts:1:1)`;
    expect(handleError(e, (s) => (err += s))).toBe(2);
    expect(isOneJapaneseLine(err), err).toBe(true);
  });
});
