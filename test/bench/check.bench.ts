/**
 * The engine on a 100k-row, 30-column sheet already in memory: full check vs two floors measured
 * in the same run — reading every mapped field through its parser (what any check must do) and
 * touching every cell (the bare loop) — and the re-check of one changed row.
 */
import { parseISODay } from '../../domain/calendar/day.js';
import { checkSheet } from '../../domain/engine/check.js';
import { fieldDef } from '../../domain/fields/catalogue.js';
import { ENUM_ALIASES, parseField } from '../../domain/values/index.js';
import type { Cell } from '../../domain/values/parsed.js';
import { generateSample } from '../../server/sample/generate.js';
import { median, time } from './machine.js';

export interface CheckBench {
  rows: number;
  columns: number;
  checkMs: number;
  rowsPerSecond: number;
  parseFloorMs: number;
  touchFloorMs: number;
  ratioToParseFloor: number;
  ratioToTouchFloor: number;
  recheckOneRowMs: number;
  findings: number;
}

export function benchCheck(rows = 100_000): CheckBench {
  const asOf = parseISODay('2025-03-31')!;
  const { grid } = generateSample({ rows, claimType: '保育料', seed: 7, asOf });
  const first = checkSheet(grid, { asOf, claimType: '保育料' });
  if (!first.ok) throw new Error('sample has no header');
  const mapping = first.result.mapping;
  const columns = Math.max(...grid.map((r) => r?.length ?? 0));
  const readers = mapping.columns.map((c) => {
    const def = fieldDef(c.field);
    const opts = { options: def.options, aliases: ENUM_ALIASES[c.field], scale: c.scale };
    return { column: c.column, read: (cell: Cell) => parseField(def.type, cell, opts) };
  });

  const parseRuns: number[] = [];
  const touchRuns: number[] = [];
  const checkRuns: number[] = [];
  let sink = 0;
  for (let i = 0; i < 5; i++) {
    touchRuns.push(
      time(() => {
        for (let r = mapping.dataStartRow - 1; r < grid.length; r++) {
          const row = grid[r]!;
          for (let c = 0; c < row.length; c++) if (row[c] != null) sink++;
        }
      }).ms,
    );
    parseRuns.push(
      time(() => {
        for (let r = mapping.dataStartRow - 1; r < grid.length; r++) {
          const row = grid[r]!;
          for (const rd of readers) if (rd.read(row[rd.column]).ok) sink++;
        }
      }).ms,
    );
    checkRuns.push(time(() => checkSheet(grid, { asOf, claimType: '保育料', mapping })).ms);
  }
  if (sink < 0) console.log(sink);

  const out = checkSheet(grid, { asOf, claimType: '保育料', mapping });
  if (!out.ok) throw new Error('unreachable');
  const recheck: number[] = [];
  for (let i = 0; i < 21; i++) {
    const r = mapping.dataStartRow + ((i * 4099) % (grid.length - mapping.dataStartRow));
    const cells = [...grid[r - 1]!];
    recheck.push(time(() => out.checker.update([{ row: r, cells }])).ms);
  }
  const checkMs = median(checkRuns);
  const parseFloorMs = median(parseRuns);
  const touchFloorMs = median(touchRuns);
  return {
    rows,
    columns,
    checkMs,
    rowsPerSecond: Math.round((rows / checkMs) * 1000),
    parseFloorMs,
    touchFloorMs,
    ratioToParseFloor: checkMs / parseFloorMs,
    ratioToTouchFloor: checkMs / touchFloorMs,
    recheckOneRowMs: median(recheck),
    findings: out.result.findings.length,
  };
}
