import { describe, expect, it } from 'vitest';
import { detectHeader, type MergedRange } from '../../../domain/fields/header.js';
import type { FieldKey } from '../../../domain/fields/catalogue.js';
import type { HeaderDetection } from '../../../domain/fields/mapping.js';
import type { Cell } from '../../../domain/values/parsed.js';

type Rows = Cell[][];

function summary(d: HeaderDetection | null): Partial<Record<FieldKey, string>> {
  if (!d) throw new Error('no header detected');
  return Object.fromEntries(d.columns.map((m) => [m.field, `${m.letter} ${m.reason} ${m.matched} ×${m.scale}`]));
}

const headers = (d: HeaderDetection | null) => Object.fromEntries((d?.columns ?? []).map((m) => [m.field, m.header]));
const at = (top: number, left: number, bottom: number, right: number): MergedRange => ({ top, left, bottom, right });

const title: Cell[] = ['令和6年度 国民健康保険料 債権管理台帳'];
const data: Cell[] = ['A001', '山田 太郎', new Date(2024, 4, 1), new Date(2024, 4, 31), 10, 0];

// 整理番号 and 氏名 merged down rows 1–2; 督促 over 発付日・指定期限; 金額（千円） over 調定額・収入済額.
const children: Cell[] = ['', '', '発付日', '指定期限', '調定額', '収入済額'];
const excel: Rows = [['整理番号', '氏名', '督促', '', '金額（千円）', ''], children];
const excelMerges = [at(0, 0, 1, 0), at(0, 1, 1, 1), at(0, 2, 0, 3), at(0, 4, 0, 5)];
const excelJs: Rows = [
  ['整理番号', '氏名', '督促', '督促', '金額（千円）', '金額（千円）'],
  ['整理番号', '氏名', '発付日', '指定期限', '調定額', '収入済額'],
];
const expected = {
  debtorId: 'A synonym 整理番号 ×1',
  debtorName: 'B label 氏名 ×1',
  demandDate: 'C synonym 督促発付日 ×1',
  demandDeadline: 'D label 督促指定期限 ×1',
  assessedAmount: 'E label 調定額 ×1000',
  paidAmount: 'F label 収入済額 ×1000',
};

describe('detectHeader: two-row headers', () => {
  it.each<[string, Rows, MergedRange[] | undefined]>([
    ['Excel, merges given', excel, excelMerges],
    ['Excel without merges, or CSV: the group over its first sub-column only', excel, undefined],
    ['ExcelJS, master repeated', excelJs, undefined],
    ['ExcelJS, master repeated, merges given', excelJs, excelMerges],
  ])('%s', (_, header, merges) => {
    for (const above of [[], [title], [title, []]]) {
      const d = detectHeader([...above, ...header, data, data], merges && { merges: shift(merges, above.length) });
      expect(d?.headerRows).toEqual([above.length + 1, above.length + 2]);
      expect(d?.dataStartRow).toBe(above.length + 3);
      expect(summary(d)).toEqual(expected);
      expect(d?.unmatched).toEqual([]);
    }
  });

  it('keeps a vertically merged cell as one header, never joined with itself', () => {
    for (const below of ['', '整理番号', '整 理 番 号']) {
      const d = detectHeader([
        ['整理番号', '督促', ''],
        [below, '発付日', '指定期限'],
      ]);
      expect(d?.columns[0]).toMatchObject({ field: 'debtorId', header: '整理番号', matched: '整理番号' });
    }
  });

  it('writes the header of a sub-column as group and sub-header', () => {
    expect(headers(detectHeader(excel))).toMatchObject({
      demandDate: '督促 発付日',
      assessedAmount: '金額（千円） 調定額',
    });
  });

  it('joins only where the joined text is a field, and otherwise reads the sub-header alone', () => {
    const d = detectHeader([
      ['整理番号', '督促状', '', '金額', ''],
      ['', '発付日', '指定期限', '調定額', '合計'],
    ]);
    expect(summary(d)).toEqual({
      debtorId: 'A synonym 整理番号 ×1',
      demandDate: 'B label 督促状発付日 ×1',
      demandDeadline: 'C synonym 督促状指定期限 ×1',
      assessedAmount: 'D label 調定額 ×1',
    });
    expect(d?.unmatched).toEqual([{ column: 4, letter: 'E', header: '金額 合計' }]);
  });

  it('stops a group at the next filled group cell and at a column with no sub-header', () => {
    const d = detectHeader([
      ['整理番号', '督促', '', '催告', '', '', '氏名', ''],
      ['', '発付日', '指定期限', '日', '方法', '', '', '調定額'],
    ]);
    expect(summary(d)).toEqual({
      debtorId: 'A synonym 整理番号 ×1',
      demandDate: 'B synonym 督促発付日 ×1',
      demandDeadline: 'C label 督促指定期限 ×1',
      lastDunningDate: 'D synonym 催告日 ×1',
      dunningMethod: 'E label 催告方法 ×1',
      debtorName: 'G label 氏名 ×1',
      assessedAmount: 'H label 調定額 ×1',
    });
    expect(headers(d)['assessedAmount']).toBe('調定額');
  });

  it('takes merges, when given, as the whole truth: no group is inherited', () => {
    const rows: Rows = [
      ['整理番号', '督促', ''],
      ['', '発付日', '指定期限'],
    ];
    expect(summary(detectHeader(rows))['demandDeadline']).toBe('C label 督促指定期限 ×1');
    expect(summary(detectHeader(rows, { merges: [] }))['demandDeadline']).toBe('C synonym 指定期限 ×1');
    const merged = detectHeader(rows, { merges: [at(1, 1, 1, 1), at(0, 1, 0, 2), at(0, 0, 1, 0)] });
    expect(summary(merged)['demandDeadline']).toBe('C label 督促指定期限 ×1');
  });

  it('applies （千円） from the group cell or from the sub-header', () => {
    const d = detectHeader([
      ['整理番号', '金額（千円）', '', '金額', ''],
      ['', '調定額', '収入済額', '未納額（千円）', '欠損額（円）'],
    ]);
    expect(summary(d)).toMatchObject({
      assessedAmount: 'B label 調定額 ×1000',
      paidAmount: 'C label 収入済額 ×1000',
      outstanding: 'D synonym 未納額 ×1000',
      writtenOffAmount: 'E synonym 欠損額 ×1',
    });
  });

  it('reads a row of units under a one-row header as part of the header', () => {
    const d = detectHeader([['整理番号', '氏名', '調定額', '収入済額'], ['', '', '（千円）', '（千円）'], data]);
    expect(d?.headerRows).toEqual([1, 2]);
    expect(summary(d)['assessedAmount']).toBe('C label 調定額 ×1000');
  });

  it('prefers the block where it and one of its rows find as many fields', () => {
    const rows: Rows = [['整理番号', '氏名', '金額', '金額'], ['整理番号', '氏名', '調定額', '収入済額'], data];
    expect(detectHeader(rows.slice(1))?.columns).toHaveLength(4);
    const d = detectHeader(rows);
    expect(d?.headerRows).toEqual([1, 2]);
    expect(d?.columns).toHaveLength(4);
  });

  it('sets a personal-number column apart in a two-row header', () => {
    const d = detectHeader([
      ['整理番号', '個人番号', '宛名', ''],
      ['', '', 'マイナンバー', '氏名'],
    ]);
    expect(d?.personalNumberColumns.map((p) => p.letter)).toEqual(['B', 'C']);
    expect(d?.columns.map((m) => m.letter)).toEqual(['A', 'D']);
  });
});

function shift(merges: MergedRange[], by: number): MergedRange[] {
  return merges.map((m) => ({ ...m, top: m.top + by, bottom: m.bottom + by }));
}
