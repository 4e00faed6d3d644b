/**
 * Properties of every value parser: no input of any type makes one throw, every result is well formed,
 * and every notation we can write a day in reads back as that day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYMD, formatISO, type Day } from '../../../domain/calendar/day.js';
import { fiscalYearLabel, formatWareki, formatWarekiShort } from '../../../domain/calendar/era.js';
import { FIELDS } from '../../../domain/fields/catalogue.js';
import {
  excelSerialOf,
  formatDateJa,
  formatDateKanji,
  parseBoolean,
  parseDate,
  parseEnum,
  parseFieldOf,
  parseFiscalYear,
  parseInteger,
  parseText,
  parseYen,
  parseYenScaled,
  type Cell,
  type InvalidReason,
  type Parsed,
} from '../../../domain/values/index.js';

const REASONS: readonly InvalidReason[] = ['unreadable', 'fraction', 'no-such-day', 'out-of-range', 'unknown-option'];

const PARSERS: readonly [string, (c: Cell) => Parsed<unknown>][] = [
  ['parseDate', parseDate],
  ['parseFiscalYear', parseFiscalYear],
  ['parseYen', parseYen],
  ['parseYenScaled', (c) => parseYenScaled(c, 1000)],
  ['parseBoolean', parseBoolean],
  ['parseInteger', parseInteger],
  ['parseEnum', (c) => parseEnum(c, ['文書', '電話', 'SMS'])],
  ['parseText', parseText],
  ...FIELDS.map((def): [string, (c: Cell) => Parsed<unknown>] => [
    `parseFieldOf(${def.key})`,
    (c) => parseFieldOf(def, c),
  ]),
];

function wellFormed(p: Parsed<unknown>): boolean {
  return p.ok ? p.value !== undefined : REASONS.includes(p.reason);
}

// Fragments of the notations, so random strings often get deep into the parsers' grammar.
const fragment = fc.constantFrom(
  ...['0', '1', '2', '9', '12', '31', '2024', '45383', '元', '令和', '平成', '昭和', 'R', 'h', 'Ｒ', '６'],
  ...['年', '月', '日', '年度', '/', '-', '.', ',', '，', ' ', '　', '△', '▲', '−', '－', '円', '¥', '回'],
  ...['○', '×', 'TRUE', 'はい', 'T', ':', 'Z', '第', '号', '\uD800', '\uDC00', '\u0000', '\n'],
);
const notationLike = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  notationLike,
  fc.double(),
  fc.integer(),
  fc.date({ noInvalidDate: false }),
  fc.boolean(),
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE),
);

describe('no input makes a parser throw', () => {
  it.each(PARSERS)('%s', (_name, parse) => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        expect(wellFormed(parse(cell as Cell))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(PARSERS)('%s on a huge string', (_name, parse) => {
    expect(wellFormed(parse('令和6年4月1日'.repeat(100_000)))).toBe(true);
    expect(wellFormed(parse('\uD800'.repeat(10_000)))).toBe(true);
  });
});

const MIN = dayFromYMD(1900, 3, 1);
const MAX = dayFromYMD(2100, 12, 31);
const days = fc.integer({ min: MIN, max: MAX });

const FULL_WIDTH = (s: string) => s.replace(/[0-9A-Za-z/.-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const NOTATIONS: readonly [string, (d: Day) => Cell][] = [
  ['ISO', formatISO],
  ['YYYY/M/D', formatDateJa],
  ['YYYY年M月D日', formatDateKanji],
  ['令和6年4月1日', formatWareki],
  ['R6.4.1', formatWarekiShort],
  ['R6/4/1', (d) => formatWarekiShort(d).replaceAll('.', '/')],
  ['full-width 令和６年４月１日', (d) => FULL_WIDTH(formatWareki(d))],
  ['full-width ２０２４／４／１', (d) => FULL_WIDTH(formatDateJa(d))],
  ['Excel serial', excelSerialOf],
  ['Excel serial with a time', (d) => excelSerialOf(d) + 0.75],
  ['Excel serial as text', (d) => String(excelSerialOf(d))],
  ['Date at UTC midnight', (d) => new Date(d * 86_400_000)],
];

describe('formatting a day and parsing it round-trips (1900-03-01..2100-12-31)', () => {
  it.each(NOTATIONS)('%s', (_name, format) => {
    fc.assert(
      fc.property(days, (d) => {
        expect(parseDate(format(d))).toEqual({ ok: true, value: d });
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips every day of the era changes', () => {
    for (let d = dayFromYMD(2019, 4, 20); d <= dayFromYMD(2019, 5, 10); d++) {
      expect(parseDate(formatWareki(d))).toEqual({ ok: true, value: d });
      expect(parseDate(formatWarekiShort(d))).toEqual({ ok: true, value: d });
    }
    for (let d = dayFromYMD(1988, 12, 25); d <= dayFromYMD(1989, 1, 15); d++) {
      expect(parseDate(formatWareki(d))).toEqual({ ok: true, value: d });
    }
  });
});

describe('other round trips', () => {
  it('fiscal year labels read back as their year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1868, max: 9999 }), (fy) => {
        expect(parseFiscalYear(fiscalYearLabel(fy))).toEqual({ ok: true, value: fy });
        expect(parseFiscalYear(`${fy}年度`)).toEqual({ ok: true, value: fy });
      }),
    );
  });

  it('yen written with separators, signs and widths read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const grouped = Math.abs(n).toLocaleString('en-US');
        const expected = { ok: true, value: n };
        expect(parseYen(n)).toEqual(expected);
        expect(parseYen(String(n))).toEqual(expected);
        expect(parseYen(`${n < 0 ? '△' : ''}${grouped}円`)).toEqual(expected);
        expect(parseYen(`${n < 0 ? '▲ ' : ''}${FULL_WIDTH(grouped).replaceAll(',', '，')}`)).toEqual(expected);
      }),
    );
  });

  it('thousands of yen with up to three decimals read as whole yen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (yen) => {
        const thousands = yen / 1000;
        expect(parseYenScaled(thousands, 1000)).toEqual({ ok: true, value: yen });
        expect(parseYenScaled(String(thousands), 1000)).toEqual({ ok: true, value: yen });
      }),
    );
  });

  it('counts read back', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(parseInteger(`${n}回`)).toEqual({ ok: true, value: n });
      }),
    );
  });
});
