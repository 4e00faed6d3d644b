import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../../domain/values/boolean.js';
import type { Cell } from '../../../domain/values/parsed.js';

function read(cell: Cell): boolean | string | null {
  const p = parseBoolean(cell);
  return p.ok ? p.value : `!${p.reason}`;
}

describe('parseBoolean', () => {
  // fields.md: ○ 〇 ● ✓ ✔ 有 あり 済 はい TRUE 1 Y = true; blank × 無 なし いいえ FALSE 0 N = false.
  it.each<Cell>(['○', '〇', '●', '✓', '✔', '有', 'あり', '済', 'はい', 'TRUE', '1', 'Y'])('%j is true', (cell) => {
    expect(read(cell)).toBe(true);
  });
  it.each<Cell>(['×', '無', 'なし', 'いいえ', 'FALSE', '0', 'N'])('%j is false', (cell) => {
    expect(read(cell)).toBe(false);
  });

  it.each<Cell>([true, 1, 'true', 'True', 'y', 'yes', 'YES', 'ｙ', 'ＴＲＵＥ', '１', '◯', '有り', '済み', ' ○ '])(
    '%j is true too',
    (cell) => {
      expect(read(cell)).toBe(true);
    },
  );
  it.each<Cell>([false, 0, 'false', 'n', 'no', 'NO', 'ｎ', '０', '無し', '✕'])('%j is false too', (cell) => {
    expect(read(cell)).toBe(false);
  });

  it.each<Cell>([null, undefined, '', '  ', '－', '-', '―'])('%j is blank (callers read it as false)', (cell) => {
    expect(read(cell)).toBeNull();
  });

  it.each<Cell>([2, -1, 0.5, NaN, 'maybe', '○×', '未', 'x'.repeat(1000), new Date(0)])('%j is unreadable', (cell) => {
    expect(read(cell)).toBe('!unreadable');
  });
});
