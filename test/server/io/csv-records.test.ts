/**
 * The CSV record scanner against csv-parse with the options the reader used before it
 * (`relax_quotes`, `relax_column_count`, empty lines kept), on generated text: quotes in every place,
 * all three line breaks mixed, both delimiters. Same rows, or both refuse the text.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../domain/values/parsed.js';
import { CsvSyntaxError, parseRecords } from '../../../server/io/csv-records.js';

function withCsvParse(text: string, delimiter: string): Cell[][] | 'refused' {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    return 'refused';
  }
  return records.map((rec) => {
    const row: Cell[] = rec.map((v) => (v === '' ? null : v));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
}

function withScanner(text: string, delimiter: string): Cell[][] | 'refused' {
  try {
    return parseRecords(text, delimiter);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return 'refused';
    throw e;
  }
}

const csvText = (delimiter: string) =>
  fc
    .array(
      fc.constantFrom(
        'a',
        'あ',
        '髙',
        ' ',
        '"',
        '""',
        delimiter,
        '\r\n',
        '\n',
        '\r',
        'x"y',
        '"q"',
        delimiter === ',' ? '\t' : ',',
      ),
      {
        maxLength: 30,
      },
    )
    .map((parts) => parts.join(''));

describe('CSV records read as csv-parse read them', () => {
  for (const delimiter of [',', '\t']) {
    it(`on generated text (${delimiter === ',' ? 'comma' : 'tab'})`, () => {
      fc.assert(
        fc.property(csvText(delimiter), (text) => {
          expect(withScanner(text, delimiter)).toEqual(withCsvParse(text, delimiter));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('on ledger-like lines, quoted or not', () => {
    const field = fc.oneof(
      fc.constantFrom('', 'A-001', '髙橋 一郎', '2024/5/31', '令和6年9月30日'),
      fc.constantFrom('"18,000円"', '"a ""b"""', '"1\r\n2"'),
    );
    const line = fc.array(field, { minLength: 1, maxLength: 6 }).map((fs) => fs.join(','));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('\r\n', '\n'), (lines, eol) => {
        const text = lines.map((l) => l + eol).join('');
        expect(withScanner(text, ',')).toEqual(withCsvParse(text, ','));
      }),
      { numRuns: 1000 },
    );
  });

  it('says on which line the quote that is never closed opens', () => {
    expect(() => parseRecords('a,b\r\nc,d\r\n"e,f\r\ng\r\n', ',')).toThrow(expect.objectContaining({ line: 3 }));
  });
});
