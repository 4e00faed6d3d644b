/**
 * `--mapping FILE`: the JSON the pane keeps for a sheet whose mapping was confirmed (ledger id,
 * claim type, columns), pinning the columns of a recurring export. The file's header must still
 * read as it did when the mapping was made: a header that moved or changed is an error, never a guess.
 */
import { readFile } from 'node:fs/promises';
import type { Grid } from '../../../domain/engine/checker.js';
import { detectHeader } from '../../../domain/fields/header.js';
import { headerScale, normalizeHeader } from '../../../domain/fields/header-text.js';
import type { HeaderDetection } from '../../../domain/fields/mapping.js';
import { StoredSheetConfig } from '../../../domain/sync/sheet-config.js';
import { CliError } from '../errors.js';
import type { SubmitMessages } from './messages.js';

export async function readMappingFile(path: string, m: SubmitMessages): Promise<StoredSheetConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(m.mappingUnreadable(path, (e as { code?: string }).code ?? String(e)));
  }
  try {
    return StoredSheetConfig.parse(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch {
    throw new CliError(m.mappingInvalid(path));
  }
}

/** A header cell that no longer reads as the mapping says: its column, what the mapping has, what the file has. */
export interface HeaderChange {
  letter: string;
  expected: string;
  found: string;
}

/**
 * The stored mapping, checked against the file's header (found the way the pane found it): the same
 * header rows, and each mapped column headed as it was (same text, same unit). Personal number
 * columns are taken from the file as it is now, so that a new one is refused.
 */
export function pinnedMapping(grid: Grid, stored: HeaderDetection, mappingPath: string, m: SubmitMessages) {
  const now = detectHeader(grid.slice(0, 30).map((r) => r ?? []));
  const rows = (d: { headerRows: number[] }) => d.headerRows.join('・');
  if (!now || rows(now) !== rows(stored)) {
    throw new CliError(m.headerMoved(mappingPath, rows(stored), now ? rows(now) : null));
  }
  const headers = new Map<number, string>();
  for (const c of [...now.columns, ...now.unmatched, ...now.personalNumberColumns]) headers.set(c.column, c.header);
  const changes: HeaderChange[] = [];
  for (const c of stored.columns) {
    const found = headers.get(c.column) ?? '';
    if (normalizeHeader(found) !== normalizeHeader(c.header) || headerScale(found) !== c.scale) {
      changes.push({ letter: c.letter, expected: c.header, found });
    }
  }
  if (changes.length > 0) {
    const list = changes.map((c) => m.columnChange(c.letter, c.expected, c.found)).join(', ');
    throw new CliError(m.headerChanged(mappingPath, list));
  }
  return { ...stored, personalNumberColumns: now.personalNumberColumns };
}
