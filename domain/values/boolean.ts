/**
 * Yes/no cells as ledgers mark them: a circle or tick for yes (○ 〇 ● ✓ 有 済 …), a cross or nothing for
 * no. A blank cell is BLANK (value null), which callers read as "no".
 */
import { isBlankNormalized, normalizeText } from '../text/normalize.js';
import { BLANK, invalid, valueOf, type Cell, type Parsed } from './parsed.js';

const MAX_TEXT = 32;

// Compared after NFKC and upper-casing (`ｙｅｓ` → `YES`). ◯ (U+25EF) is how many IMEs type a circle.
const TRUE_WORDS = new Set([
  '○',
  '〇',
  '◯',
  '●',
  '✓',
  '✔',
  '有',
  '有り',
  'あり',
  '済',
  '済み',
  'はい',
  'TRUE',
  '1',
  'Y',
  'YES',
]);
const FALSE_WORDS = new Set(['×', '✕', '無', '無し', 'なし', 'いいえ', 'FALSE', '0', 'N', 'NO']);

const TRUE: Parsed<boolean> = valueOf(true);
const FALSE: Parsed<boolean> = valueOf(false);

export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (typeof cell === 'boolean') return cell ? TRUE : FALSE;
  if (typeof cell === 'number') return cell === 1 ? TRUE : cell === 0 ? FALSE : invalid('unreadable');
  if (typeof cell === 'string') return fromText(cell);
  if (cell === null || cell === undefined) return BLANK;
  return invalid('unreadable');
}

function fromText(raw: string): Parsed<boolean> {
  if (raw.length > MAX_TEXT) return invalid('unreadable');
  const t = normalizeText(raw);
  if (isBlankNormalized(t)) return BLANK;
  const key = t.toUpperCase();
  if (TRUE_WORDS.has(key)) return TRUE;
  if (FALSE_WORDS.has(key)) return FALSE;
  return invalid('unreadable');
}
