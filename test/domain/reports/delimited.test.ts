/** The one CSV/TSV writer: formula-like text neutralised (OWASP), numbers left as numbers, quoting as CSV needs. */
import { describe, expect, it } from 'vitest';
import {
  delimitedField,
  formatCsv,
  formatTsv,
  looksLikeFormula,
  neutralizeFormula,
} from '../../../domain/reports/delimited.js';
import { buildTargetTable, formatTargetTableTsv } from '../../../domain/targets/index.js';
import { SEED_BUREAU_ORDER, SEED_PLAN_LINES, SEED_TABLE_TSV } from '../targets/seed-fixture.js';

const TRIGGERS = ['=HYPERLINK("http://x","y")', '@SUM(1)', '+1', '-1+1', '\tx', '\rx', '=1+1'];

describe('neutralising formula-like text', () => {
  it.each(TRIGGERS)('%j gets a leading quote', (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it('leaves other text alone, the seed’s printed figures included', () => {
    for (const text of ['総務局', '2,934,892', '△ 13', '95.40', '－', '0.00', "'=already", ' =1', '＝1', '']) {
      expect(neutralizeFormula(text)).toBe(text);
    }
  });

  it('writes numbers the project writes as numbers as they are, negative ones too', () => {
    expect(delimitedField(-1234, ',')).toBe('-1234');
    expect(delimitedField(-1234n, '\t')).toBe('-1234');
    expect(delimitedField(1.5, ',')).toBe('1.5');
    expect(delimitedField(Number.NaN, ',')).toBe('');
    // The same characters as text (a name, a clerk's cell) are text: neutralised.
    expect(delimitedField('-1234', ',')).toBe("'-1234");
    expect(delimitedField(null, ',')).toBe('');
    expect(delimitedField(true, ',')).toBe('TRUE');
  });

  it('quotes as CSV requires, after neutralising', () => {
    expect(delimitedField('a,b', ',')).toBe('"a,b"');
    expect(delimitedField('a,b', '\t')).toBe('a,b');
    expect(delimitedField('a\tb', '\t')).toBe('"a\tb"');
    expect(delimitedField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(delimitedField('=HYPERLINK("http://x","y")', ',')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(delimitedField('\rx', '\t')).toBe('"\'\rx"');
    expect(delimitedField('line\nbreak', ',')).toBe('"line\nbreak"');
  });

  it('formats whole files with the line ends asked for', () => {
    expect(
      formatCsv([
        ['@a', 1],
        ['b', -2],
      ]),
    ).toBe("'@a,1\r\nb,-2\r\n");
    expect(formatTsv([['+a', 'x y']])).toBe("'+a\tx y\n");
  });
});

describe('the bureau table TSV', () => {
  it('is still the seed to the character', () => {
    const table = buildTargetTable(SEED_PLAN_LINES, {
      fiscalYear: 2024,
      bureauOrder: SEED_BUREAU_ORDER,
      settled: false,
    });
    expect(formatTargetTableTsv(table)).toBe(SEED_TABLE_TSV);
  });

  it('never starts a line or a cell with a formula character', () => {
    const lines = TRIGGERS.filter((t) => !/[\t\r]/.test(t)).map((bureau, i) => ({
      bureau,
      division: '課',
      claim: `債権${i}`,
      fiscalYear: 2024,
      baselineYen: 1000,
      targetYen: 2000,
    }));
    const tsv = formatTargetTableTsv(buildTargetTable(lines, { fiscalYear: 2024, bureauOrder: [], settled: true }));
    for (const line of tsv.trimEnd().split('\n')) {
      for (const cell of line.split('\t')) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(tsv.split('\n')[1]).toBe('"\'=HYPERLINK(""http://x"",""y"")"\t1\t2\t1\t200.00');
    expect(tsv.split('\n')[4]).toBe("'-1+1\t1\t2\t1\t200.00");
  });
});
