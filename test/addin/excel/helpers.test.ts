import { describe, expect, it } from 'vitest';
import { isDateFormat, parseAreas, toCell, toCells } from '../../../addin/excel/cells.js';
import { decodeState, encodeState, namespaceFor } from '../../../addin/excel/doc-state.js';
import { codesByRow, planBlocks } from '../../../addin/excel/flag-plan.js';
import {
  firstChunkRows,
  groupByBytes,
  isPayloadError,
  jsonBytes,
  nextChunkRows,
  utf8Bytes,
} from '../../../addin/excel/payload.js';
import { parseDate } from '../../../domain/values/date.js';
import { parseText } from '../../../domain/values/index.js';
import { formatISO } from '../../../domain/calendar/day.js';

describe('payload sizing', () => {
  it('counts UTF-8 bytes as they travel', () => {
    for (const s of ['abc', '債権', '😀x', 'é', '\ud800']) {
      expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
    expect(jsonBytes([['債', 1]])).toBe(Buffer.byteLength('[["債",1]]'));
  });

  it('sizes the next chunk from the last, growing at most fourfold', () => {
    expect(nextChunkRows(1000, 1_000_000)).toBe(3000);
    expect(nextChunkRows(1000, 30_000_000)).toBe(100);
    expect(nextChunkRows(100, 1000)).toBe(400);
    expect(firstChunkRows(30)).toBeLessThanOrEqual(5000);
    expect(firstChunkRows(10_000)).toBe(1);
  });

  it('groups items under a byte budget and recognises payload errors', () => {
    expect(groupByBytes([3, 3, 3, 9, 1], (n) => n, 6)).toEqual([[3, 3], [3], [9], [1]]);
    expect(isPayloadError({ code: 'RequestPayloadSizeLimitExceeded' })).toBe(true);
    expect(isPayloadError({ code: 'ResponsePayloadSizeLimitExceeded' })).toBe(true);
    expect(isPayloadError(new Error('x'))).toBe(false);
  });
});

describe('cells', () => {
  it('tells date formats (Gregorian, 和暦, times) from number formats', () => {
    for (const f of ['yyyy/m/d', 'm/d/yyyy', '[$-411]ggge"年"m"月"d"日"', 'ge.m.d', 'h:mm', 'yyyy"年"m"月"']) {
      expect(isDateFormat(f), f).toBe(true);
    }
    for (const f of ['General', '#,##0', '0.00', '@', '#,##0"円"', '[Red]#,##0', '#,##0_);[Red](#,##0)']) {
      expect(isDateFormat(f), f).toBe(false);
    }
  });

  it('makes a date-formatted number a Date that both the date and the text parser read as that day', () => {
    const cell = toCell(45383, 'yyyy/m/d'); // 2024-04-01
    expect(cell).toBeInstanceOf(Date);
    const day = parseDate(cell);
    expect(day.ok && day.value !== null && formatISO(day.value)).toBe('2024-04-01');
    expect(parseText(cell)).toEqual({ ok: true, value: '2024-04-01' });
    expect(toCell(45383, 'General')).toBe(45383);
    expect(toCell('', 'General')).toBeNull();
    expect(toCell('#N/A', 'General')).toBe('#N/A');
    expect(toCells([[1, '', true]], [['0', 'General', 'General']])).toEqual([[1, null, true]]);
  });

  it('parses merged areas from a RangeAreas address', () => {
    expect(parseAreas("Sheet1!A1:B2,Sheet1!C1,'台帳, R6'!$D$1:$E$2")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 2 },
      { top: 0, left: 3, bottom: 1, right: 4 },
    ]);
  });
});

describe('flag plan', () => {
  const area = { firstRow: 3, firstColumn: 2, rowCount: 10, columnCount: 3 };

  it('keeps the gravest severity of a cell and ignores flags outside the area', () => {
    const codes = codesByRow(
      [
        { row: 4, column: 2, severity: 'info' },
        { row: 4, column: 2, severity: 'error' },
        { row: 4, column: 3, severity: 'warning' },
        { row: 2, column: 2, severity: 'error' },
        { row: 4, column: 9, severity: 'error' },
      ],
      area,
    );
    expect([...codes]).toEqual([[4, [3, 2, '']]]);
  });

  it('bridges small gaps only when asked, and writes blanks for rows without codes', () => {
    const codes = new Map([
      [4, [1, '', ''] as (number | '')[]],
      [6, ['', 2, ''] as (number | '')[]],
    ]);
    expect(planBlocks([4, 6], codes, area, 4)).toEqual([
      {
        row: 4,
        column: 2,
        values: [
          [1, '', ''],
          ['', '', ''],
          ['', 2, ''],
        ],
      },
    ]);
    expect(planBlocks([4, 5, 6], codes, area, 0)).toEqual([
      {
        row: 4,
        column: 2,
        values: [
          [1, '', ''],
          ['', '', ''],
          ['', 2, ''],
        ],
      },
    ]);
    expect(planBlocks([4, 6], codes, area, 0).map((b) => b.row)).toEqual([4, 6]);
  });
});

describe('document state encoding', () => {
  it('round-trips awkward text through XML parts', () => {
    const value = 'a<b>&c]]>\u0000\u001f"\\ 債権 😀 \ud800 end';
    const xmls = encodeState('k', value);
    expect(xmls).toHaveLength(1);
    expect(xmls[0]).toContain(`xmlns="${namespaceFor('k')}"`);
    expect([...(xmls[0] ?? '')].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false);
    expect(decodeState(xmls)).toBe(value);
  });

  it('splits a large value into parts of at most 1 MB and picks the newest complete generation', () => {
    const value = JSON.stringify(Array.from({ length: 120_000 }, (_, i) => `${i}:債権`));
    const older = encodeState('k', 'old', '000000001aaaa');
    const newer = encodeState('k', value, '000000002aaaa');
    expect(newer.length).toBeGreaterThan(1);
    for (const x of newer) expect(jsonBytes(x)).toBeLessThanOrEqual(1_000_000);
    expect(decodeState([...newer, ...older])).toBe(value);
    expect(decodeState([...newer.slice(1), ...older])).toBe('old'); // an interrupted save
    expect(decodeState(['<other/>'])).toBeNull();
  });
});
